import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, cspViolations, launchChromium, openPage, screenshot } from '../support/browser.js';
import { gpsJpeg } from '../support/photos.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const colours = ['#c0392b', '#2980b9', '#27ae60'];
const photo = async (i: number) => ({
  name: `pothole-${i + 1}.jpg`,
  mimeType: 'image/jpeg',
  buffer: await sharp(await gpsJpeg(800, 600))
    .composite([{ input: { create: { width: 400, height: 300, channels: 3, background: colours[i] as string } }, top: 150, left: 200 }])
    .jpeg()
    .toBuffer(),
});

async function fillReport(page: Page, description: string) {
  await page.waitForSelector('#serviceCode option[value="pothole"]', { state: 'attached' });
  await page.selectOption('#serviceCode', 'pothole');
  await page.fill('#coordinates', '51.4433, -2.6104');
  await page.fill('#description', description);
}

/** Waits until the form says every listed photo is ready or refused. */
async function photosSettled(page: Page, count: number) {
  await page.waitForFunction(
    (n) => {
      const lines = Array.from(document.querySelectorAll('#photo-list .photo-status'), (p) => p.textContent ?? '');
      return lines.length === n && lines.every((t) => /Ready|Cannot be used/.test(t));
    },
    count,
    { timeout: 30_000 },
  );
}

describe('photos on a report', () => {
  it('a report with 3 photos shows 3 thumbnails on its page, with the alt text the citizen wrote', async () => {
    const page = await openPage(browser, '/report/');
    await fillReport(page, `Three photos ${Date.now()}`);
    await page.setInputFiles('#photo-files', await Promise.all([0, 1, 2].map(photo)));
    await photosSettled(page, 3);
    await page.fill('#photo-alt-1', 'The pothole from the pavement');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'report-with-photos');

    await page.click('#submit');
    await page.waitForSelector('#reference');
    expect(await page.textContent('#photo-count')).toBe('3 photos attached.');
    await Promise.all([page.waitForURL(/\/track\/\?id=/), page.click('#track-link')]);
    await page.waitForSelector('.photos img');
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll<HTMLImageElement>('.photos img')).every((i) => i.complete && i.naturalWidth > 0),
    );
    const thumbs = await page.$$eval('.photos img', (imgs) =>
      imgs.map((i) => ({ alt: (i as HTMLImageElement).alt, width: (i as HTMLImageElement).naturalWidth })),
    );
    expect(thumbs).toHaveLength(3);
    expect(thumbs[0]?.alt).toBe('The pothole from the pavement');
    for (const t of thumbs) expect(t.width).toBeLessThanOrEqual(320);
    expect(await axeViolations(page)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await screenshot(page, 'track-with-photos');
  });

  it('a photo that cannot be used does not stop the report: the form says which', async () => {
    const page = await openPage(browser, '/report/');
    await fillReport(page, `One good photo, one not ${Date.now()}`);
    await page.setInputFiles('#photo-files', [
      await photo(0),
      { name: 'scan.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') },
    ]);
    await photosSettled(page, 2);
    expect(await page.textContent('#photo-list')).toContain('scan.jpg');
    expect(await page.textContent('#photo-list')).toMatch(/Cannot be used: This file is not a photo/);
    await page.click('#submit');
    await page.waitForSelector('#reference');
    expect(await page.textContent('#photo-count')).toBe('1 photo attached.');
    expect(await page.textContent('#photos-not-attached')).toContain('scan.jpg');
    expect(await cspViolations(page)).toEqual([]);
  });

  it('a photo is removed before sending, by keyboard', async () => {
    const page = await openPage(browser, '/report/', 375);
    await fillReport(page, `Removed photo ${Date.now()}`);
    await page.setInputFiles('#photo-files', [await photo(0), await photo(1)]);
    await photosSettled(page, 2);
    await page.focus('text=Remove photo 1');
    await page.keyboard.press('Enter');
    expect(await page.$$eval('#photo-list li', (l) => l.length)).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.click('#submit');
    await page.waitForSelector('#reference');
    expect(await page.textContent('#photo-count')).toBe('1 photo attached.');
  });
});
