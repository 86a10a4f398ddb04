// `npx tsx bench/import-311.ts [rows]`: imports the Boston 2015 sample (../shared/data) as Boston into a
// fresh in-memory DynamoDB Local and prints rows/s and peak memory (docs/performance.md). Also the
// figure for a second, unchanged run.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
process.env.CIVICBOARD_JURISDICTION = join(ROOT, 'jurisdictions', 'boston');
const CSV = join(ROOT, '..', 'shared', 'data', 'boston-311-2015', 'boston_311_2015_street_issues_sample.csv');

const { startDynamo } = await import('../infra/local/processes.js');
const { ensureTable, localDynamo } = await import('../infra/local/table.js');
const { freePort } = await import('../test/support/ports.js');
const port = await freePort();
const dir = mkdtempSync(join(tmpdir(), 'import-bench-'));
const dynamo = await startDynamo(port, undefined, dir);
try {
  process.env.TABLE_NAME = 'import-bench';
  process.env.DYNAMODB_ENDPOINT = `http://127.0.0.1:${port}`;
  process.env.AWS_ACCESS_KEY_ID = 'local';
  process.env.AWS_SECRET_ACCESS_KEY = 'local';
  await ensureTable(localDynamo(process.env.DYNAMODB_ENDPOINT), 'import-bench');
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
  const mapping = readMapping(join(ROOT, 'jurisdictions', 'boston', 'boston-311.mapping.json'));
  let peak = 0;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  for (const run of ['first', 'again']) {
    const s = await import311(file, mapping);
    console.log(
      `${run}: ${s.rows} rows in ${s.seconds.toFixed(1)} s = ${Math.round(s.rows / s.seconds)} rows/s (${s.created} new, ${s.unchanged} unchanged, ${s.skipped} skipped); peak RSS ${(peak / 2 ** 20).toFixed(0)} MB`,
    );
  }
  clearInterval(sample);
} finally {
  await dynamo.stop();
}
