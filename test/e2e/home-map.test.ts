import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReport } from '../support/api.js';
import { axeViolations, launchChromium, openPage } from '../support/browser.js';

/**
 * The home map loads the viewport (issue 15): zoomed out it asks for cell tiles (`/api/map/cells`) and
 * draws count markers, never the reports themselves; zoomed in it asks for the viewport's pins (the
 * bbox list). Each test records the API requests the page made and checks what is drawn.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Opens a page and records every API request it makes from its first one. (Listening from the `load`
 * event and reloading, as this did before, also recorded the first load's own list and tile requests
 * whenever they started after `load`, which made one load look like two on a slow machine.)
 */
async function openRecording(path: string, width = 1280): Promise<{ page: Page; requests: string[] }> {
  const requests: string[] = [];
  const page = await openPage(browser, path, width, (p) =>
    p.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/')) requests.push(`${url.pathname}${url.search}`);
    }),
  );
  return { page, requests };
}

const settled = (page: Page) => page.waitForSelector('#list[aria-busy="false"]', { state: 'attached' });

/** The count markers' boxes on screen. */
const markerBoxes = (page: Page) =>
  page.$$eval('.map-count', (els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height, n: Number((e.textContent ?? '').replace(/,/g, '')) };
    }),
  );

describe('the home map', () => {
  // A report of this file's own, in a corner of the demo city no other test files into.
  const spot = { lat: 51.4123, lng: -2.6661 };
  let reference: string;
  let far: string;
  beforeAll(async () => {
    reference = (await createReport({ location: spot })).reference;
    far = (await createReport({ location: { lat: 51.5, lng: -2.51 } })).reference;
  });

  it('zoomed out, draws the counts of the cells in view from cached tiles, in markers that do not overlap', async () => {
    const { page, requests } = await openRecording('/');
    await settled(page);
    expect(await page.getAttribute('#map', 'data-mode')).toBe('cells');
    const tiles = requests.filter((r) => r.startsWith('/api/map/cells?'));
    expect(tiles.length).toBeGreaterThan(0);
    expect(tiles.length).toBeLessThanOrEqual(9);
    for (const t of tiles) expect(t).toMatch(/^\/api\/map\/cells\?precision=\d&tile=[0-9a-z]+$/);
    // Reports are asked for only as one page of the list, for the viewport, once: never the whole board.
    const lists = requests.filter((r) => r.startsWith('/api/reports?'));
    expect(lists, lists.join('\n')).toHaveLength(1);
    expect(lists[0]).toMatch(/^\/api\/reports\?bbox=[-\d.,]+&limit=50$/);
    // The page's other requests: the services for the filter, and each tile once.
    expect(requests.filter((r) => r === '/api/services')).toHaveLength(1);
    expect(new Set(tiles).size).toBe(tiles.length);

    const boxes = await markerBoxes(page);
    expect(boxes.length).toBe(Number(await page.getAttribute('#map', 'data-markers')));
    expect(boxes.length).toBeGreaterThan(0);
    expect(boxes.reduce((s, b) => s + b.n, 0)).toBe(Number(await page.getAttribute('#map', 'data-pins')));
    for (const b of boxes) expect(Math.min(b.w, b.h)).toBeGreaterThanOrEqual(24);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap, `markers at ${a.x},${a.y} and ${b.x},${b.y}`).toBe(false);
      }
    }
    expect(await axeViolations(page)).toEqual([]);
    // Still once after the checks above: no late second request for the same viewport either.
    expect(requests.filter((r) => r.startsWith('/api/reports?'))).toHaveLength(1);
    await page.context().close();
  });

  it('zooms in on a count marker by keyboard, and from the pin zoom draws the pins of the viewport only', async () => {
    const { page, requests } = await openRecording(`/#map=13/${spot.lat}/${spot.lng}`);
    await settled(page);
    expect(await page.getAttribute('#map', 'data-mode')).toBe('cells');
    const before = requests.length;
    // The marker holding our report is at the map's centre: the one nearest to it.
    const centre = await page.$eval('#map', (m) => {
      const r = m.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    const nearest = await page.$$eval(
      '.map-count',
      (els, c) =>
        els
          .map((e, i) => {
            const r = e.getBoundingClientRect();
            return { i, d: Math.hypot(r.x + r.width / 2 - c.x, r.y + r.height / 2 - c.y) };
          })
          .sort((a, b) => a.d - b.d)[0]?.i ?? 0,
      centre,
    );
    await page.locator('.map-count').nth(nearest).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^#map=15\//.test(location.hash));
    await page.waitForSelector('#map[data-mode="pins"]', { state: 'attached' });
    await settled(page);
    const after = requests.slice(before);
    expect(after.some((r) => r.startsWith('/api/reports?bbox=') && r.includes('limit=500'))).toBe(true);
    expect(after.filter((r) => r.startsWith('/api/map/cells'))).toEqual([]);
    expect(Number(await page.getAttribute('#map', 'data-pins'))).toBeGreaterThan(0);
    await page.context().close();
  });

  it('lists the reports in view and not one outside it', async () => {
    const { page } = await openRecording(`/#map=17/${spot.lat}/${spot.lng}`);
    await settled(page);
    expect(await page.getAttribute('#map', 'data-mode')).toBe('pins');
    const listed = await page.textContent('#list');
    expect(listed).toContain(reference);
    expect(listed).not.toContain(far);
    // The map draws what the list holds: each pin in view is one report.
    expect(Number(await page.getAttribute('#map', 'data-pins'))).toBe(await page.locator('#list li').count());
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
