import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '../../infra/local/cognito-setup.js';
import { qrCodeSvg } from '../../site/src/scripts/staff/mfa.js';
import { axeViolations, cspViolations, launchChromium } from '../support/browser.js';
import { newStaffMember } from '../support/staff-members.js';
import { totp, wrongCode } from '../support/totp.js';

// Issue 21, defect 4: staff need TOTP. The deployed /config.json says `mfa: required` (and Cognito
// requires it); the local stack's says `optional` so the demo accounts stay one password away, so
// these tests serve the deployed setting. Each test's user is new: enrolling a demo account would
// change how every other browser test signs in.
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const newMember = () => newStaffMember('mfa', 'Tam Totp', ['roads']);

/** The staff console as deployed: /config.json requires MFA. */
async function consolePage(width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  // Records what the Content-Security-Policy blocks (as test/support/browser.ts openPage does).
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await context.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  await context.route('**/config.json', async (route) => {
    const config = await (await route.fetch()).json();
    await route.fulfill({ json: { ...config, auth: { ...config.auth, mfa: 'required' } } });
  });
  const page = await context.newPage();
  await page.goto(`${inject('baseUrl')}/staff/`);
  return page;
}

async function password(page: Page, username: string): Promise<void> {
  await page.waitForSelector('#signin-form', { state: 'visible' });
  await page.fill('#username', username);
  await page.fill('#password', DEMO_PASSWORD);
  await page.click('#signin-submit');
}

const errorText = (page: Page, id: string) => page.waitForSelector(`#${id}:not([hidden])`).then((e) => e.textContent());

/** First sign-in: enrols with the key the page shows; returns that key. */
async function enrol(page: Page, username: string): Promise<string> {
  await password(page, username);
  await page.waitForSelector('#mfasetup', { state: 'visible' });
  const secret = ((await page.textContent('#mfa-secret')) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  expect(await page.getAttribute('#mfa-uri', 'href')).toContain(`secret=${secret}`);
  await page.fill('#mfa-setup-code', totp(secret));
  await page.click('#mfasetup-submit');
  await page.waitForSelector('#console', { state: 'visible' });
  return secret;
}

/** The modules of the QR code on the page: the `d` of its dark path. */
const qrModules = (page: Page) => page.getAttribute('#mfa-qr svg path[stroke]', 'd');

describe('staff sign-in with TOTP (MFA required)', () => {
  it('enrolment shows a QR code of the same otpauth address as the link and the typed key, accessible at 375 px', async () => {
    const username = await newMember();
    const page = await consolePage(375);
    await password(page, username);
    await page.waitForSelector('#mfa-qr svg', { state: 'visible' });
    const uri = (await page.getAttribute('#mfa-uri', 'href')) ?? '';
    const secret = ((await page.textContent('#mfa-secret')) ?? '').replace(/\s/g, '');
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain(encodeURIComponent(username));
    // The code's modules are exactly those of that address: what a phone scans is the key shown as text.
    const expected = /stroke="#000000" d="([^"]+)"/.exec(await qrCodeSvg(uri))?.[1];
    expect(expected).toBeTruthy();
    expect(await qrModules(page)).toBe(expected);
    // Large enough to scan and within a 375 px screen.
    const box = (await page.locator('#mfa-qr svg').boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(150);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    expect(await page.getAttribute('#mfa-qr', 'role')).toBe('img');
    expect(await axeViolations(page)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    // The text key still works on its own: the enrolment finishes with a code computed from it.
    await page.fill('#mfa-setup-code', totp(secret));
    await page.click('#mfasetup-submit');
    await page.waitForSelector('#console', { state: 'visible' });
  });

  it('a first sign-in must enrol an authenticator app before the console opens; a wrong first code says so', async () => {
    const username = await newMember();
    const page = await consolePage();
    await password(page, username);
    await page.waitForSelector('#mfasetup', { state: 'visible' });
    expect(await page.isVisible('#console')).toBe(false);
    const secret = ((await page.textContent('#mfa-secret')) ?? '').replace(/\s/g, '');
    await page.fill('#mfa-setup-code', wrongCode(secret));
    await page.click('#mfasetup-submit');
    expect(await errorText(page, 'mfasetup-error')).toMatch(/code is not right/);
    expect(await page.isVisible('#console')).toBe(false);
    await page.fill('#mfa-setup-code', totp(secret));
    await page.click('#mfasetup-submit');
    await page.waitForSelector('#console', { state: 'visible' });
    expect(await page.textContent('#whoami')).toContain(username);
  });

  it('later sign-ins ask for the current code: a wrong one is refused with a clear message, the right one opens the console', async () => {
    const username = await newMember();
    const first = await consolePage();
    const secret = await enrol(first, username);
    await first.context().close();

    const page = await consolePage();
    await password(page, username);
    await page.waitForSelector('#mfacode', { state: 'visible' });
    await page.fill('#mfa-code', wrongCode(secret));
    await page.click('#mfacode-submit');
    const message = await page.waitForFunction(() => {
      const error = document.querySelector('#mfacode-error:not([hidden])')?.textContent;
      const notice = document.querySelector('#auth-notice')?.textContent;
      return error || notice || false;
    });
    expect(await message.jsonValue()).toMatch(/code is not right|Sign in again/);
    expect(await page.isVisible('#console')).toBe(false);
    // Whether Cognito keeps the sign-in session after a wrong code or not, the right code gets in.
    if (await page.isVisible('#signin')) await password(page, username);
    await page.waitForSelector('#mfacode', { state: 'visible' });
    await page.fill('#mfa-code', totp(secret));
    await page.click('#mfacode-submit');
    await page.waitForSelector('#console', { state: 'visible' });
  });

  it('an account that has enrolled is asked for a code even where the site does not require MFA (Cognito asks)', async () => {
    const username = await newMember();
    const first = await consolePage();
    const secret = await enrol(first, username);
    await first.context().close();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${inject('baseUrl')}/staff/`);
    await password(page, username);
    await page.waitForSelector('#mfacode', { state: 'visible' });
    await page.fill('#mfa-code', totp(secret));
    await page.click('#mfacode-submit');
    await page.waitForSelector('#console', { state: 'visible' });
  });
});
