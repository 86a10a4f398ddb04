import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type BenchOptions, type SuiteResult, table } from '../lib/suite.js';
import { siteWeights } from '../site-weight.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'site', 'dist');
const HOME_LIMIT_KB = 120;

/**
 * Page weight of the built site (bench/site-weight.ts). The home map's render and bytes are the `map`
 * suite's (it no longer loads every report, so the old 20k-pin render is gone).
 */
export async function siteSuite(opts: BenchOptions & { buildSite?: boolean }): Promise<SuiteResult> {
  if (opts.buildSite || !existsSync(join(DIST, 'index.html'))) {
    opts.log('site: building the site (npm run build:site)');
    const built = spawnSync('npm', ['run', 'build:site'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    if (built.status !== 0) throw new Error('npm run build:site failed');
  }
  const builtAt = statSync(join(DIST, 'index.html')).mtime.toISOString();
  const weights = siteWeights(DIST);
  const home = weights.find((w) => w.page === '/');
  const markdown = [
    `Built site of ${builtAt}; gzip level 9, lazy chunks included.`,
    '',
    table(
      ['page', 'JS gz KB', 'CSS gz KB', 'total KB'],
      weights.map((w) => [w.page, w.jsKb, w.cssKb, w.totalKb]),
    ),
  ].join('\n');
  return {
    markdown,
    targets: [
      {
        name: 'home page JS+CSS gz',
        target: `≤ ${HOME_LIMIT_KB} KB`,
        value: `${home?.totalKb} KB`,
        met: (home?.totalKb ?? Infinity) <= HOME_LIMIT_KB,
      },
    ],
    data: { builtAt, weights },
  };
}
