import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../infra/local/cognito-setup.js';
import { api, createReport } from '../support/api.js';
import { axeViolations, launchChromium, openPage, screenshot } from '../support/browser.js';
import { gpsJpeg, uploadPhoto } from '../support/photos.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function staffConsole(path = '/staff/'): Promise<Page> {
  const page = await openPage(browser, path);
  await page.waitForSelector('#signin-form', { state: 'visible' });
  await page.fill('#username', 'roads.officer');
  await page.fill('#password', DEMO_PASSWORD);
  await page.click('#signin-submit');
  await page.waitForSelector('#console', { state: 'visible' });
  return page;
}

describe('moderation in the staff console', () => {
  it('the Moderation tab lists flagged reports with the count and reasons; hiding one takes it down', async () => {
    const item = await createReport({ description: `Flag me ${Date.now()}` });
    for (const reason of ['Names my neighbour', 'Rude words']) {
      expect((await api(`/api/reports/${item.id}/flags`, { body: { reason } })).status).toBe(202);
    }
    const page = await staffConsole();
    await page.click('#tab-moderation');
    const row = `#moderation-list li[data-item="${item.id}"]`;
    await page.waitForSelector(row);
    expect(await page.textContent(row)).toContain(`${item.reference}: 2 flags`);
    expect(await page.textContent(row)).toContain('Names my neighbour');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'staff-moderation-queue');

    await page.click(`${row} >> text=Hide ${item.reference}`);
    await page.waitForSelector(row, { state: 'detached' });
    expect((await api(`/api/reports/${item.id}`)).status).toBe(410);
  });

  it('staff redact a title from the item view: the public sees the replacement, staff the original and the event', async () => {
    const uploadId = await uploadPhoto(await gpsJpeg());
    const title = `Outside Mrs Example's house ${Date.now()}`;
    const item = await createReport({ title, photos: [uploadId] });
    const page = await staffConsole(`/staff/?id=${item.id}`);
    await page.waitForSelector('#item-photos img');
    await page.selectOption('#redact-field', 'title');
    await page.fill('#redact-reason', 'Names a resident');
    await page.click('#redact-submit');
    await page.waitForSelector('#item-redactions');
    expect(await page.textContent('#item-h')).toContain(title);
    expect(await page.textContent('#item-redactions')).toContain('[removed: personal information]');
    expect(await page.textContent('#item-history')).toContain('Names a resident');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'staff-redaction');

    const track = await openPage(browser, `/track/?id=${item.reference}`);
    await track.waitForSelector('h1:has-text("[removed: personal information]")');
    expect(await track.content()).not.toContain("Mrs Example's");
    expect(await track.$$eval('.photos img', (l) => l.length)).toBe(1);
  });
});
