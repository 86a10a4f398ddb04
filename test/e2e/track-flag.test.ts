import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FLAG_REASONS } from '../../shared/flag-reasons.js';
import { DEFAULT_LIMITS } from '../../shared/limits.js';
import { api, createReport, signIn } from '../support/api.js';
import { axeViolations, launchChromium, screenshot } from '../support/browser.js';
import { clientProxy } from '../support/client-proxy.js';

/**
 * "Report this" on the tracking page (issue 19): a citizen flags a public report by keyboard at 375 px;
 * the flag reaches the staff moderation queue; over the per-client limit the form says so in words.
 * The browser goes through a proxy that connects from a loopback address of its own, so the real
 * per-client flag limit applies to it (the test stack exempts 127.0.0.1).
 */
let browser: Browser;
let proxy: Awaited<ReturnType<typeof clientProxy>>;
beforeAll(async () => {
  browser = await launchChromium();
  proxy = await clientProxy();
});
afterAll(async () => {
  await browser?.close();
  await proxy?.close();
});

async function trackPage(id: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 }, proxy: { server: proxy.url, bypass: '<-loopback>' } });
  await context.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${inject('baseUrl')}/track/?id=${encodeURIComponent(id)}`);
  await page.waitForSelector('#flag', { state: 'visible' });
  return page;
}

async function queueEntry(itemId: string) {
  const queue = await api('/api/staff/moderation', { token: await signIn('roads.officer') });
  expect(queue.status).toBe(200);
  return (queue.body.items as { itemId: string; count: number; reasons: { reason: string }[] }[]).find((f) => f.itemId === itemId);
}

describe('Report this (flag) on the tracking page', () => {
  it('a citizen flags a report by keyboard at 375 px; the flag is in the moderation queue; axe finds nothing', async () => {
    const item = await createReport({ description: `Flag from the page ${Date.now()}` });
    expect(await queueEntry(item.id)).toBeUndefined(); // nothing flagged yet: the entry below is this test's
    const page = await trackPage(item.id);
    expect(await axeViolations(page)).toEqual([]);

    // Sending with no reason says what to fix, in words, and sends nothing.
    await page.focus('#flag-submit');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#flag-error:not([hidden])');
    expect(await page.textContent('#flag-error')).toContain('Choose what is wrong');
    expect(await queueEntry(item.id)).toBeUndefined();

    // By keyboard: the first radio has focus; arrows pick the reason, Tab reaches the note and the button.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`flag-reason-${FLAG_REASONS[0].id}`);
    await page.keyboard.press('ArrowDown');
    expect(await page.isChecked(`#flag-reason-${FLAG_REASONS[1].id}`)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('flag-note');
    await page.keyboard.type('Insults a neighbour by name');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('flag-submit');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#flag-result .notice.success');
    expect(await page.textContent('#flag-result')).toContain(`moderators will review report ${item.reference}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'track-flag-sent');

    const entry = await queueEntry(item.id);
    expect(entry?.count).toBe(1);
    expect(entry?.reasons.map((r) => r.reason)).toEqual([`${FLAG_REASONS[1].label}: Insults a neighbour by name`]);
    await page.context().close();
  });

  it('over the per-client flag limit the form shows the 429 message and the flag is not stored', async () => {
    const item = await createReport({ description: `Flag limit from the page ${Date.now()}` });
    const page = await trackPage(item.id);
    const limit = Math.min(...DEFAULT_LIMITS.perClient.flag.map((w) => w.limit));
    const send = async () => {
      await page.check(`#flag-reason-${FLAG_REASONS[4].id}`);
      await page.click('#flag-submit');
      await page.waitForSelector('#flag-result .notice');
      const text = `${await page.getAttribute('#flag-result .notice', 'role')} ${await page.textContent('#flag-result')}`;
      await page.evaluate(() => {
        document.querySelector('#flag-result')!.textContent = '';
      });
      return text;
    };
    // The first test's flag came through the same proxy address: count what this client has left.
    const sent: string[] = [];
    for (let i = 0; i < limit + 1; i++) {
      const text = await send();
      sent.push(text);
      if (text.includes('Not sent')) break;
    }
    const refused = sent.at(-1)!;
    expect(sent.slice(0, -1).every((t) => t.includes('moderators will review'))).toBe(true); // positive control
    expect(sent.length).toBeGreaterThan(1);
    // Said in words, as an alert: what happened and when to try again (the API's 429 detail).
    expect(refused).toMatch(/^alert Not sent: Too many flags from your network: .* Try again in /);
    expect((await queueEntry(item.id))?.count).toBe(sent.length - 1);
    await screenshot(page, 'track-flag-limited');
    await page.context().close();
  });
});
