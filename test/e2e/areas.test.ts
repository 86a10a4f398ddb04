import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium, openPage } from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('areas pages', () => {
  it("/areas/ lists every ward with its counts, and one ward's page lists as many reports as its counts add up to", async () => {
    const page = await openPage(browser, '/areas/');
    await page.waitForSelector('#areas[aria-busy="false"] table');
    expect(await page.textContent('h1')).toBe('Wards');
    const rows = await page.$$eval('#areas tbody tr', (trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-area'),
        counts: Array.from(tr.querySelectorAll('td')).map((td) => Number(td.textContent)),
      })),
    );
    expect(rows.map((r) => r.id)).toEqual(['north', 'east', 'harbour', 'centre', 'outskirts']);
    // The seeded demo reports lie around the centre of the map: some ward has reports.
    const busiest = [...rows].sort((a, b) => b.counts.reduce((x, y) => x + y) - a.counts.reduce((x, y) => x + y))[0]!;
    const total = busiest.counts.reduce((x, y) => x + y);
    expect(total).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);

    await Promise.all([
      page.waitForURL(new RegExp(`/areas/area/\\?id=${busiest.id}`)),
      page.click(`#areas tr[data-area="${busiest.id}"] a`),
    ]);
    await page.waitForSelector('#list[aria-busy="false"]');
    while (await page.isVisible('#more')) {
      const before = await page.locator('#list li').count();
      await page.click('#more');
      await page.waitForFunction(
        (n) => document.querySelectorAll('#list li').length > n || !!document.querySelector('#more[hidden]'),
        before,
      );
    }
    expect(await page.locator('#list li').count()).toBe(total);
    expect(await page.textContent('#area-counts')).toBe(
      `${busiest.counts[0]} waiting · ${busiest.counts[1]} in progress · ${busiest.counts[2]} finished`,
    );
    expect(await page.locator('#map .leaflet-interactive, #map path').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('narrows an area page to one phase with the form, by keyboard, at 375 px', async () => {
    const page = await openPage(browser, '/areas/area/?id=centre', 375);
    await page.waitForSelector('#list[aria-busy="false"]');
    await page.focus('#phase');
    await page.selectOption('#phase', 'waiting');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Show');
    await Promise.all([page.waitForURL(/phase=waiting/), page.keyboard.press('Enter')]);
    await page.waitForSelector('#list[aria-busy="false"]');
    const badges = await page.$$eval('#list li .status', (s) => s.map((b) => b.className));
    for (const b of badges) expect(b).toContain('waiting');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('says so, instead of failing, for an area that does not exist', async () => {
    const page = await openPage(browser, '/areas/area/?id=atlantis');
    await page.waitForSelector('#list[aria-busy="false"] [role="alert"]');
    expect(await page.textContent('#area-heading')).toBe('Area not found');
    await page.context().close();
  });
});
