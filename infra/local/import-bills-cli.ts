// `npm run import:bills -- <folder> [--session 2025-2026] [--table civicboard]`: imports a LegiScan CSV
// export into the running local stack's table (start it first with `npm start`).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ENV } from '../../functions/lib/env.js';
import { formatImportReport } from '../../shared/bills/legiscan-report.js';
import { billService } from '../../shared/bills/service.js';
import { importBills } from './import-bills.js';
import { optionsFromEnv } from './stack.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { session: { type: 'string' }, table: { type: 'string', default: 'civicboard' }, concurrency: { type: 'string', default: '8' } },
});
const folder = positionals[0];
if (!folder) {
  console.error('usage: npm run import:bills -- <folder with bills.csv, history.csv, …> [--session 2025-2026] [--table civicboard]');
  process.exit(2);
}
process.env[ENV.tableName] = values.table;
process.env[ENV.dynamoEndpoint] ??= `http://localhost:${optionsFromEnv().dynamoPort}`;
process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';

const tty = process.stdout.isTTY;
try {
  const s = await importBills(resolve(folder), {
    session: values.session,
    concurrency: Number(values.concurrency),
    onProgress: (step, c) => {
      const line =
        step.phase === 'history'
          ? `history records ${step.done}/${step.total}`
          : `bills ${step.done}/${step.total}: ${c.created} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.rejected} rejected`;
      if (tty) process.stdout.write(`\r${line}`.padEnd(90));
      else if (step.done === step.total || step.done % (step.phase === 'history' ? 1000 : 100) === 0) console.log(line);
    },
  });
  console.log(`\nimported ${s.bills} bills and ${s.rollCalls} roll calls in ${s.seconds.toFixed(1)} s`);
  console.log(
    `${s.created} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.rejected} rejected; ${s.offWorkflow} recorded moves outside the workflow`,
  );
  console.log(
    `${s.people.members} members and ${s.people.committees} committees: ${s.people.written} written, ${s.people.unchanged} unchanged`,
  );
  if (s.problems.length) {
    console.log(`\n${s.problems.length} rows could not be mapped (fully):`);
    for (const p of s.problems) console.log(`  ${p.file}${p.row ? `:${p.row}` : ''}: ${p.reason}`);
  }
  console.log(`\n${formatImportReport(s.report, billService().workflow).join('\n')}`);
} catch (err) {
  console.error(`\nimport failed: ${(err as Error).message}. Is the local stack running (npm start)?`);
  process.exit(1);
}
