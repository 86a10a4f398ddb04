// `npx tsx bench/import-311.ts [rows]`: imports the Boston 2015 sample (../shared/data) as Boston into a
// fresh in-memory DynamoDB Local and prints rows/s and peak memory (docs/performance.md), beside a raw
// BatchWriteItem baseline in the same run: the same rows' records (reference + item, mapped in memory
// beforehand) written with batchPut at the same concurrency into the same table under other ids, with no CSV, no
// reads, no counters. Also the figure for a second, unchanged import.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
process.env.CIVICBOARD_JURISDICTION = join(ROOT, 'jurisdictions', 'boston');
const CSV = join(ROOT, '..', 'shared', 'data', 'boston-311-2015', 'boston_311_2015_street_issues_sample.csv');
const CONCURRENCY = 16;

const { startDynamo } = await import('../infra/local/processes.js');
const { ensureTable, localDynamo } = await import('../infra/local/table.js');
const { freePort } = await import('../test/support/ports.js');
const port = await freePort();
const dir = mkdtempSync(join(tmpdir(), 'import-bench-'));
const dynamo = await startDynamo(port, undefined, dir);

/** Peak RSS of this process while `run` runs, sampled every 50 ms. */
async function peakRss<T>(run: () => Promise<T>): Promise<{ value: T; peakMB: number }> {
  let peak = process.memoryUsage().rss;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    const value = await run();
    return { value, peakMB: Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20) };
  } finally {
    clearInterval(sample);
  }
}

try {
  process.env.DYNAMODB_ENDPOINT = `http://127.0.0.1:${port}`;
  process.env.AWS_ACCESS_KEY_ID = 'local';
  process.env.AWS_SECRET_ACCESS_KEY = 'local';
  const local = localDynamo(process.env.DYNAMODB_ENDPOINT);
  process.env.TABLE_NAME = 'import-bench';
  await ensureTable(local, 'import-bench');
  const limit = Number(process.argv[2] ?? 0);
  let file = CSV;
  if (limit) {
    file = join(dir, 'head.csv');
    writeFileSync(
      file,
      readFileSync(CSV, 'utf8')
        .split('\n')
        .slice(0, limit + 1)
        .join('\n'),
    );
  }
  const { import311, readMapping } = await import('../infra/local/import-311.js');
  const { batchPut, loadedItemRecord } = await import('../functions/store/bulk.js');
  const { referenceRecord } = await import('../functions/store/keys/items.js');
  const { mapRow } = await import('../shared/import311/rows.js');
  const { areaIndex } = await import('../shared/areas/chosen.js');
  const { findService } = await import('../shared/catalog/index.js');
  const { jurisdiction } = await import('../shared/jurisdiction/index.js');
  const { routeTeam } = await import('../shared/routing.js');
  const { newReference } = await import('../shared/reference.js');
  const { parse } = await import('csv-parse/sync');
  const mapping = readMapping(join(ROOT, 'jurisdictions', 'boston', 'boston-311.mapping.json'));

  const load = () =>
    loadavg()
      .map((n) => n.toFixed(1))
      .join(' / ');
  console.log(`rows: ${limit || 'all'}; concurrency ${CONCURRENCY}; load average at start ${load()}`);

  // The baseline's records: what the import writes for each new row, built before the clock starts.
  const index = areaIndex();
  const ctx = { findService, bounds: jurisdiction.bounds, locate: (p: { lat: number; lng: number }) => index.locate(p), routeTeam };
  const csvRows = parse(readFileSync(file, 'utf8'), { columns: true, bom: true, relax_column_count: true }) as Record<string, string>[];
  const records: Record<string, unknown>[] = [];
  const ids = new Set<string>();
  csvRows.forEach((row, i) => {
    const out = mapRow(row, i + 2, mapping, ctx);
    if (!out.ok || ids.has(out.row.item.id)) return;
    ids.add(out.row.item.id);
    // Its own ids, in the same table (the store's table name is read once per process): the import's
    // lookups never find them.
    const item = { ...out.row.item, id: `raw-${out.row.item.id}`, reference: newReference(), version: 1, importedHistory: out.row.events };
    records.push(referenceRecord(item), loadedItemRecord(item, { countedOnLoad: true }));
  });

  const results: { run: string; rows: number; seconds: number; peakMB: number; load: string }[] = [];
  const raw = async () => {
    const t0 = Date.now();
    const { peakMB } = await peakRss(() => batchPut(records, CONCURRENCY));
    results.push({ run: 'raw BatchWriteItem (baseline)', rows: ids.size, seconds: (Date.now() - t0) / 1000, peakMB, load: load() });
  };
  await raw();
  for (const run of ['import', 'unchanged re-import']) {
    const { value: s, peakMB } = await peakRss(() => import311(file, mapping, { concurrency: CONCURRENCY }));
    results.push({ run, rows: s.rows, seconds: s.seconds, peakMB, load: load() });
    console.log(
      `${run}: ${s.created} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.skipped} skipped; seconds in lookups ${s.phases.lookups}, writes ${s.phases.writes}, updates ${s.phases.updates}, counters ${s.phases.counters}`,
    );
  }
  console.log('\n| run | rows | seconds | rows/s | peak RSS MB | load (1/5/15 min) after |\n|---|---|---|---|---|---|');
  for (const r of results)
    console.log(`| ${r.run} | ${r.rows} | ${r.seconds.toFixed(1)} | ${Math.round(r.rows / r.seconds)} | ${r.peakMB} | ${r.load} |`);
  const [base, first] = results;
  if (base && first)
    console.log(`\nimport rows/s ÷ baseline rows/s: ${(first.rows / first.seconds / (base.rows / base.seconds)).toFixed(2)}`);
} finally {
  await dynamo.stop();
}
