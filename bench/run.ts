// `npm run bench [-- --only api,scale,cold,site,map,notify,alerts] [--quick] [--build-site] [--connections N] [--map-sizes 100000,1000000]`
// Starts its own local stacks (or uses BENCH_URL), measures, writes bench/results/<date>.json and
// prints markdown. Figures are printed, never asserted: see docs/performance.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { machineInfo } from './lib/machine.js';
import type { BenchOptions, SuiteResult } from './lib/suite.js';
import { table } from './lib/suite.js';
import { alertsSuite } from './suites/alerts.js';
import { apiSuite } from './suites/api.js';
import { coldSuite } from './suites/cold.js';
import { mapSuite } from './suites/map.js';
import { notifySuite } from './suites/notify.js';
import { scaleSuite } from './suites/scale.js';
import { siteSuite } from './suites/site.js';

const SUITES: Record<string, { title: string; run: (o: BenchOptions & { buildSite: boolean }) => Promise<SuiteResult> }> = {
  api: { title: 'API vs raw store', run: apiSuite },
  scale: { title: 'Scale: read routes at 1k and at 100k items', run: scaleSuite },
  cold: { title: 'Cold start: bundle size and first answer per function', run: coldSuite },
  site: { title: 'Site: page weight', run: siteSuite },
  map: { title: 'Map: the home view at 1k and 100k reports, cell counts stream lag', run: mapSuite },
  notify: { title: 'Notifications: transition commit to email in the inbox', run: notifySuite },
  alerts: { title: 'Alerts: fan-out to a followed ward, and create latency with and without followers', run: alertsSuite },
};

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'build-site': { type: 'boolean', default: false },
    connections: { type: 'string', default: '10' },
    /** The map suite's table sizes after its 1,000 (default 100,000; 20,000 with --quick). */
    'map-sizes': { type: 'string' },
  },
});
const only = values.only ? values.only.split(',').map((s) => s.trim()) : Object.keys(SUITES);
const unknown = only.filter((s) => !(s in SUITES));
if (unknown.length) {
  console.error(`unknown suite(s): ${unknown.join(', ')}; choose from ${Object.keys(SUITES).join(', ')}`);
  process.exit(2);
}
const quick = values.quick;
const started = Date.now();
const options = {
  quick,
  connections: Number(values.connections),
  seconds: quick ? 3 : 10,
  warmup: quick ? 1 : 2,
  buildSite: values['build-site'],
  mapSizes: values['map-sizes']?.split(',').map((n) => Number(n.trim())),
  log: (line: string) => console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`),
};

// A stray rejection inside one suite (a browser closing mid-call) must not lose the other suites' figures.
process.on('unhandledRejection', (err) => options.log(`unhandled rejection: ${String(err)}`));

const machine = machineInfo();
const results: Record<string, SuiteResult> = {};
for (const name of only) {
  const suite = SUITES[name] as (typeof SUITES)[string];
  options.log(`── ${suite.title}`);
  try {
    results[name] = await suite.run(options);
  } catch (err) {
    options.log(`${name} failed: ${(err as Error).stack ?? err}`);
    results[name] = {
      markdown: `**failed:** ${(err as Error).message}`,
      targets: [],
      data: { error: String(err) },
      errors: [`the suite failed: ${(err as Error).message}`],
    };
  }
}

const date = new Date().toISOString();
const targets = Object.values(results).flatMap((r) => r.targets);
const lines = [
  `# civicboard bench ${date}${quick ? ' (quick)' : ''}`,
  '',
  `Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.java}, load average at start ${machine.loadAverage.join(' / ')}. Took ${Math.round((Date.now() - started) / 1000)} s.`,
  '',
  ...only.flatMap((name) => [`## ${SUITES[name]?.title}`, '', results[name]?.markdown ?? '', '']),
  '## Targets',
  '',
  table(
    ['target', 'wanted', 'measured', 'met'],
    targets.map((t) => [t.name, t.target, t.value, t.met ? 'yes' : '**no**']),
  ),
];
const errors = Object.entries(results).flatMap(([name, r]) => (r.errors ?? []).map((e) => `${name}: ${e}`));
if (errors.length) lines.push('', '## Errors', '', ...errors.map((e) => `- **${e}**`));
console.log(lines.join('\n'));
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `${date.slice(0, 19).replace(/:/g, '-')}${quick ? '-quick' : ''}.json`);
writeFileSync(
  file,
  `${JSON.stringify({ date, quick, suites: only, seconds: Math.round((Date.now() - started) / 1000), machine, targets, errors, results: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.data])) }, null, 2)}\n`,
);
options.log(`wrote ${file}`);
// Figures never fail a run (they are reported, not asserted); errors do: a refused event measures nothing.
for (const e of errors) options.log(`ERROR ${e}`);
process.exit(errors.length ? 1 : 0);
