// `npm run seed -- --count N`: adds N synthetic reports to the local table (the stack must be running).
import { parseArgs } from 'node:util';
import { ENV } from '../../functions/lib/env.js';
import { seedReports } from './seed.js';
import { optionsFromEnv } from './stack.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '1000' }, table: { type: 'string', default: 'civicboard' } } });
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1) {
  console.error('--count must be a whole number of reports, e.g. npm run seed -- --count 100000');
  process.exit(2);
}
const options = optionsFromEnv();
process.env[ENV.tableName] = values.table;
process.env[ENV.dynamoEndpoint] ??= `http://localhost:${options.dynamoPort}`;
process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';

const started = Date.now();
const tty = process.stdout.isTTY;
await seedReports(count, (done, total) => {
  const rate = done / ((Date.now() - started) / 1000);
  const eta = Math.round((total - done) / Math.max(rate, 1));
  const line = `seeded ${done}/${total} reports (${Math.round(rate)}/s, about ${eta} s left)`;
  if (tty) process.stdout.write(`\r${line}`);
  else console.log(line);
}).catch((err: Error) => {
  console.error(`\nseeding failed: ${err.message}. Is the local stack running (npm start)?`);
  process.exit(1);
});
console.log(`\ndone in ${((Date.now() - started) / 1000).toFixed(1)} s`);
