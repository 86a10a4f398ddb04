import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../infra/local/cognito-setup.js';
import { api, signIn } from '../support/api.js';
import { createBill, moveBill, testSession } from '../support/bills.js';
import { axeViolations, launchChromium, openPage, screenshot } from '../support/browser.js';

/** The staff console's Bills screen, as legislature staff use it (docs/bills.md). */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function consoleAs(username: string, path = '/staff/', width = 1280): Promise<Page> {
  const page = await openPage(browser, path, width);
  await page.waitForSelector('#signin-form', { state: 'visible' });
  await page.fill('#username', username);
  await page.fill('#password', DEMO_PASSWORD);
  await page.click('#signin-submit');
  await page.waitForSelector('#console', { state: 'visible' });
  return page;
}

/** A datetime-local value `days` from now at 10:00 local time. */
function localAt(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T10:00`;
}

const waitForStage = (page: Page, label: string) =>
  page.waitForFunction((l) => document.querySelector('#bill-stage .status')?.textContent === l, label);

async function addRollCall(page: Page, rows: [string, string][]): Promise<void> {
  for (const [member, vote] of rows) {
    await page.click('#roll-call-add');
    await page.locator('.rc-row .rc-member').last().fill(member);
    await page.locator('.rc-row .rc-vote').last().selectOption(vote);
  }
}

async function fillVote(page: Page, counts: { yes: number; no: number; abstain: number; absent: number }, result = 'pass') {
  await page.fill('#vote-at', localAt(0).replace('T10:00', 'T09:30'));
  await page.fill('#vote-motion', 'Third reading, final passage');
  for (const [k, v] of Object.entries(counts)) await page.fill(`#vote-${k}`, String(v));
  await page.selectOption('#vote-result', result);
}

describe('legislature staff in the Bills screen', () => {
  it('leg.clerk files a bill, schedules a vote and records a passing vote with a roll call: the bill moves and the public page shows the counts', async () => {
    const session = testSession('console');
    const page = await consoleAs('leg.clerk');
    // Someone whose groups act on no report service lands on the bills.
    await page.waitForSelector('#bills-screen', { state: 'visible' });
    expect(await page.isVisible('#tab-bills')).toBe(true);

    await page.click('#bill-new');
    await page.fill('#bc-number', 'not a number');
    await page.fill('#bc-session', session);
    await page.fill('#bc-title', 'Safe routes to school act');
    await page.fill('#bc-summary', 'An Act relating to <b>road safety</b> near schools.');
    await page.selectOption('#bc-chamber', 'House');
    await page.fill('#bc-sponsor', 'Ada Primary');
    await page.fill('#bc-cosponsors', 'Ben Cosponsor\nCara Cosponsor');
    await page.fill('#bc-committee', 'Transportation');
    await page.fill('#bc-links', 'Bill text | https://example.org/hb12.pdf');
    await page.click('#bc-submit');
    await page.waitForSelector('#bc-number-error', { state: 'visible' });
    expect(await page.textContent('#bc-number-error')).toMatch(/bill number like/);
    expect(await page.getAttribute('#bc-number', 'aria-invalid')).toBe('true');

    await page.fill('#bc-number', 'HB 77');
    await page.click('#bc-submit');
    await page.waitForFunction(() => document.querySelector('#bill-h')?.textContent?.startsWith('HB 77:'));
    // User text is text: the summary's markup is shown, not run.
    expect(await page.textContent('#bill-summary')).toContain('<b>road safety</b>');
    await waitForStage(page, 'Introduced');
    const id = new URL(page.url()).searchParams.get('bill') as string;

    await page.selectOption('#bill-to', 'scheduled');
    await page.waitForSelector('#bill-vote-date', { state: 'visible' });
    await page.click('#bill-move-submit');
    await page.waitForSelector('#bill-vote-date-error', { state: 'visible' });
    await page.fill('#bill-vote-date', localAt(3));
    await page.click('#bill-move-submit');
    await waitForStage(page, 'Scheduled for a vote');
    expect(await page.textContent('#bill-scheduled')).toMatch(/Vote scheduled/);

    await page.fill('#bf-session', session);
    await page.check('#bf-vote');
    await page.click('#bf-apply');
    await page.waitForFunction(() => document.querySelector('#bill-list li .vote-date'));
    expect(await page.textContent('#bill-list')).toContain('HB 77: Safe routes to school act');

    await fillVote(page, { yes: 2, no: 1, abstain: 0, absent: 1 });
    await addRollCall(page, [
      ['Member Able', 'yes'],
      ['Member Baker', 'yes'],
      ['Member Cole', 'no'],
      ['Member Dunn', 'absent'],
    ]);
    await page.click('#vote-submit');
    await waitForStage(page, 'Passed first chamber');
    await page.waitForSelector('#bill-votes');
    expect(await page.textContent('#bill-votes')).toMatch(/Passed 2–1 \(0 abstain, 1 absent\)/);
    await page.waitForSelector('#bill-history >> text=Vote: moved from Scheduled for a vote to Passed first chamber');
    await screenshot(page, 'staff-bill-passed-1280');

    const stored = (await api(`/api/bills/${id}`)).body;
    expect(stored).toMatchObject({ status: 'passed_origin', number: 'HB 77', session });
    expect(stored.sponsors.map((s: { name: string }) => s.name)).toEqual(['Ada Primary', 'Ben Cosponsor', 'Cara Cosponsor']);
    expect(stored.votes).toHaveLength(1);
    expect(stored.votes[0]).toMatchObject({ yes: 2, no: 1, abstain: 0, absent: 1, result: 'pass', chamber: 'House' });
    expect(stored.votes[0].rollCall).toHaveLength(4);

    const pub = await openPage(browser, `/bills/bill/?id=${encodeURIComponent(id)}`);
    await pub.waitForSelector('#votes-table');
    const cells = await pub.locator('#votes-table tbody tr').first().locator('td').allTextContents();
    expect(cells.slice(3, 8)).toEqual(['2', '1', '0', '1', 'Passed']);
    await pub.context().close();
    await page.context().close();
  }, 120_000);

  it('shows a roll call that does not match the counts at the field and stores nothing', async () => {
    const token = await signIn('leg.clerk');
    const bill = await createBill(token, testSession('mismatch'));
    await moveBill(token, bill.id, { to: 'scheduled', scheduledVote: { at: new Date(Date.now() + 86_400_000).toISOString() } });
    const before = (await api(`/api/bills/${bill.id}`)).body;
    const page = await consoleAs('leg.clerk', `/staff/?bill=${bill.id}`);
    await waitForStage(page, 'Scheduled for a vote');

    await fillVote(page, { yes: 3, no: 0, abstain: 0, absent: 0 });
    await addRollCall(page, [
      ['Member Able', 'yes'],
      ['Member Baker', 'yes'],
    ]);
    await page.click('#vote-submit');
    await page.waitForSelector('#vote-yes-error', { state: 'visible' });
    expect(await page.textContent('#vote-yes-error')).toMatch(/yes.*roll call lists 2/i);
    expect(await page.getAttribute('#vote-yes', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#bill-error')).toMatch(/Not saved/);
    // What was typed stays for correcting.
    expect(await page.inputValue('#vote-motion')).toBe('Third reading, final passage');
    expect(await page.locator('.rc-row').count()).toBe(2);

    const after = (await api(`/api/bills/${bill.id}`)).body;
    expect(after.votes).toEqual([]);
    expect(after.version).toBe(before.version);
    expect(after.status).toBe('scheduled');
    await page.context().close();
  });

  it('saves the office’s private note on the watchlist, which no public read shows', async () => {
    const token = await signIn('leg.clerk');
    const bill = await createBill(token, testSession('watch'));
    const page = await consoleAs('leg.clerk', `/staff/?bill=${bill.id}`);
    await page.waitForSelector('#bill-h');
    expect(await page.textContent('#watch-status')).toMatch(/does not track/);

    const note = `Chair wants amendments before third reading ${Date.now()}`;
    await page.fill('#watch-note', note);
    await page.click('#watch-submit');
    await page.waitForFunction(() => document.querySelector('#watch-status')?.textContent?.includes('tracks this bill'));
    expect(await page.inputValue('#watch-note')).toBe(note);

    const staff = (await api(`/api/staff/bills/${bill.id}`, { token })).body;
    expect(staff.watch).toMatchObject({ office: 'office-majority', note });
    const list = (await api('/api/staff/watchlist', { token })).body;
    expect(list.items.find((i: { billId: string }) => i.billId === bill.id)?.note).toBe(note);
    const pub = await api(`/api/bills/${bill.id}`);
    expect(pub.status).toBe(200);
    expect(pub.text).not.toContain(note);
    expect(pub.body.watch).toBeUndefined();

    await page.click('#watch-remove');
    await page.waitForFunction(() => document.querySelector('#watch-status')?.textContent?.includes('does not track'));
    expect((await api(`/api/staff/bills/${bill.id}`, { token })).body.watch).toBeUndefined();
    await page.context().close();
  });

  it('shows every version of the note, switches the member’s own watchlist emails, and downloads the list as CSV; no axe violations', async () => {
    const token = await signIn('leg.clerk');
    const bill = await createBill(token, testSession('watchx'));
    await api(`/api/staff/watchlist/${bill.id}`, { method: 'PUT', token, body: { note: 'First version' } });
    await api(`/api/staff/watchlist/${bill.id}`, { method: 'PUT', token, body: { note: 'Second version' } });
    const page = await consoleAs('leg.clerk', `/staff/?bill=${bill.id}`);
    await page.waitForSelector('#watch-history li', { state: 'attached' });
    expect(await page.locator('#watch-history li').allTextContents()).toEqual([
      expect.stringContaining('Second version'),
      expect.stringContaining('First version'),
    ]);
    await page.waitForSelector('#watch-extras', { state: 'visible' });
    const before = (await api('/api/staff/watchlist-alerts', { token })).body.enabled;
    await page.locator('#watch-alerts').focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => /email|off/i.test(document.querySelector('#bill-notice')?.textContent ?? ''));
    expect((await api('/api/staff/watchlist-alerts', { token })).body.enabled).toBe(!before);
    const download = page.waitForEvent('download');
    await page.click('#watch-csv');
    const file = await download;
    expect(file.suggestedFilename()).toBe('watchlist-office-majority.csv');
    expect(await axeViolations(page)).toEqual([]);
    await api('/api/staff/watchlist-alerts', { method: 'PUT', token, body: { enabled: before } });
    await page.context().close();
  });

  it('after someone else moved the bill, shows the stale-version message and the fresh bill, and keeps what was typed', async () => {
    const token = await signIn('leg.clerk');
    const bill = await createBill(token, testSession('stale'));
    const page = await consoleAs('leg.clerk', `/staff/?bill=${bill.id}`);
    await waitForStage(page, 'Introduced');
    const typed = 'Referred at the request of the sponsor.';
    await page.selectOption('#bill-to', 'committee');
    await page.fill('#bill-move-note', typed);

    await moveBill(token, bill.id, 'withdrawn');
    await page.click('#bill-move-submit');
    await page.waitForSelector('#bill-error');
    expect(await page.textContent('#bill-error')).toMatch(/Someone else changed this bill/);
    await waitForStage(page, 'Withdrawn');
    expect(await page.inputValue('#bill-move-note')).toBe(typed);
    expect((await api(`/api/bills/${bill.id}`)).body.status).toBe('withdrawn');
    await page.context().close();
  });

  it('shows no Bills section to a roads officer', async () => {
    const page = await consoleAs('roads.officer');
    await page.waitForSelector('#queue-status >> text=/item|No items/');
    // The tabs show for every member since the Moderation tab (issue 19); Bills only for those who act on bills.
    expect(await page.isVisible('#tab-moderation')).toBe(true);
    expect(await page.isVisible('#tab-bills')).toBe(false);
    expect(await page.isVisible('#bills-screen')).toBe(false);
    await page.context().close();
  });
});

describe('Bills screen accessibility', () => {
  for (const width of [1280, 375]) {
    it(`has no axe violations with a bill, its votes and every form open at ${width} px`, async () => {
      const token = await signIn('leg.clerk');
      const bill = await createBill(token, testSession(`axe${width}`), {
        documents: [{ label: 'Bill text', url: 'https://example.org/bill.pdf' }],
      });
      await moveBill(token, bill.id, { to: 'scheduled', scheduledVote: { at: new Date(Date.now() + 86_400_000).toISOString() } });
      await api(`/api/staff/bills/${bill.id}/votes`, {
        token,
        body: {
          at: new Date().toISOString(),
          chamber: 'House',
          motion: 'Amendment 1',
          yes: 1,
          no: 0,
          abstain: 0,
          absent: 0,
          result: 'pass',
          rollCall: [{ member: 'Member Able', vote: 'yes' }],
        },
      });
      const page = await consoleAs('leg.clerk', `/staff/?bill=${bill.id}`, width);
      await page.waitForSelector('#bill-votes');
      await page.waitForSelector('#bill-list li');
      await page.click('#bill-new');
      await page.click('#roll-call-add');
      await page.selectOption('#bill-to', 'scheduled');
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await screenshot(page, `staff-bills-${width}`);

      await page.click('#tab-reports');
      expect(await page.isVisible('#queue-section')).toBe(true);
      await page.click('#tab-bills');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('bills-h');
      await page.context().close();
    });
  }

  it('can be worked by keyboard: open a bill from the list and track it', async () => {
    const token = await signIn('leg.clerk');
    const session = testSession('kbd');
    const bill = await createBill(token, session);
    const page = await consoleAs('leg.clerk');
    await page.fill('#bf-session', session);
    await page.focus('#bf-apply');
    await page.keyboard.press('Enter');
    // The list shown before the filter (with the demo bill of the same number) stays until the filtered one arrives.
    await page.waitForSelector('#bill-list:not([aria-busy])');
    const link = page.locator('#bill-list a', { hasText: bill.number });
    await link.waitFor();
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelector('#bill-h')?.textContent?.startsWith(n), bill.number);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bill-h');
    await page.focus('#watch-note');
    await page.keyboard.type('Keyboard note');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('watch-submit');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#watch-status')?.textContent?.includes('tracks this bill'));
    await page.context().close();
  });
});
