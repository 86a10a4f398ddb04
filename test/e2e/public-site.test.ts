import type { Browser, Page } from 'playwright-core';
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

/** Presses Tab until the element with this id has focus: proves it is reachable by keyboard alone. */
async function tabTo(page: Page, id: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
  }
  throw new Error(`#${id} was not reached by Tab`);
}

describe('a citizen, by keyboard only', () => {
  it('reports a fault, gets a reference, tracks it with its queue position, and finds it on the home list', async () => {
    const page = await openPage(browser, '/report/');
    await page.waitForSelector('#serviceCode option[value="pothole"]', { state: 'attached' });
    await tabTo(page, 'serviceCode');
    await page.keyboard.type('Pothole');
    expect(await page.$eval('#serviceCode', (s) => (s as HTMLSelectElement).value)).toBe('pothole');
    await tabTo(page, 'coordinates');
    await page.keyboard.type('51.4431, -2.6102');
    await tabTo(page, 'description');
    const description = `Keyboard pothole ${Date.now()}`;
    await page.keyboard.type(description);
    await tabTo(page, 'submit');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#reference');
    const ref = (await page.textContent('#reference')) as string;
    expect(ref).toMatch(/^RF-\d{7}$/);

    await tabTo(page, 'track-link');
    await Promise.all([page.waitForURL(/\/track\/\?id=/), page.keyboard.press('Enter')]);
    await page.waitForSelector('#queue-position');
    expect(await page.textContent('#queue-position')).toMatch(/^\d+(st|nd|rd|th) in the queue for pothole$/);
    expect(await page.textContent('#description')).toBe(description);

    // The home map zoomed in on the report: its pin is drawn and the list of what is in view holds it.
    const home = await openPage(browser, '/#map=17/51.4431/-2.6102');
    await home.waitForFunction((r) => document.querySelector('#list')?.textContent?.includes(r), ref);
    expect(await home.getAttribute('#map', 'data-mode')).toBe('pins');
    expect(Number(await home.getAttribute('#map', 'data-pins'))).toBeGreaterThan(0);
  });
});

describe('the report form', () => {
  it('suggests an open report of the same service within about 50 m', async () => {
    const existing = await createReport({
      serviceCode: 'street-light',
      location: { lat: 51.4702, lng: -2.6203 },
      description: 'Light out by the park gate',
    });
    const page = await openPage(browser, '/report/');
    await page.waitForSelector('#serviceCode option[value="street-light"]', { state: 'attached' });
    await page.selectOption('#serviceCode', 'street-light');
    await page.fill('#coordinates', '51.47025, -2.62035');
    await page.press('#coordinates', 'Tab');
    await page.waitForSelector('#nearby h2');
    expect(await page.textContent('#nearby')).toContain(existing.reference);
  });

  it('shows the API’s field errors next to the fields', async () => {
    const page = await openPage(browser, '/report/');
    await page.waitForSelector('#serviceCode option[value="pothole"]', { state: 'attached' });
    await page.selectOption('#serviceCode', 'pothole');
    await page.fill('#description', 'No place given');
    await page.click('#submit');
    await page.waitForSelector('#location-error:not([hidden])');
    expect(await page.textContent('#location-error')).toMatch(/say where/i);
    expect(await page.getAttribute('#coordinates', 'aria-invalid')).toBe('true');
  });

  it('files a report from a typed address alone, without the map', async () => {
    const page = await openPage(browser, '/report/');
    await page.waitForSelector('#serviceCode option[value="blocked-drain"]', { state: 'attached' });
    await page.selectOption('#serviceCode', 'blocked-drain');
    await page.fill('#address', '7 Mill Road, by the post box');
    await page.fill('#description', `Drain overflowing ${Date.now()}`);
    await page.click('#submit');
    await page.waitForSelector('#reference');
    await Promise.all([page.waitForURL(/\/track\/\?id=/), page.click('#track-link')]);
    await page.waitForSelector('#queue-position');
    expect(await page.textContent('main')).toContain('7 Mill Road, by the post box');
  });
});

describe('the home page', () => {
  it('filters change what the map and the list show', async () => {
    const page = await openPage(browser, '/');
    const settled = () => page.waitForSelector('#list[aria-busy="false"]', { state: 'attached' });
    await settled();
    const all = Number(await page.getAttribute('#map', 'data-pins'));
    await page.uncheck('input[value="waiting"]');
    await page.uncheck('input[value="in_progress"]');
    await settled();
    const done = Number(await page.getAttribute('#map', 'data-pins'));
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(all);
    const badges = await page.$$eval('#list .status', (els) => els.map((e) => e.className));
    expect(badges.length).toBeGreaterThan(0);
    expect(badges.every((c) => c.includes('done'))).toBe(true);
    await page.selectOption('#service', 'pothole');
    await settled();
    const titles = await page.$$eval('#list li .muted', (els) => els.map((e) => e.textContent ?? ''));
    expect(titles.every((t) => t.includes('Pothole'))).toBe(true);
  });
});

describe('user text', () => {
  it('is shown as text and never runs', async () => {
    const nasty = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">';
    const report = await createReport({ description: nasty, title: '<b>bold</b> title' });
    const page = await openPage(browser, `/track/?id=${report.reference}`);
    await page.waitForSelector('#description');
    expect(await page.textContent('#description')).toBe(nasty);
    expect(await page.textContent('h1')).toBe('<b>bold</b> title');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.$('#description img')).toBeNull();
  });
});

describe('accessibility and layout', () => {
  const pages: [string, string, string][] = [
    ['home', '/', '#list[aria-busy="false"]'],
    ['report', '/report/', '#serviceCode option[value="pothole"]'],
    ['queues', '/queues/', '#queues[aria-busy="false"]'],
    ['completed', '/completed/', '#list[aria-busy="false"]'],
    ['not-found', '/no-such-page/', 'h1'],
  ];

  let reference: string;
  beforeAll(async () => {
    reference = (await createReport()).reference;
  });

  // One test per page and width: each loads the page, waits for its data, runs axe and screenshots it.
  for (const width of [1280, 375]) {
    for (const [name, path, ready] of [...pages, ['track', '/track/?id=', '#queue-position'] as [string, string, string]]) {
      it(`${name} has no axe violations at ${width} px wide`, async () => {
        const page = await openPage(browser, name === 'track' ? `${path}${reference}` : path, width);
        await page.waitForSelector(ready, { state: 'attached' });
        expect(await axeViolations(page), `${name} at ${width}px`).toEqual([]);
        expect(await cspViolations(page), `${name}: blocked by the Content-Security-Policy`).toEqual([]);
        await screenshot(page, `${name}-${width}`);
        await page.context().close();
      });
    }
  }
});

describe('an address that does not exist', () => {
  it('answers 404 with a page that leads back to the board', async () => {
    const page = await openPage(browser, '/');
    const response = await page.goto(`${new URL(page.url()).origin}/no-such-page/`);
    expect(response?.status()).toBe(404);
    // The same security headers as CloudFront's response headers policy.
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response?.headers()['x-frame-options']).toBe('DENY');
    expect(await page.textContent('h1')).toBe('Page not found');
    expect(await page.$$eval('main a', (links) => links.map((a) => a.getAttribute('href')))).toContain('/report/');
    await page.context().close();
  });
});
