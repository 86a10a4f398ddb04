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
const PINS = Number(process.env.BENCH_PINS ?? 20_000);
const HOME_LIMIT_KB = 120;
const RENDER_LIMIT_MS = 1000;

/**
 * Installed before any page script: records when the home page first draws clusters and when the map
 * last changed. Strings, not functions: tsx's esbuild would wrap functions in a `__name` helper the page lacks.
 */
const OBSERVE_MAP = `
window.__bench = { firstCluster: 0, firstPins: 0, lastChange: 0 };
document.addEventListener('DOMContentLoaded', () => {
  const map = document.querySelector('#map');
  if (!map) return;
  new MutationObserver((records) => {
    const now = performance.now();
    window.__bench.lastChange = now;
    for (const r of records) {
      if (r.type === 'attributes' && r.attributeName === 'data-pins' && !window.__bench.firstPins) window.__bench.firstPins = now;
      for (const n of r.addedNodes)
        if (!window.__bench.firstCluster && n.classList && n.classList.contains('marker-cluster')) window.__bench.firstCluster = now;
    }
  }).observe(map, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-pins'] });
});`;

const ALL_LOADED = (n: number) =>
  `document.querySelector('#map')?.dataset.pins === '${n}' && document.querySelector('#list')?.getAttribute('aria-busy') === 'false'`;
const MAP_STILL = 'performance.now() - window.__bench.lastChange > 1000';
const READ_TIMINGS = `(() => {
  const b = window.__bench;
  const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/reports'));
  return {
    firstClusterMs: b.firstCluster,
    allPinsDrawnMs: b.lastChange,
    apiPages: api.length,
    lastPageArrivedMs: Math.max(...api.map((e) => e.responseEnd)),
    domContentLoadedMs: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
  };
})()`;

interface MapTimings {
  firstClusterMs: number;
  allPinsDrawnMs: number;
  apiPages: number;
  lastPageArrivedMs: number;
  domContentLoadedMs: number;
}

/** Every page the home page will ask for, fetched once over HTTP, so a run can serve them from memory. */
async function prefetchPages(baseUrl: string): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  // One chain per phase, as site/src/scripts/home.ts asks for them.
  for (const phase of ['waiting', 'in_progress', 'done']) {
    const first = `/api/reports?phase=${phase}&limit=1000`;
    let path: string | undefined = first;
    while (path) {
      const body: string = await (await fetch(`${baseUrl}${path}`)).text();
      pages.set(path, body);
      const cursor: string | undefined = (JSON.parse(body) as { nextCursor?: string }).nextCursor;
      path = cursor ? `${first}&cursor=${encodeURIComponent(cursor)}` : undefined;
    }
  }
  return pages;
}

async function renderHome(baseUrl: string, cached?: Map<string, string>) {
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
    // The site's CSP forbids eval; Playwright's string predicates need it, so the bench context bypasses CSP.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await context.route(/tile\.openstreetmap\.org/, (route) => route.abort());
    await context.addInitScript({ content: OBSERVE_MAP });
    if (cached)
      await context.route(/\/api\/reports\?/, (route) => {
        const url = new URL(route.request().url());
        const body = cached.get(`${url.pathname}${url.search}`);
        return body ? route.fulfill({ status: 200, contentType: 'application/json', body }) : route.continue();
      });
    const page = await context.newPage();
    page.on('crash', () => console.error('site: the Chromium page crashed'));
    page.on('pageerror', (err) => console.error(`site: page error ${err.message}`));
    await page.goto(`${baseUrl}/`);
    await page.waitForFunction(ALL_LOADED(PINS), undefined, { timeout: 180_000, polling: 100 });
    // markercluster adds pins in chunks after the last render: wait until the map has been still for 1 s.
    await page.waitForFunction(MAP_STILL, undefined, { timeout: 60_000, polling: 100 });
    return (await page.evaluate(READ_TIMINGS)) as MapTimings;
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
    const measureRuns = async (cached?: Map<string, string>) => {
      const samples: MapTimings[] = [];
      for (let i = 0; i < runs; i++) {
        opts.log(`site: home map with ${PINS.toLocaleString('en')} pins${cached ? ', API answers from memory' : ''}, run ${i + 1}/${runs}`);
        samples.push(await renderHome(target.baseUrl, cached));
      }
      const med = (k: keyof MapTimings) => round(median(samples.map((s) => s[k])));
      return {
        domContentLoadedMs: med('domContentLoadedMs'),
        firstClusterMs: med('firstClusterMs'),
        lastPageArrivedMs: med('lastPageArrivedMs'),
        allPinsDrawnMs: med('allPinsDrawnMs'),
        apiPages: samples[0]?.apiPages ?? 0,
        samples,
      };
    };
    const live = await measureRuns();
    const inMemory = await measureRuns(await prefetchPages(target.baseUrl));
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
        [
          'API answers',
          'DOM ready',
          'first clusters drawn',
          `last of ${live.apiPages} API pages arrived`,
          `all ${PINS.toLocaleString('en')} pins drawn`,
        ],
        [live, inMemory].map((m, i) => [
          i === 0 ? 'local stack (DynamoDB Local)' : 'from memory (render only)',
          m.domContentLoadedMs,
          m.firstClusterMs,
          m.lastPageArrivedMs,
          m.allPinsDrawnMs,
        ]),
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
          name: '20k-pin home map drawn, API answers from memory',
          target: `≤ ${RENDER_LIMIT_MS} ms`,
          value: `${inMemory.allPinsDrawnMs} ms`,
          met: inMemory.allPinsDrawnMs <= RENDER_LIMIT_MS,
        },
        {
          name: '20k-pin home map drawn, against the local stack',
          target: `≤ ${RENDER_LIMIT_MS} ms`,
          value: `${live.allPinsDrawnMs} ms`,
          met: live.allPinsDrawnMs <= RENDER_LIMIT_MS,
        },
      ],
      data: { builtAt, pins: PINS, weights, live, inMemory },
    };
  } finally {
    await target.stop();
  }
}
