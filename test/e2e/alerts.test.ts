import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenBucket } from '../../functions/lib/token-bucket.js';
import { sendDigest } from '../../functions/notify/digests.js';
import { digestEntriesOf, digestEntryRecord, putAlertRecords } from '../../functions/store/alert-queue.js';
import { addressAlertsOfToken } from '../../functions/store/alerts.js';
import { api, createReport, useTestTable } from '../support/api.js';
import { axeViolations, launchChromium, openPage, screenshot } from '../support/browser.js';
import { linkIn, mailWith, sendMailFromThisProcess, uniqueAddress } from '../support/mailbox.js';

let browser: Browser;
beforeAll(async () => {
  useTestTable();
  sendMailFromThisProcess();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('/alerts/: follow a street by email', () => {
  it('by keyboard at 375 px: errors say what to fix, then create → confirm from the email → manage lists it → stop', async () => {
    const email = uniqueAddress('e2e-alert');
    const page = await openPage(browser, '/alerts/', 375);
    await page.waitForSelector('#alert-service option:nth-child(2)', { state: 'attached' });
    expect(await page.isVisible('#manage')).toBe(false);
    expect(await axeViolations(page)).toEqual([]);

    // Nothing chosen yet: the browser says what is missing, at the field and in a focused summary.
    await page.focus('#alert-email');
    await page.keyboard.type(email);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#alert-errors [role="alert"]');
    expect(await focusedId(page)).toBe('alert-errors');
    expect(await page.textContent('[id="target.center-error"]')).toContain('Choose a point on the map');
    expect(await axeViolations(page)).toEqual([]);

    // An address the API refuses: its problem+json field error is shown under the email field.
    await page.fill('#alert-coordinates', '51.4612, -2.6013');
    await page.fill('#alert-email', 'not-an-address');
    await page.focus('#alert-submit');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#email-error:not([hidden])');
    expect(await page.textContent('#email-error')).toContain('must be an email address');
    expect(await page.getAttribute('#alert-email', 'aria-invalid')).toBe('true');

    // The non-map way, all by keyboard: coordinates typed, a radius and "daily" chosen with the keys.
    await page.fill('#alert-email', '');
    await page.focus('#alert-radius');
    await page.selectOption('#alert-radius', '250');
    await page.focus('input[name="frequency"][value="instant"]');
    await page.keyboard.press('ArrowDown');
    expect(await page.isChecked('input[name="frequency"][value="daily"]')).toBe(true);
    await page.focus('#alert-email');
    await page.keyboard.type(email);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#alert-result [role="status"]');
    expect(await page.textContent('#alert-result')).toContain('Check your inbox');
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, 'alerts-form');

    // The confirmation email's link, opened in the browser, starts the alert and leads to "manage my alerts".
    const [confirmation] = await mailWith(email, 'Confirm your');
    await page.goto(linkIn(confirmation!, '/api/alerts/confirm'));
    expect(await page.textContent('h1')).toBe('Your alert is on');
    await Promise.all([page.waitForURL(/\/alerts\/\?token=/), page.click('text=Manage my alerts')]);
    await page.setViewportSize({ width: 375, height: 900 });
    await page.waitForSelector('#alerts li');
    const listed = await page.textContent('#alerts li');
    expect(listed).toContain('reports within 250 m of 51.46120, -2.60130');
    expect(listed).toContain('a daily digest');
    expect(listed).not.toContain('waiting for you to confirm');
    expect(await axeViolations(page)).toEqual([]);
    const token = new URL(page.url()).searchParams.get('token') as string;
    expect((await addressAlertsOfToken(token)).map((a) => [a.frequency, a.status])).toEqual([['daily', 'confirmed']]);

    // Stop it by keyboard: the list says so, and the alert is gone from the store (its link with it).
    await page.focus('#alerts li button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#alerts li [role="status"]');
    expect(await page.textContent('#alerts li')).toContain('Stopped: reports within 250 m');
    expect((await api(`/api/alerts/manage?token=${encodeURIComponent(token)}`)).status).toBe(404);
    await page.context().close();
  });

  it('a daily digest reads at 320 px: no sideways scrolling, no axe violations (README screenshot)', async () => {
    const email = uniqueAddress('e2e-digest');
    const page = await openPage(browser, '/alerts/', 1280);
    await page.waitForSelector('#alert-service option:nth-child(2)', { state: 'attached' });
    await page.fill('#alert-coordinates', '51.4535, -2.5871');
    await page.check('input[name="frequency"][value="daily"]');
    await page.fill('#alert-email', email);
    await page.click('#alert-submit');
    const [confirmation] = await mailWith(email, 'Confirm your');
    await page.goto(linkIn(confirmation!, '/api/alerts/confirm'));
    await page.click('text=Manage my alerts');
    const token = new URL(page.url()).searchParams.get('token') as string;
    const [alert] = await addressAlertsOfToken(token);

    const reports = [
      await createReport({ title: 'Deep pothole by the bus stop on Harbour Road, <b>both lanes</b>' }),
      await createReport(),
    ];
    const day = '2031-05-06';
    await putAlertRecords(
      reports.map((r, i) =>
        digestEntryRecord(day, {
          email,
          itemId: r.id,
          change: i === 0 ? 'new' : 'updated',
          alertId: alert!.id,
          target: alert!.target,
          unsubscribeToken: alert!.unsubscribeToken,
          at: new Date().toISOString(),
        }),
      ),
    );
    expect(await sendDigest(day, await digestEntriesOf(day, email), new TokenBucket(10))).toBe(1);
    const [digest] = (await mailWith(email, 'daily alert')).filter((m) => m.subject.includes('daily alert'));
    await page.setViewportSize({ width: 320, height: 640 });
    await page.setContent(digest!.body.html as string);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await page.textContent('h2')).toBe('New reports (1)');
    expect(await page.textContent('body')).toContain('<b>both lanes</b>');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'alerts-digest-320');
    await page.context().close();
  });
});
