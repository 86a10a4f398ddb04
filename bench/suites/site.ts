import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { seedReports } from '../lib/seed.js';
import { startTarget } from '../lib/stack.js';
import { median, round } from '../lib/stats.js';
import { type BenchOptions, type SuiteResult, table } from '../lib/suite.js';
import { siteWeights } from '../site-weight.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'site', 'dist');
const PINS = 20_000;
const HOME_LIMIT_KB = 120;
const RENDER_LIMIT_MS = 1000;

/** Installed before any page script: records when the home page first draws clusters and when the map last changed. */
function observeMap() {
  const w = window as unknown as { __bench: { firstCluster: number; firstPins: number; lastChange: number } };
  w.__bench = { firstCluster: 0, firstPins: 0, lastChange: 0 };
  const watch = () => {
    const map = document.querySelector('#map');
    if (!map) return;
    new MutationObserver((records) => {
      const now = performance.now();
      w.__bench.lastChange = now;
      for (const r of records) {
        if (r.type === 'attributes' && r.attributeName === 'data-pins' && !w.__bench.firstPins) w.__bench.firstPins = now;
        for (const n of Array.from(r.addedNodes))
          if (!w.__bench.firstCluster && n instanceof HTMLElement && n.classList.contains('marker-cluster')) w.__bench.firstCluster = now;
      }
    }).observe(map, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-pins'] });
  };
  document.addEventListener('DOMContentLoaded', watch);
}

async function renderHome(baseUrl: string) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.route(/tile\.openstreetmap\.org/, (route) => route.abort());
    await context.addInitScript(observeMap);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.waitForFunction(
      (n) =>
        document.querySelector<HTMLElement>('#map')?.dataset.pins === String(n) &&
        document.querySelector('#list')?.getAttribute('aria-busy') === 'false',
      PINS,
      { timeout: 120_000, polling: 100 },
    );
    // markercluster adds pins in chunks after the last render: wait until the map has been still for 1 s.
    await page.waitForFunction(
      () => performance.now() - (window as unknown as { __bench: { lastChange: number } }).__bench.lastChange > 1000,
      undefined,
      {
        timeout: 60_000,
        polling: 100,
      },
    );
    return page.evaluate(() => {
      const b = (window as unknown as { __bench: { firstCluster: number; firstPins: number; lastChange: number } }).__bench;
      const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/reports')) as PerformanceResourceTiming[];
      return {
        firstClusterMs: b.firstCluster,
        allPinsDrawnMs: b.lastChange,
        apiPages: api.length,
        lastPageArrivedMs: Math.max(...api.map((e) => e.responseEnd)),
        domContentLoadedMs: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
      };
    });
  } finally {
    await browser.close();
  }
}

/** Page weight of the built site (bench/site-weight.ts) and how long the home map takes to draw 20,000 reports. */
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
  const target = await startTarget();
  try {
    if (target.own) {
      opts.log(`site: seeding ${PINS.toLocaleString('en')} reports`);
      await seedReports(PINS, { seed: 31, sampleEvery: PINS + 1 });
    }
    const runs = opts.quick ? 1 : 3;
    const samples: Awaited<ReturnType<typeof renderHome>>[] = [];
    for (let i = 0; i < runs; i++) {
      opts.log(`site: home map with ${PINS.toLocaleString('en')} pins, run ${i + 1}/${runs}`);
      samples.push(await renderHome(target.baseUrl));
    }
    const med = (k: keyof (typeof samples)[number]) => round(median(samples.map((s) => s[k])));
    const map = {
      firstClusterMs: med('firstClusterMs'),
      lastPageArrivedMs: med('lastPageArrivedMs'),
      allPinsDrawnMs: med('allPinsDrawnMs'),
      domContentLoadedMs: med('domContentLoadedMs'),
      apiPages: samples[0]?.apiPages ?? 0,
    };
    const markdown = [
      `Built site of ${builtAt}; gzip level 9, lazy chunks included.`,
      '',
      table(
        ['page', 'JS gz KB', 'CSS gz KB', 'total KB'],
        weights.map((w) => [w.page, w.jsKb, w.cssKb, w.totalKb]),
      ),
      '',
      `Home map in Chromium (headless, 1280×900, no tiles), ${PINS.toLocaleString('en')} reports, median of ${runs}, ms from navigation start:`,
      '',
      table(
        ['DOM ready', 'first clusters drawn', `last of ${map.apiPages} API pages arrived`, `all ${PINS.toLocaleString('en')} pins drawn`],
        [[map.domContentLoadedMs, map.firstClusterMs, map.lastPageArrivedMs, map.allPinsDrawnMs]],
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
        {
          name: '20k-pin home map rendered',
          target: `≤ ${RENDER_LIMIT_MS} ms`,
          value: `${map.allPinsDrawnMs} ms`,
          met: map.allPinsDrawnMs <= RENDER_LIMIT_MS,
        },
      ],
      data: { builtAt, weights, map, samples },
    };
  } finally {
    await target.stop();
  }
}
