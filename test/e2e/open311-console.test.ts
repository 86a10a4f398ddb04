import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes.js';
import { DEMO_PASSWORD } from '../../infra/local/cognito-setup.js';
import { axeViolations, launchChromium, openPage } from '../support/browser.js';
import { postForm, requestForm } from '../support/open311.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function signInAs(page: Page, username: string): Promise<void> {
  await page.waitForSelector('#signin-form', { state: 'visible' });
  await page.fill('#username', username);
  await page.fill('#password', DEMO_PASSWORD);
  await page.click('#signin-submit');
  await page.waitForSelector('#console', { state: 'visible' });
}

const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('API keys in the staff console', () => {
  it('an admin creates a key by keyboard, sees the secret once, the key files a report, and revoking it stops it at once', async () => {
    const page = await openPage(browser, '/staff/', 375);
    await signInAs(page, 'admin');
    await page.focus('#tab-keys');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#keys-screen', { state: 'visible' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('keys-h');
    await page.waitForSelector('input[name="key-service"][value="pothole"]');
    const name = `Gully sensors ${Date.now()}`;
    await page.fill('#key-name', name);
    await page.check('input[name="key-service"][value="pothole"]');
    await page.fill('#key-rate', '30');
    await page.focus('#key-form button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#key-secret', { state: 'visible' });
    const secret = (await page.textContent('#key-secret-value')) ?? '';
    expect(secret).toMatch(/^cb_/);
    await page.waitForSelector(`#key-list th:has-text("${name}")`);
    expect(await axeViolations(page)).toEqual([]);
    expect(await noSideScroll(page)).toBe(true);

    expect((await postForm('/open311/v2/requests.json', requestForm(secret))).status).toBe(201);
    page.once('dialog', (d) => void d.accept());
    await page.click(`#key-list tr:has-text("${name}") button:has-text("Revoke")`);
    await page.waitForSelector(`#key-list tr:has-text("${name}") td:has-text("Revoked")`);
    expect((await postForm('/open311/v2/requests.json', requestForm(secret))).status).toBe(403);
    await page.context().close();
  });

  it('staff who are not admins are not offered the tab', async () => {
    const page = await openPage(browser, '/staff/');
    await signInAs(page, 'leg.clerk');
    await page.waitForSelector('#tab-bills', { state: 'visible' });
    expect(await page.isVisible('#tab-keys')).toBe(false);
    await page.context().close();
  });
});

describe('the API documentation page', () => {
  it('documents every route of the route table, passes axe and fits 375 px', async () => {
    const page = await openPage(browser, '/api-docs/', 375);
    expect(await page.locator('.api-op').count()).toBe(ROUTES.length);
    expect(await page.textContent('#open311 ~ section, #open311')).toBeTruthy();
    expect(await page.locator('a[href="/api/openapi.json"]').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(await noSideScroll(page)).toBe(true);
    await page.context().close();
  });
});
