import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBills } from '../../infra/local/import-bills.js';
import { ROOT } from '../../infra/local/stack.js';
import { languages, messagesOf } from '../../shared/i18n/board.js';
import { signIn, useTestTable } from '../support/api.js';
import { createBill, moveBill, testSession } from '../support/bills.js';
import { axeViolations, launchChromium, openPage } from '../support/browser.js';
import { languageFindings } from '../support/language-walk.js';

/**
 * Issue 23, the public pages beyond the core: each page in every offered language, with real data on it
 * (the legislature fixture's bills, votes, members and committee; the demo's areas and statistics),
 * shows no catalog key and no English the language words differently, has `lang` right and no axe
 * violations.
 */
const MINI = join(ROOT, 'test', 'fixtures', 'legiscan-mini');
let browser: Browser;

beforeAll(async () => {
  useTestTable();
  // The same session as the member pages' test: the import is idempotent by source and id.
  await importBills(MINI, { session: 'e2e-people' });
  // A vote on the agenda, so "up for a vote" shows its table rather than "no vote is scheduled".
  const clerk = await signIn('leg.clerk');
  const bill = await createBill(clerk, testSession('e2e-lang'), { title: `Ferry timetable ${Date.now()}` });
  await moveBill(clerk, bill.id, { to: 'scheduled', scheduledVote: { at: '2031-03-04T10:00:00Z' } });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

/** A page's path in a language: the default at the root, the others under their code. */
const at = (lang: string, path: string) => (lang === languages[0] ? path : `/${lang}${path}`);

/** Each page with what shows its data has loaded (every loading line gone). */
const pages: { name: string; path: string; ready: string }[] = [
  { name: 'stats', path: '/stats/', ready: '#stats[aria-busy="false"] canvas' },
  { name: 'areas', path: '/areas/', ready: '#areas[aria-busy="false"] table' },
  { name: 'an area', path: '/areas/area/?id=centre', ready: '#list[aria-busy="false"] li' },
  { name: 'alerts', path: '/alerts/', ready: '#alert-service option:nth-child(2)' },
  { name: 'alerts, a stale link', path: '/alerts/?token=stale-link-token', ready: '#alerts [role="alert"]' },
  { name: 'bills', path: '/bills/', ready: '#agenda-table tbody tr >> nth=0' },
  { name: 'a bill with votes', path: '/bills/bill/?id=legiscan-1008', ready: '#votes-table tbody tr >> nth=1' },
  { name: 'a member', path: '/bills/member/?id=3', ready: '#roll-call-record' },
  { name: 'a committee', path: `/bills/committee/?name=${encodeURIComponent('House Ways & Means')}`, ready: '#committee-bills' },
  { name: 'the API reference', path: '/api-docs/', ready: '#open311' },
];

async function open(lang: string, path: string, ready: string): Promise<Page> {
  const page = await openPage(browser, at(lang, path));
  await page.locator(ready).first().waitFor({ state: 'attached' });
  // Every visible loading line has gone (the alerts page keeps a hidden one until it has a link's token).
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('#main p.muted[role="status"]')).every(
      (p) => p.closest('[hidden]') || !p.textContent?.endsWith('…'),
    ),
  );
  return page;
}

describe.each(languages.map((lang) => [lang]))('the public pages in %s', (lang) => {
  it.each(pages.map((p) => [p.name, p] as const))('%s: lang set, no key or English left, axe clean', async (_name, p) => {
    const page = await open(lang, p.path, p.ready);
    const found = await languageFindings(page, lang);
    expect(found.htmlLang).toBe(lang);
    expect(found.keys).toEqual([]);
    expect(found.english).toEqual([]);
    // axe in the default language is each page's own e2e file's; the API reference is the same markup in
    // every language and takes ~25 s to check (hundreds of tables), so once, in the first other language.
    const axeHere = lang !== languages[0] && (p.path !== '/api-docs/' || lang === languages[1]);
    if (axeHere) expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('what the walk looks at', () => {
  const english = messagesOf('en');

  it('finds an untranslated English message and a raw key on a Welsh page, and skips translate="no" (positive control)', async () => {
    const page = await open('cy', '/stats/', '#stats[aria-busy="false"] canvas');
    const before = await languageFindings(page, 'cy');
    expect(before.english).toEqual([]);
    await page.evaluate(
      ([text, key]) => {
        const main = document.getElementById('main') as HTMLElement;
        const left = document.createElement('p');
        left.textContent = text as string;
        const raw = document.createElement('p');
        raw.textContent = key as string;
        // The same English inside translate="no" (a citizen's own words) is not a finding.
        const quoted = document.createElement('p');
        quoted.setAttribute('translate', 'no');
        quoted.textContent = 'Waiting now, by age';
        main.append(left, raw, quoted);
      },
      [english['stats.trend.heading'], 'stats.backlog.caption'],
    );
    const after = await languageFindings(page, 'cy');
    expect(after.english).toEqual(['Time to fix, by month']);
    expect(after.keys).toEqual(['stats.backlog.caption']);
    await page.context().close();
  });

  it('the Spanish bill page words its votes, dates and stages in Spanish, the legislature’s words as they are', async () => {
    const page = await open('es', '/bills/bill/?id=legiscan-1008', '#votes-table tbody tr >> nth=1');
    const rows = await page.$$eval('#votes-table tbody tr', (trs) =>
      trs.map((tr) => Array.from((tr as HTMLTableRowElement).cells, (c) => c.textContent?.trim())),
    );
    // 2025-03-15, House: Third Reading, 2 yes 0 no 0 abstain 1 absent, passed
    expect(rows[0]?.[0]).toMatch(/15 mar 2025/);
    expect(rows[0]?.slice(3)).toEqual(['2', '0', '0', '1', 'Aprobado']);
    expect(await page.textContent('#votes-h')).toBe('Votaciones');
    expect(await page.getAttribute('#bill-title', 'translate')).toBeNull();
    expect(await page.getAttribute('h1', 'translate')).toBe('no');
    // control: the same page in English says it in English
    const en = await open('en', '/bills/bill/?id=legiscan-1008', '#votes-table tbody tr >> nth=1');
    expect(await en.textContent('#votes-h')).toBe('Votes');
    expect(await en.$eval('#votes-table tbody tr td:last-child', (td) => td.textContent?.trim())).toBe('Passed');
    await page.context().close();
    await en.context().close();
  });

  it('links between the public pages stay in the page’s language', async () => {
    const page = await open('cy', '/areas/', '#areas[aria-busy="false"] table');
    const href = await page.getAttribute('#areas tbody a', 'href');
    expect(href).toMatch(/^\/cy\/areas\/area\/\?id=/);
    const en = await open('en', '/areas/', '#areas[aria-busy="false"] table');
    expect(await en.getAttribute('#areas tbody a', 'href')).toMatch(/^\/areas\/area\/\?id=/);
    await page.context().close();
    await en.context().close();
  });
});
