import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signIn } from '../support/api.js';
import { createBill, moveBill, testSession } from '../support/bills.js';
import { axeViolations, launchChromium, openPage, screenshot } from '../support/browser.js';

let browser: Browser;
let clerk: string;
const session = testSession('e2e');

beforeAll(async () => {
  browser = await launchChromium();
  clerk = await signIn('leg.clerk');
});
afterAll(async () => {
  await browser?.close();
});

describe('the bills pages', () => {
  it('"up for a vote" lists a scheduled bill with its vote date; the list shows its stage; no axe violations', async () => {
    const bill = await createBill(clerk, session, { title: `Harbour ferry timetable ${Date.now()}` });
    await moveBill(clerk, bill.id, 'committee', 'reported', { to: 'scheduled', scheduledVote: { at: '2030-06-03T09:30:00Z' } });

    const page = await openPage(browser, '/bills/');
    const row = page.locator('#agenda-table tbody tr', { hasText: bill.title });
    await row.waitFor();
    expect(await row.locator('td').first().textContent()).toContain('2030');
    expect(await row.textContent()).toContain('Scheduled for a vote');
    expect(await page.getAttribute(`#agenda-table a:text("${bill.number}: ${bill.title}")`, 'href')).toBe(`/bills/bill/?id=${bill.id}`);

    await page.fill('#q', bill.title);
    await page.click('#bill-filters button[type=submit]');
    const item = page.locator('#bill-list li', { hasText: bill.title });
    await item.waitFor();
    expect(await item.locator('progress').getAttribute('value')).toBe('4');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'bills-index');
  });

  it('a bill page shows its stage track, every vote with its counts and outcome, and its history; no axe violations', async () => {
    const bill = await createBill(clerk, session, { title: 'Signs <b>bold</b> & <script>alert(1)</script>' });
    await moveBill(clerk, bill.id, { to: 'scheduled', scheduledVote: { at: '2030-01-10T10:00:00Z' } });
    const rollCall = [
      { member: 'Ames', vote: 'yes' },
      { member: 'Bell', vote: 'yes' },
      { member: 'Cruz', vote: 'no' },
      { member: 'Diaz', vote: 'abstain' },
    ];
    const vote = await api(`/api/staff/bills/${bill.id}/votes`, {
      token: clerk,
      body: {
        at: '2030-01-10T11:00:00Z',
        chamber: 'House',
        motion: 'Third reading, final passage',
        yes: 2,
        no: 1,
        abstain: 1,
        absent: 0,
        result: 'pass',
        rollCall,
      },
    });
    expect(vote.status).toBe(201);

    const page = await openPage(browser, `/bills/bill/?id=${encodeURIComponent(bill.id)}`);
    await page.waitForSelector('#votes-table');
    const cells = await page.$$eval('#votes-table tbody tr td', (tds) => tds.map((td) => td.textContent?.trim()));
    expect(cells.slice(1)).toEqual(['House', expect.stringContaining('Third reading, final passage'), '2', '1', '1', '0', 'Passed']);
    expect(await page.textContent('#stage-track [aria-current="step"]')).toContain('Passed the House');
    expect(await page.locator('#stage-track li.done').count()).toBe(4);
    expect(await page.textContent('#history')).toContain('2 yes, 1 no, 1 abstain, 0 absent');
    // User text is text: the title's markup shows as characters and creates no elements.
    expect(await page.textContent('#bill-title')).toBe('Signs <b>bold</b> & <script>alert(1)</script>');
    expect(await page.locator('#bill-title *').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'bill-page');
  });

  it('the follow form asks for confirmation by email', async () => {
    const bill = await createBill(clerk, session);
    const page = await openPage(browser, `/bills/bill/?id=${encodeURIComponent(bill.id)}`);
    await page.waitForSelector('#follow:not([hidden])');
    await page.fill('#follow-email', `fan.${Date.now()}@example.org`);
    await page.press('#follow-email', 'Enter');
    await page.waitForSelector('#follow-result .notice');
    expect(await page.textContent('#follow-result')).toContain('Check your inbox');
  });

  it('both pages have no axe violations on a phone-sized screen', async () => {
    const bill = await createBill(clerk, session);
    for (const path of ['/bills/', `/bills/bill/?id=${encodeURIComponent(bill.id)}`]) {
      const page = await openPage(browser, path, 375);
      await page.waitForSelector('#agenda-table, #agenda [role=status], #votes-table, #bill [role=status]:not(:has-text("Loading"))');
      await page.waitForFunction(() => !document.body.textContent?.includes('Loading…'));
      expect(await axeViolations(page), path).toEqual([]);
    }
  });

  it('an unknown bill says so', async () => {
    const page = await openPage(browser, '/bills/bill/?id=ZZ9999');
    await page.waitForSelector('#bill [role=alert]');
    expect(await page.textContent('#bill [role=alert]')).toContain('There is no bill');
  });
});

describe('a bill reference on the tracking page', () => {
  it('opens the bill page, where follower emails link to', async () => {
    const bill = await createBill(clerk, session, { title: `Tracked by reference ${Date.now()}` });
    const page = await openPage(browser, `/track/?id=${encodeURIComponent(bill.reference)}`);
    await page.waitForURL(/\/bills\/bill\/\?id=/);
    expect(new URL(page.url()).searchParams.get('id')).toBe(bill.id);
    await page.locator('h1', { hasText: bill.title }).waitFor();
    await page.context().close();
  });
});
