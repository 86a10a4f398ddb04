import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '../../infra/local/cognito-setup.js';
import { catalog } from '../../shared/catalog/index.js';
import { defaultLanguage, languages, messagesOf } from '../../shared/i18n/board.js';
import { catalogMessages } from '../../shared/i18n/catalog-keys.js';
import { jurisdiction } from '../../shared/jurisdiction/index.js';
import { api, createReport, signIn } from '../support/api.js';
import { axeViolations, launchChromium } from '../support/browser.js';
import { languageFindings } from '../support/language-walk.js';
import { newStaffMember } from '../support/staff-members.js';
import { totp } from '../support/totp.js';

// Issue 23: the staff console in each language the board offers besides its default: sign-in and TOTP
// enrolment (MFA required, as deployed), the work queue, an item, moderation and API keys, each walked for
// raw keys and English left over and checked with axe; one move of an item by keyboard alone in Welsh.
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const others = languages.filter((l) => l !== defaultLanguage);
const SERVICE = 'damaged-sign';

/** A new staff member of the roads team and admin (API keys), not enrolled yet: each run enrols its own. */
const newMember = () => newStaffMember('lang', 'Lowri Lingo', ['roads', 'admin']);

/** The console at /<lang>/staff/ as deployed (/config.json requires MFA). */
async function consolePage(lang: string, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  await context.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  await context.route('**/config.json', async (route) => {
    const config = await (await route.fetch()).json();
    await route.fulfill({ json: { ...config, auth: { ...config.auth, mfa: 'required' } } });
  });
  const page = await context.newPage();
  await page.goto(`${inject('baseUrl')}/${lang}/staff/`);
  return page;
}

/**
 * English a page in `lang` rightly shows: each language's own name in the switch (marked with its `lang`),
 * and the council's words it has not translated into `lang`, which fall back to the default language as
 * the issue asks (a state labelled "Reported" is the council's until its i18n/<lang>.json words it).
 */
function rightlyEnglish(lang: string): Set<string> {
  const own = messagesOf(lang);
  const untranslated = Object.entries(catalogMessages(jurisdiction, catalog)).filter(([key]) => !Object.hasOwn(own, key));
  return new Set([...languages.map((l) => messagesOf(l)['language.name'] ?? ''), ...untranslated.map(([, text]) => text.trim())]);
}

/** The walk's findings less the English `lang` rightly shows. */
async function findingsOf(page: Page, lang: string) {
  const found = await languageFindings(page, lang);
  const allowed = rightlyEnglish(lang);
  return { ...found, english: found.english.filter((text) => !allowed.has(text)) };
}

/** The page as it is now: in `lang`, no raw key, no English the language words differently, no axe violation. */
async function expectInLanguage(page: Page, lang: string, view: string): Promise<void> {
  const findings = await findingsOf(page, lang);
  expect({ view, ...findings }).toEqual({ view, lang, htmlLang: lang, keys: [], english: [] });
  expect({ view, axe: await axeViolations(page) }).toEqual({ view, axe: [] });
}

/** Report, flags and an API key of this run's own, so every view has real data on it. */
async function ownData(lang: string) {
  // A service no other browser test files to: the queue walked (and axe-checked) is this test's own, and short.
  const report = await createReport({ serviceCode: SERVICE, description: `Arwydd wedi'i ddifrodi / señal dañada ${lang} ${Date.now()}` });
  for (const reason of ['Names my neighbour', 'Rude words'])
    expect((await api(`/api/reports/${report.id}/flags`, { body: { reason } })).status).toBe(202);
  const key = await api('/api/staff/api-keys', {
    token: await signIn('admin'),
    body: { name: `Synwyryddion ${lang} ${Date.now()}`, services: [SERVICE], ratePerMinute: 10 },
  });
  expect(key.status).toBe(201);
  return { report, keyName: key.body.name as string };
}

describe.each(others.map((lang, i) => ({ lang, width: i % 2 ? 375 : 1280 })))(
  'the staff console in $lang ($width px)',
  ({ lang, width }) => {
    it('sign-in, enrolment, queue, item, moderation and API keys are all in the language and accessible', async () => {
      const { report, keyName } = await ownData(lang);
      const username = await newMember();
      const page = await consolePage(lang, width);

      await page.waitForSelector('#signin-form', { state: 'visible' });
      await expectInLanguage(page, lang, 'sign-in');
      await page.fill('#username', username);
      await page.fill('#password', DEMO_PASSWORD);
      await page.click('#signin-submit');
      await page.waitForSelector('#mfa-qr svg', { state: 'visible' });
      await expectInLanguage(page, lang, 'TOTP enrolment');
      const secret = ((await page.textContent('#mfa-secret')) ?? '').replace(/\s/g, '');
      await page.fill('#mfa-setup-code', totp(secret));
      await page.click('#mfasetup-submit');
      await page.waitForSelector('#console', { state: 'visible' });

      await page.selectOption('#f-service', SERVICE);
      const link = page.locator('#queue a', { hasText: report.reference });
      await link.waitFor();
      await expectInLanguage(page, lang, 'work queue');
      // Links stay in the language: the item opens at /<lang>/staff/?id=….
      expect(await link.getAttribute('href')).toBe(`/${lang}/staff/?id=${encodeURIComponent(report.id)}`);

      await link.click();
      await page.waitForSelector('#item-h');
      await page.waitForSelector('#history li');
      await page.waitForSelector('#assignee option[value="roads.officer"]', { state: 'attached' });
      expect(await page.textContent('#item-description')).toBe(report.description);
      await expectInLanguage(page, lang, 'item');

      await page.click('#tab-moderation');
      const row = `#moderation-list li[data-item="${report.id}"]`;
      await page.waitForSelector(row);
      expect(await page.textContent(row)).toContain('Names my neighbour');
      await expectInLanguage(page, lang, 'moderation');

      await page.click('#tab-keys');
      await page.locator('#key-list th', { hasText: keyName }).waitFor();
      await expectInLanguage(page, lang, 'API keys');

      await page.click('#tab-bills');
      // Loaded: the list is no longer busy and its status line says how many (or that none match).
      await page.waitForFunction(
        () => !document.querySelector('#bill-list[aria-busy="true"]') && !!document.querySelector('#bill-list-status')?.textContent,
      );
      await expectInLanguage(page, lang, 'bills');
      await page.context().close();
    }, 180_000); // six views, each walked and checked by axe, on a machine shared with other work
  },
);

describe.runIf(languages.includes('cy'))('the staff console in Welsh, by keyboard', () => {
  it('moves an item along with the keyboard alone; the stored state changes and the console confirms it in Welsh', async () => {
    const report = await createReport({ serviceCode: SERVICE, description: `Bysellfwrdd ${Date.now()}` });
    const username = await newMember();
    const page = await consolePage('cy', 1280);
    await page.waitForSelector('#signin-form', { state: 'visible' });
    await page.focus('#username');
    await page.keyboard.type(username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#mfasetup', { state: 'visible' });
    const secret = ((await page.textContent('#mfa-secret')) ?? '').replace(/\s/g, '');
    await page.focus('#mfa-setup-code');
    await page.keyboard.type(totp(secret));
    await page.keyboard.press('Enter');
    await page.waitForSelector('#console', { state: 'visible' });

    // The reference goes into the address as a person would share it; then only keys.
    await page.goto(`${inject('baseUrl')}/cy/staff/?id=${encodeURIComponent(report.id)}`);
    await page.waitForSelector('#item-h');
    await page.waitForSelector('#transition-to option[value="in_progress"]', { state: 'attached' });
    await page.focus('#transition-to');
    // From "new" the moves are Acknowledge, Start work, …: one down is Start work.
    await page.keyboard.press('ArrowDown');
    expect(await page.inputValue('#transition-to')).toBe('in_progress');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('transition-note');
    await page.keyboard.type('Mae criw ar ei ffordd.');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('transition-submit');
    await page.keyboard.press('Enter');

    const done = await page.waitForSelector('#item-success');
    expect(await done.textContent()).toMatch(/^Wedi'i wneud: /);
    const stored = (await api(`/api/staff/reports/${report.id}`, { token: await signIn('roads.officer') })).body;
    expect(stored).toMatchObject({ status: 'in_progress' });
    expect(stored.history.map((e: { to?: string }) => e.to)).toContain('in_progress');
    // The queue beside it lists this test's service in any status (the item is in progress now).
    await page.selectOption('#f-service', SERVICE);
    await page.selectOption('#f-state', '');
    await page.locator('#queue a', { hasText: report.reference }).waitFor();
    await expectInLanguage(page, 'cy', 'item after a keyboard move');

    // The walk can fail: an untranslated English message and a raw key put on this page are both found.
    const english = messagesOf('en')['staff.queue.heading'] as string;
    await page.evaluate((text) => {
      const main = document.querySelector('main') as HTMLElement;
      for (const t of [text, 'staff.item.description']) main.append(Object.assign(document.createElement('p'), { textContent: t }));
    }, english);
    const findings = await findingsOf(page, 'cy');
    expect(findings.english).toEqual([english]);
    expect(findings.keys).toEqual(['staff.item.description']);
    await page.context().close();
  }, 120_000);
});
