import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { useOwnTable } from '../support/own-table.js';

// Demo City (the default jurisdiction) and a ten-row export the project made: see its README.
const FIXTURE = fileURLToPath(new URL('../fixtures/311-mini/', import.meta.url));
const CSV = `${FIXTURE}requests.csv`;

let lib: typeof import('../../infra/local/import-311.js');
let items: typeof import('../../functions/store/items.js');
let areaCounts: typeof import('../../functions/store/area-counts.js');
let queueCounts: typeof import('../../functions/store/queue-counts.js');
let rows: typeof import('../../shared/import311/rows.js');
let first: Awaited<ReturnType<typeof lib.import311>>;

const idOf = (sourceId: string) => rows.importedItemId('mini-311', sourceId);

beforeAll(async () => {
  await useOwnTable(`import-mini-${Date.now()}`);
  lib = await import('../../infra/local/import-311.js');
  items = await import('../../functions/store/items.js');
  areaCounts = await import('../../functions/store/area-counts.js');
  queueCounts = await import('../../functions/store/queue-counts.js');
  rows = await import('../../shared/import311/rows.js');
  first = await lib.import311(CSV, lib.readMapping(`${FIXTURE}mapping.json`));
});

describe('import:311 on a small export', () => {
  it('imports the mappable rows and lists every other row with its line number and reason', () => {
    expect(first).toMatchObject({ rows: 10, created: 6, updated: 0, unchanged: 0, skipped: 4 });
    const byLine = Object.fromEntries(first.problems.map((p) => [p.line, p.reason]));
    expect(byLine[7]).toMatch(/unknown type "Broken bench"/);
    expect(byLine[8]).toMatch(/createdAt: "32\/01\/2026 10:00" does not match/);
    expect(byLine[9]).toMatch(/unknown status "PENDING"/);
    expect(byLine[10]).toMatch(/"A-2" appeared already on line 4/);
    expect(first.problems).toHaveLength(4);
  });

  it('keeps the source, the area, the due date and a created event at the row time (actor import)', async () => {
    const { item, history } = await items.getItemWithHistory(idOf('A-1'), 'report');
    expect(item.source).toMatchObject({ system: 'mini-311', id: 'A-1' });
    expect(item.area).toEqual({ id: 'harbour', name: 'Harbour Ward' });
    expect(item.phase).toBe('waiting');
    expect(item.createdAt).toBe('2026-03-02T09:15:00.000Z');
    expect(item.sla?.resolutionDueAt).toBe('2026-03-05T17:00:00.000Z');
    expect(item.description).toBe('Two lines of\nnotes, quoted');
    expect(history).toEqual([
      expect.objectContaining({ type: 'created', at: item.createdAt, actor: { type: 'import', system: 'mini-311' } }),
    ]);
  });

  it('puts closed rows in a done phase with closedAt equal to the close column and a closed event then', async () => {
    const { item, history } = await items.getItemWithHistory(idOf('A-2'), 'report');
    expect(item).toMatchObject({ phase: 'done', status: 'closed', closedAt: '2026-02-03T16:30:00.000Z', resolution: 'no_action' });
    expect(history.map((e) => [e.type, e.at])).toEqual([
      ['created', '2026-02-01T08:00:00.000Z'],
      ['closed', '2026-02-03T16:30:00.000Z'],
    ]);
    const byRegex = await items.getItemWithHistory(idOf('A-9'), 'report');
    expect(byRegex.item).toMatchObject({ resolution: 'not_ours', area: { id: 'centre', name: 'Centre Ward' } });
  });

  it('reads times in the source timezone, across the summer-time change', async () => {
    // 01:30 on 29 March 2026 does not exist in London (clocks go 01:00 GMT → 02:00 BST): Luxon reads 02:30 BST.
    const { item } = await items.getItemWithHistory(idOf('A-3'), 'report');
    expect(item.createdAt).toBe('2026-03-29T01:30:00.000Z');
    const summer = await items.getItemWithHistory(idOf('A-1'), 'report');
    expect(summer.item.createdAt).toBe('2026-03-02T09:15:00.000Z');
  });

  it('drops the placeholder pin and a pin outside the jurisdiction, keeping the address', async () => {
    const placeholder = (await items.getItemWithHistory(idOf('A-4'), 'report')).item;
    expect(placeholder.location).toBeUndefined();
    expect(placeholder.area).toBeUndefined();
    expect(placeholder).toMatchObject({ address: 'City Hall', resolution: 'duplicate' });
    const far = (await items.getItemWithHistory(idOf('A-8'), 'report')).item;
    expect(far.location).toBeUndefined();
    expect(far.phase).toBe('in_progress');
    const pinned = (await items.getItemWithHistory(idOf('A-9'), 'report')).item;
    expect(pinned.location).toEqual({ lat: 51.43, lng: -2.58 });
  });

  it('counts the imported items in their areas and queues right away', async () => {
    const counts = await areaCounts.areaCounts();
    expect(counts.get('harbour')).toMatchObject({ waiting: 1 });
    expect(counts.get('north')).toMatchObject({ done: 1 });
    expect(counts.get('centre')).toMatchObject({ done: 1 });
    expect(counts.get('outskirts')).toMatchObject({ waiting: 1 });
    const check = await queueCounts.queueCountCheck('pothole');
    expect(check.counted).toBe(check.queued);
    expect(check.queued).toBe(2);
    // And in the statistics (written to the import's own shard): potholes A-1, A-3, A-4, one closed.
    const { readStats } = await import('../../functions/ops/read-stats.js');
    const { total } = await readStats({ service: 'pothole', interval: 'month', from: '2026-01-01', to: '2026-12-31', format: 'json' });
    expect(total).toMatchObject({ created: 3, closed: 1 });
    // And on the map (cell counts, the import's shard too): A-9's cell holds it, finished, and the
    // neighbouring cell of no imported report holds nothing.
    const ngeohash = (await import('ngeohash')).default;
    const { tileCells } = await import('../../functions/store/map-cells.js');
    const { tileOf } = await import('../../shared/map-cells.js');
    const a9 = ngeohash.encode(51.43, -2.58, 6);
    const cells = await tileCells(6, tileOf(a9));
    expect(cells.find((c) => c.cell === a9)).toMatchObject({ done: 1 });
    const empty = ngeohash.neighbor(a9, [1, 1]);
    expect(cells.find((c) => c.cell === empty)).toBeUndefined();
  });

  it('a second import changes nothing: no version moves', async () => {
    const before = await Promise.all(['A-1', 'A-2', 'A-9'].map((id) => items.getItemWithHistory(idOf(id), 'report')));
    const again = await lib.import311(CSV, lib.readMapping(`${FIXTURE}mapping.json`));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 6, skipped: 4 });
    const after = await Promise.all(['A-1', 'A-2', 'A-9'].map((id) => items.getItemWithHistory(idOf(id), 'report')));
    expect(after.map((d) => [d.item.version, d.item.reference, d.history.length])).toEqual(
      before.map((d) => [d.item.version, d.item.reference, d.history.length]),
    );
  });

  it('a changed row updates its item with one event and a new version', async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const changed = readFileSync(CSV, 'utf8').replace(
      'A-1,02/03/2026 09:15,,05/03/2026 17:00,Pothole,OPEN',
      'A-1,02/03/2026 09:15,04/03/2026 12:00,05/03/2026 17:00,Pothole,CLOSED',
    );
    const file = `${mkdtempSync(`${tmpdir()}/mini-`)}/changed.csv`;
    writeFileSync(file, changed);
    const before = await items.getItemWithHistory(idOf('A-1'), 'report');
    const run = await lib.import311(file, lib.readMapping(`${FIXTURE}mapping.json`));
    expect(run).toMatchObject({ created: 0, updated: 1, unchanged: 5 });
    const after = await items.getItemWithHistory(idOf('A-1'), 'report');
    expect(after.item).toMatchObject({
      version: before.item.version + 1,
      phase: 'done',
      closedAt: '2026-03-04T12:00:00.000Z',
      reference: before.item.reference,
    });
    expect(after.history.slice(before.history.length)).toEqual([
      expect.objectContaining({
        type: 'closed',
        from: 'new',
        to: 'closed',
        at: '2026-03-04T12:00:00.000Z',
        actor: { type: 'import', system: 'mini-311' },
      }),
    ]);
  });

  it('a changed close time replaces the closed event: one closed event, at the new time (and older per-event records go too)', async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { batchPut } = await import('../../functions/store/bulk.js');
    const { eventRecord } = await import('../../functions/store/keys/items.js');
    // A-9 as an importer before `importedHistory` left it: its closed event as a record of its own, next
    // to a staff comment (which must stay).
    const a9 = idOf('A-9');
    const actor = { type: 'import' as const, system: 'mini-311' };
    await batchPut([
      eventRecord(a9, {
        id: `${a9}-closed`,
        at: '2026-01-14T18:00:00.000Z',
        actor,
        type: 'closed',
        from: 'new',
        to: 'closed',
        visibility: 'public',
      }),
      eventRecord(a9, {
        id: `${a9}-c1`,
        at: '2026-01-15T10:00:00.000Z',
        actor: { type: 'staff', id: 'u1', name: 'Sam' },
        type: 'comment',
        note: 'Passed on',
        visibility: 'public',
      }),
    ]);
    const legacy = await items.getItemWithHistory(a9, 'report');
    expect(legacy.history.filter((e) => e.type === 'closed')).toHaveLength(2);

    const changed = readFileSync(CSV, 'utf8')
      .replace('A-2,01/02/2026 08:00,03/02/2026 16:30', 'A-2,01/02/2026 08:00,03/02/2026 18:45')
      .replace('A-9,14/01/2026 09:00,14/01/2026 18:00', 'A-9,14/01/2026 09:00,16/01/2026 12:00');
    const file = `${mkdtempSync(`${tmpdir()}/mini-`)}/close-time.csv`;
    writeFileSync(file, changed);
    const run = await lib.import311(file, lib.readMapping(`${FIXTURE}mapping.json`));
    // A-2 and A-9 here; A-1 too, back to the original file's open row after the test before.
    expect(run).toMatchObject({ created: 0, updated: 3 });

    const a2 = await items.getItemWithHistory(idOf('A-2'), 'report');
    expect(a2.item.closedAt).toBe('2026-02-03T18:45:00.000Z');
    expect(a2.history.filter((e) => e.type === 'closed').map((e) => e.at)).toEqual(['2026-02-03T18:45:00.000Z']);
    expect(a2.history.map((e) => e.type)).toEqual(['created', 'closed', 'field']);

    const after = await items.getItemWithHistory(a9, 'report');
    expect(after.item.closedAt).toBe('2026-01-16T12:00:00.000Z');
    expect(after.history.filter((e) => e.type === 'closed').map((e) => e.at)).toEqual(['2026-01-16T12:00:00.000Z']);
    // Positive control: the staff comment is not an import's and stays.
    expect(after.history.filter((e) => e.type === 'comment').map((e) => e.note)).toEqual(['Passed on']);

    // Once more with the same file: nothing moves.
    const again = await lib.import311(file, lib.readMapping(`${FIXTURE}mapping.json`));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 6 });
  });
});
