import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium, openPage } from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const months = (page: Page) =>
  page.$$eval('#month option', (os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
const countIn = (text: string) => Number(/\((\d+)\)$/.exec(text)?.[1]);

/** Clicks "Show more" until the month is all loaded; the number of entries listed. */
async function listAll(page: Page): Promise<number> {
  while (await page.isVisible('#more')) {
    const before = await page.locator('#list li').count();
    await page.click('#more');
    await page.waitForFunction(
      (n) => document.querySelectorAll('#list li').length > n || !!document.querySelector('#more[hidden]'),
      before,
    );
  }
  return page.locator('#list li').count();
}

describe('completed work, month by month', () => {
  it('opens on the newest month, lists exactly as many reports as its count, and pages to an older month', async () => {
    const page = await openPage(browser, '/completed/');
    await page.waitForSelector('#list[aria-busy="false"] ul', { state: 'attached' });
    const options = await months(page);
    expect(options.length).toBeGreaterThan(1); // the demo data spans months
    const [newest, older] = options as [(typeof options)[0], (typeof options)[0]];
    expect(await page.$eval('#month', (s) => (s as HTMLSelectElement).value)).toBe(newest.value);
    expect(await page.textContent('#list-heading')).toBe(`${countIn(newest.text)} finished in ${newest.text.replace(/ \(\d+\)$/, '')}`);
    expect(await listAll(page)).toBe(countIn(newest.text));

    await Promise.all([page.waitForURL(new RegExp(`month=${older.value}`)), page.click('#month-pager a:has-text("Older")')]);
    await page.waitForSelector('#list[aria-busy="false"] ul', { state: 'attached' });
    expect(await listAll(page)).toBe(countIn(older.text));
    expect(await page.$eval('#month', (s) => (s as HTMLSelectElement).value)).toBe(older.value);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('narrows the months and the list to one service, chosen with the form', async () => {
    const page = await openPage(browser, '/completed/');
    await page.waitForSelector('#list[aria-busy="false"] ul', { state: 'attached' });
    const all = await months(page);
    await page.selectOption('#service', 'pothole');
    await Promise.all([page.waitForURL(/service=pothole/), page.click('#filters button[type=submit]')]);
    await page.waitForSelector('#list[aria-busy="false"]', { state: 'attached' });
    const mine = await months(page);
    for (const m of mine) expect(countIn(m.text)).toBeLessThanOrEqual(countIn(all.find((a) => a.value === m.value)?.text ?? '(0)'));
    const entries = await page.$$eval('#list li .muted', (ds) => ds.map((d) => d.textContent ?? ''));
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(e).toContain('· Pothole ·');
    await page.context().close();
  });
});
