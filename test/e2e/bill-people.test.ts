import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBills } from '../../infra/local/import-bills.js';
import { ROOT } from '../../infra/local/stack.js';
import { useTestTable } from '../support/api.js';
import { axeViolations, launchChromium, openPage, screenshot } from '../support/browser.js';

const MINI = join(ROOT, 'test', 'fixtures', 'legiscan-mini');
let browser: Browser;

beforeAll(async () => {
  useTestTable();
  await importBills(MINI, { session: 'e2e-people' });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

describe('member and committee pages', () => {
  it('a sponsor on a bill page links to their page: sponsored bills, every roll call they are in, attendance; axe clean at 375 px', async () => {
    const votes = (parse(readFileSync(join(MINI, 'votes.csv'), 'utf8'), { columns: true }) as Record<string, string>[]).filter(
      (v) => v.people_id === '3',
    );
    const page = await openPage(browser, '/bills/bill/?id=legiscan-1006', 375);
    const link = page.locator('#sponsors a', { hasText: 'Cy Cedar' });
    await link.waitFor();
    // keyboard: the link is reachable and followed with Enter
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#roll-call-record');
    expect(page.url()).toContain('/bills/member/?id=3');
    expect(await page.textContent('#member-name')).toBe('Cy Cedar');
    expect(await page.locator('#roll-call-record tbody tr').count()).toBe(votes.length);
    expect(await page.textContent('#attendance')).toContain(`of ${votes.length} roll calls`);
    expect(await page.locator('#sponsored li').allTextContents()).toEqual([
      'HB30: Ferry Fares (primary sponsor)',
      'HB60: Rural Clinics (primary sponsor)',
      'HB110: Road Salt (primary sponsor)',
    ]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'bill-member');
  });

  it('a bill’s committee links to the committee page: bills referred and hearings; axe clean', async () => {
    const page = await openPage(browser, '/bills/bill/?id=legiscan-1009');
    await page.locator('#committee-link').click();
    await page.waitForSelector('#committee-bills');
    expect(await page.textContent('#committee-name')).toBe('House Ways & Means');
    const rows = await page.$$eval('#committee-bills tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(rows).toEqual([expect.stringContaining('HB80: School Meals'), expect.stringContaining('HB90: Harbor Fees')]);
    expect(rows[1]).toContain('In this committee');
    expect(await page.textContent('#committee-hearings')).toContain('Heard in committee');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'bill-committee');
  });

  it('an unknown member gets a clear message, not a blank page', async () => {
    const page = await openPage(browser, '/bills/member/?id=nobody');
    await page.waitForSelector('[role=alert]');
    expect(await page.textContent('[role=alert]')).toContain('There is no member "nobody"');
    // control: a known member renders
    const known = await openPage(browser, '/bills/member/?id=1');
    await known.waitForSelector('#member-name');
    expect(await known.textContent('#member-name')).toBe('Ana Alder');
  });
});
