// `npm run import:311 -- --mapping <mapping.json> <file.csv> [--table civicboard] [--aws]`: imports a
// city's 311 CSV export (SPEC §8) into the local stack's table (start it with `npm start`, same
// CIVICBOARD_JURISDICTION), or with --aws into a deployed table (AWS credentials and region from the
// usual AWS environment; --table is the stack's TableName output).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { ENV } from '../../functions/lib/env.js';
import { MappingError } from '../../shared/import311/mapping.js';
import { import311, readMapping } from './import-311.js';
import { optionsFromEnv } from './stack.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    mapping: { type: 'string' },
    table: { type: 'string', default: 'civicboard' },
    aws: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '16' },
  },
});
const csv = positionals[0];
if (!csv || !values.mapping) {
  console.error('usage: npm run import:311 -- --mapping <mapping.json> <file.csv> [--table civicboard] [--aws]');
  process.exit(2);
}
process.env[ENV.tableName] = values.table;
if (!values.aws) {
  process.env[ENV.dynamoEndpoint] ??= `http://localhost:${optionsFromEnv().dynamoPort}`;
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
}

let mapping: ReturnType<typeof readMapping>;
try {
  mapping = readMapping(resolve(values.mapping));
} catch (err) {
  console.error(err instanceof MappingError ? err.message : String(err));
  process.exit(1);
}

const bar = new cliProgress.SingleBar(
  {
    format:
      'importing {bar} {percentage}% | {rows} rows | {rate} rows/s | {created} new, {updated} updated, {unchanged} unchanged, {skipped} skipped',
    hideCursor: true,
  },
  cliProgress.Presets.shades_classic,
);
const started = Date.now();
let lastLine = 0;
try {
  bar.start(1, 0, { rows: 0, rate: 0, created: 0, updated: 0, unchanged: 0, skipped: 0 });
  const summary = await import311(resolve(csv), mapping, {
    concurrency: Number(values.concurrency),
    onProgress: (p) => {
      const rate = Math.round(p.rows / Math.max(0.001, (Date.now() - started) / 1000));
      bar.setTotal(p.totalBytes);
      bar.update(p.bytes, { ...p, rate });
      // Without a terminal the bar draws nothing: a line every 5,000 rows instead.
      if (!process.stderr.isTTY && p.rows - lastLine >= 5000) {
        lastLine = p.rows;
        console.log(`${p.rows} rows, ${rate} rows/s`);
      }
    },
  });
  bar.stop();
  console.log(
    `imported ${summary.rows} rows in ${summary.seconds.toFixed(1)} s (${Math.round(summary.rows / summary.seconds)} rows/s): ` +
      `${summary.created} new, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.skipped} skipped`,
  );
  if (summary.problems.length) {
    console.log(`\n${summary.problems.length} rows were not imported:`);
    for (const p of summary.problems) console.log(`  line ${p.line}: ${p.reason}`);
  }
} catch (err) {
  bar.stop();
  console.error(`\nimport failed: ${(err as Error).message}${values.aws ? '' : '. Is the local stack running (npm start)?'}`);
  process.exit(1);
}
