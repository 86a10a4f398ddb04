// `npm run smoke -- --url https://board.example.org [--no-write]`: the deployed smoke test (docs/deploy.md).
import { parseArgs } from 'node:util';
import { runSmoke } from './checks.js';

const { values } = parseArgs({ options: { url: { type: 'string' }, 'no-write': { type: 'boolean', default: false } } });
if (!values.url || !/^https?:\/\//.test(values.url)) {
  console.error('usage: npm run smoke -- --url <base URL of the board> [--no-write]');
  process.exit(2);
}
const results = await runSmoke(values.url, { write: !values['no-write'] });
for (const r of results) console.log(`${r.ok ? '✓' : '✗'} ${r.name}: ${r.detail}`);
const failed = results.filter((r) => !r.ok).length;
console.log(failed ? `\n${failed} of ${results.length} checks failed` : `\nall ${results.length} checks passed`);
process.exit(failed ? 1 : 0);
