// `npm run rebuild:stats [-- --table civicboard] [--aws]`: recounts the statistics from the items
// (docs/sla.md, "Rebuilding"). Locally, `npm start` does this by itself when the table has no stats
// marker; run it by hand after restoring a table, or with --aws against a deployed table (AWS
// credentials and region from the usual environment; --table is the stack's TableName output) with the
// stats consumer's event source mapping disabled, re-enabled afterwards at LATEST.
import { parseArgs } from 'node:util';
import { ENV } from '../../functions/lib/env.js';
import { optionsFromEnv } from './stack.js';

const { values } = parseArgs({
  options: {
    table: { type: 'string', default: 'civicboard' },
    aws: { type: 'boolean', default: false },
  },
});
process.env[ENV.tableName] = values.table;
if (!values.aws) {
  process.env[ENV.dynamoEndpoint] ??= `http://localhost:${optionsFromEnv().dynamoPort}`;
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
}
const { rebuildStats } = await import('../../functions/store/stats-rebuild.js');
const started = Date.now();
try {
  const out = await rebuildStats();
  console.log(
    `statistics rebuilt from ${out.items} reports in ${((Date.now() - started) / 1000).toFixed(1)} s: ${out.counterItems} counter items written, ${out.deleted} stale ones deleted`,
  );
} catch (err) {
  console.error(`rebuild failed: ${(err as Error).message}${values.aws ? '' : '. Is the local stack running (npm start)?'}`);
  process.exit(1);
}
