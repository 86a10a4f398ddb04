import '../support/as-boston.js';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { useOwnTable } from '../support/own-table.js';

// The real Boston 2015 sample and wards, beside the project (../shared/data): never copied into it.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATA = `${ROOT}../shared/data`;
const FULL_CSV = `${DATA}/boston-311-2015/boston_311_2015_street_issues_sample.csv`;
/** Every 20th row (~970): the same guarantees as the whole file at a twentieth of the time; `npx tsx bench/import-311.ts` imports all of it. */
const EVERY = 20;
let CSV: string;
const WARDS = `${DATA}/boston-wards/Wards.geojson`;
const present = existsSync(FULL_CSV) && existsSync(WARDS);
if (!present) console.warn(`import-boston: skipped, ${FULL_CSV} or ${WARDS} is absent (../shared/data is not part of the project)`);

type Row = Record<string, string>;
let lib: typeof import('../../infra/local/import-311.js');
let store: typeof import('../../functions/store/import-311.js');
let rows: typeof import('../../shared/import311/rows.js');
let summary: Awaited<ReturnType<typeof lib.import311>>;
let csvRows: Row[];

const ward = (text: string) => /^(?:ward\s*)?0*(\d{1,2})$/i.exec(text.trim())?.[1] ?? undefined;

describe.skipIf(!present)('import:311 of the Boston 2015 sample, as Boston', () => {
  beforeAll(async () => {
    await useOwnTable(`import-boston-${Date.now()}`);
    lib = await import('../../infra/local/import-311.js');
    store = await import('../../functions/store/import-311.js');
    rows = await import('../../shared/import311/rows.js');
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    // Each record's raw text (a quoted field may hold a line break), so the sample is the file's own bytes.
    const records = parse(readFileSync(FULL_CSV), { bom: true, raw: true }) as unknown as { raw: string }[];
    CSV = `${mkdtempSync(`${tmpdir()}/boston-`)}/sample.csv`;
    writeFileSync(
      CSV,
      [
        records[0]?.raw ?? '',
        ...records
          .slice(1)
          .filter((_, i) => i % EVERY === 0)
          .map((r) => r.raw),
      ].join(''),
    );
    csvRows = parse(readFileSync(CSV), { columns: true, bom: true }) as Row[];
    summary = await lib.import311(CSV, lib.readMapping(`${ROOT}jurisdictions/boston/boston-311.mapping.json`));
  }, 300_000);

  async function storedFor(sample: Row[]) {
    return store.storedItems(sample.map((r) => rows.importedItemId('boston-311', r.CASE_ENQUIRY_ID as string)));
  }

  it('imports every row: the catalog covers every type in the sample', () => {
    expect(summary.rows).toBe(csvRows.length);
    expect(summary.problems).toEqual([]);
    expect(summary.created).toBe(csvRows.length);
  });

  it("puts ≥ 97 % of precisely located rows in the ward the CSV's own ward column names", async () => {
    const located = csvRows.filter((r) => ward(r.ward ?? '') && !(r.LATITUDE === '42.3594' && r.LONGITUDE === '-71.0587'));
    const stored = await storedFor(located);
    const agree = located.filter(
      (r) => stored.get(rows.importedItemId('boston-311', r.CASE_ENQUIRY_ID as string))?.area?.id === ward(r.ward ?? ''),
    );
    expect(located.length).toBeGreaterThan(850);
    expect(agree.length / located.length).toBeGreaterThanOrEqual(0.97);
  });

  it('gives City Hall placeholder rows no pin and no ward', async () => {
    const placeholders = csvRows.filter((r) => r.LATITUDE === '42.3594' && r.LONGITUDE === '-71.0587');
    expect(placeholders.length).toBeGreaterThan(25);
    const stored = await storedFor(placeholders);
    expect(stored.size).toBe(placeholders.length);
    expect([...stored.values()].filter((i) => i.location || i.area)).toEqual([]);
  });

  it('puts closed rows in a done phase with closedAt equal to CLOSED_DT (read in Boston time)', async () => {
    const closed = csvRows.filter((r) => r.CASE_STATUS === 'Closed');
    const stored = await storedFor(closed);
    const { DateTime } = await import('luxon');
    const wrong = closed.filter((r) => {
      const item = stored.get(rows.importedItemId('boston-311', r.CASE_ENQUIRY_ID as string));
      const expected = DateTime.fromFormat(r.CLOSED_DT as string, 'MM/dd/yyyy hh:mm:ss a', { zone: 'America/New_York' })
        .toUTC()
        .toISO();
      return item?.phase !== 'done' || item.closedAt !== expected;
    });
    expect(closed.length).toBeGreaterThan(800);
    expect(wrong).toEqual([]);
  });

  it("counts the import in the statistics: per type, the share resolved on time matches Boston's own OnTime_Status within 1 point, and the median days to close a direct computation within 0.1 day", async () => {
    const { DateTime } = await import('luxon');
    const { readStats } = await import('../../functions/ops/read-stats.js');
    const mapping = lib.readMapping(`${ROOT}jurisdictions/boston/boston-311.mapping.json`);
    const at = (text: string) => DateTime.fromFormat(text, 'MM/dd/yyyy hh:mm:ss a', { zone: 'America/New_York' });
    const closed = csvRows.filter((r) => r.CASE_STATUS === 'Closed' && r.CLOSED_DT);
    const byService = new Map<string, Row[]>();
    for (const r of closed) {
      const code = mapping.services[r.TYPE as string] ?? mapping.services['*'];
      if (code) byService.set(code, [...(byService.get(code) ?? []), r]);
    }
    const median = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      const mid = Math.floor(s.length / 2);
      return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
    };
    let compared = 0;
    for (const [service, serviceRows] of byService) {
      // Both years: a case opened in December 2015 may close in 2016.
      const { total } = await readStats({ service, interval: 'month', from: '2015-01-01', to: '2016-12-31', format: 'json' });
      expect(total.closed, service).toBe(serviceRows.length);
      const expectedMedian = median(serviceRows.map((r) => at(r.CLOSED_DT as string).diff(at(r.OPEN_DT as string), 'days').days));
      expect(Math.abs((total.medianDaysToClose as number) - expectedMedian), service).toBeLessThanOrEqual(0.1);
      // Every closed case with a target, as the issue's oracle says: the share Boston marks ONTIME. 25 closed
      // rows of the file have a TARGET_DT and an empty OnTime_Status; all closed after their target, so they
      // are not ONTIME by Boston's column and late by the board's, and leaving them out of one side only
      // made Abandoned Vehicles look 1.6 points apart.
      const targeted = serviceRows.filter((r) => r.TARGET_DT);
      if (!targeted.length) continue;
      const onTime = (100 * targeted.filter((r) => r.OnTime_Status === 'ONTIME').length) / targeted.length;
      expect(Math.abs((total.resolvedOnTimePct as number) - onTime), service).toBeLessThanOrEqual(1);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(10);
  });

  it('a second import changes no item and no version', async () => {
    const sample = csvRows.filter((_, i) => i % 97 === 0);
    const before = await storedFor(sample);
    const again = await lib.import311(CSV, lib.readMapping(`${ROOT}jurisdictions/boston/boston-311.mapping.json`));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: csvRows.length });
    const after = await storedFor(sample);
    expect([...after.values()].map((i) => [i.id, i.version, i.updatedAt])).toEqual(
      [...before.values()].map((i) => [i.id, i.version, i.updatedAt]),
    );
  }, 300_000);

  it('reports rows of a type the catalog does not know, with their line numbers, instead of dropping them', async () => {
    const mapping = lib.readMapping(`${ROOT}jurisdictions/boston/boston-311.mapping.json`);
    const { 'Street Light Outages': _dropped, ...services } = mapping.services;
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    // The sample's first 400 lines only: enough to hold needle pickups, quick to run.
    const head = readFileSync(CSV, 'utf8').split('\n').slice(0, 400).join('\n');
    const file = `${mkdtempSync(`${tmpdir()}/boston-`)}/head.csv`;
    writeFileSync(file, head);
    const run = await lib.import311(file, { ...mapping, services });
    const parsed = parse(head, { columns: true, bom: true, info: true }) as unknown as { record: Row; info: { lines: number } }[];
    const lights = parsed.filter((r) => r.record.TYPE === 'Street Light Outages');
    expect(lights.length).toBeGreaterThan(0);
    expect(run.problems.map((p) => p.line)).toEqual(lights.map((r) => r.info.lines));
    expect(run.problems.every((p) => /unknown type "Street Light Outages"/.test(p.reason))).toBe(true);
    expect(run.unchanged).toBe(parsed.length - lights.length);
  });
});
