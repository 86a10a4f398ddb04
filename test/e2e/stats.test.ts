import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReport } from '../support/api.js';
import { axeViolations, cspViolations, launchChromium, openPage, screenshot } from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('/stats/', () => {
  for (const width of [1280, 375]) {
    it(`draws the three charts with their tables and CSV links, axe clean at ${width} px`, async () => {
      const page = await openPage(browser, '/stats/', width);
      await page.waitForSelector('#stats[aria-busy="false"]', { state: 'attached' });
      expect(await page.locator('#stats canvas').count()).toBe(3);
      const captions = await page.$$eval('#stats table caption', (cs) => cs.map((c) => c.textContent));
      expect(captions).toEqual(['Reports waiting, by age', 'Time to fix, by month', 'Fixed on time, by service, last 90 days']);
      // The backlog table's rows add up to the total the page states.
      // Counts are written as the page's language writes numbers ("1,204" in English).
      const figure = (text: string | null | undefined) => Number(text?.replace(/[^\d]/g, ''));
      const counts = await page.$$eval('#stats section:first-child tbody td', (tds) => tds.map((td) => td.textContent));
      const stated = figure(/([\d,]+) reports are waiting/.exec((await page.textContent('#stats section:first-child p')) ?? '')?.[1]);
      expect(counts.map(figure).reduce((a, b) => a + b, 0)).toBe(stated);
      expect(stated).toBeGreaterThan(0); // the demo data has a backlog
      const csv = await page.$$eval('#stats a[download]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(csv).toHaveLength(3);
      for (const href of csv) expect((await page.request.get(href)).headers()['content-type']).toMatch(/^text\/csv/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      expect(await cspViolations(page)).toEqual([]);
      if (width === 1280) await screenshot(page, 'stats');
      await page.context().close();
    });
  }

  it('the item page says the promise in words', async () => {
    const report = await createReport();
    const page = await openPage(browser, `/track/?id=${report.reference}`);
    await page.waitForSelector('#sla');
    expect(await page.textContent('#sla')).toMatch(/^We aim to fix this within 10 working days: by \w{3} \d{1,2} \w{3}\. On track\.$/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'item-sla');
    await page.context().close();
  });
});
