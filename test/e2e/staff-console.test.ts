import { AdminAddUserToGroupCommand, AdminCreateUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, localCognito } from '../../infra/local/cognito-setup.js';
import { api, createReport, signIn } from '../support/api.js';
import { axeViolations, launchChromium, openPage, screenshot } from '../support/browser.js';
import { drainItemMail, followUrl, mailTo, mailWith, uniqueAddress } from '../support/mailbox.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Signs in through the console's form, as a person would, and waits for the work queue. */
async function signInAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.waitForSelector('#signin-form', { state: 'visible' });
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#signin-submit');
  await page.waitForSelector('#console', { state: 'visible' });
}

async function console_(path = '/staff/', width = 1280, username = 'roads.officer'): Promise<Page> {
  const page = await openPage(browser, path, width);
  await signInAs(page, username);
  return page;
}

const waitForStatus = (page: Page, label: string) =>
  page.waitForFunction((l) => document.querySelector('#item-view .status')?.textContent === l, label);

async function move(page: Page, to: string, label: string): Promise<void> {
  await page.selectOption('#transition-to', to);
  await page.click('#transition-submit');
  await waitForStatus(page, label);
}

describe('a roads officer in the staff console', () => {
  it('finds a citizen’s report, assigns it, prioritises it and moves it to fixed; the public sees the timeline but not the internal note; the citizen gets one email per transition', async () => {
    const email = uniqueAddress('citizen');
    const report = await createReport({ reporter: { name: 'Cit Izen', email }, description: `Console pothole ${Date.now()}` });
    const page = await console_();

    await page.selectOption('#f-service', 'pothole');
    const link = page.locator('#queue a', { hasText: report.reference });
    await link.waitFor();
    await link.click();
    await page.waitForSelector('#item-h');
    expect(await page.textContent('#item-description')).toBe(report.description);
    expect(await page.textContent('#reporter')).toContain(email);

    await page.click('#assign-me');
    await page.waitForFunction(() => document.querySelector('#item-assignee')?.textContent === 'Assigned to Rita Okafor');
    await page.selectOption('#priority', 'high');
    await page.click('#priority-submit');
    await page.waitForFunction(() => document.querySelector('#item-priority')?.textContent === 'Priority high');
    await move(page, 'acknowledged', 'Acknowledged');
    await page.fill('#transition-note', 'A crew is on its way.');
    await move(page, 'in_progress', 'In progress');
    await page.selectOption('#transition-to', 'fixed');
    expect(await page.inputValue('#resolution')).toBe('fixed');
    await page.click('#transition-submit');
    await waitForStatus(page, 'Fixed');

    const note = `Internal: cone left at the kerb ${Date.now()}`;
    await page.check('#visibility-internal');
    await page.fill('#comment-body', note);
    await page.click('#comment-submit');
    await page.waitForSelector(`#history li[data-visibility="internal"] >> text=${note}`);
    expect(await page.inputValue('#comment-body')).toBe('');
    await screenshot(page, 'staff-item-fixed-1280');

    await page.selectOption('#f-state', '');
    await page.selectOption('#f-assignee', 'me');
    await page.locator('#queue a', { hasText: report.reference }).waitFor();
    await page.selectOption('#f-assignee', 'none');
    await page.waitForFunction(
      () =>
        document.querySelector('#queue-status')?.textContent?.match(/item|No items/) &&
        !document.querySelector('#queue-status')?.textContent?.includes('Loading'),
    );
    expect(await page.locator('#queue a', { hasText: report.reference }).count()).toBe(0);

    const stored = (await api(`/api/staff/reports/${report.id}`, { token: await signIn('roads.officer') })).body;
    expect(stored).toMatchObject({ status: 'fixed', resolution: 'fixed', priority: 'high', assignee: { id: 'roads.officer' } });
    expect(stored.history.map((e: { type: string; to?: string }) => e.to ?? e.type)).toEqual(
      expect.arrayContaining(['new', 'roads.officer', 'high', 'acknowledged', 'in_progress', 'fixed', 'comment']),
    );

    const track = await openPage(browser, `/track/?id=${encodeURIComponent(report.reference)}`);
    await track.waitForSelector('.timeline');
    const timeline = (await track.textContent('.timeline')) as string;
    for (const step of ['Moved to Acknowledged', 'Moved to In progress', 'Moved to Fixed', 'A crew is on its way.'])
      expect(timeline).toContain(step);
    expect(timeline).not.toContain(note);
    expect(timeline).not.toContain('Rita');

    // Once the Fixed email and a later notification of the item have been sent, the reporter's mailbox
    // is complete: one email per transition after the acknowledgement, none for the internal note.
    await mailWith(email, `${report.reference}: Fixed`);
    await drainItemMail(followUrl('reports', report.id));
    const mail = await mailTo(email);
    expect(mail.map((m) => m.subject)).toEqual([
      `We received your report ${report.reference}`,
      `${report.reference}: Acknowledged`,
      `${report.reference}: In progress`,
      `${report.reference}: Fixed`,
    ]);
    expect(JSON.stringify(mail)).not.toContain(note);
    await track.context().close();
    await page.context().close();
  }, 120_000); // many steps and an email wait: generous when the machine is shared

  it('keeps the session across a reload, renews a nearly expired token with the refresh token, and signs out', async () => {
    const page = await console_();
    await page.evaluate(() => {
      const key = 'civicboard.staff.session';
      const saved = JSON.parse(sessionStorage.getItem(key) as string);
      sessionStorage.setItem(key, JSON.stringify({ ...saved, expiresAt: Date.now() + 30_000 }));
    });
    const refreshes: string[] = [];
    page.on('request', (r) => {
      if (r.postData()?.includes('REFRESH_TOKEN_AUTH')) refreshes.push(r.url());
    });
    await page.reload();
    await page.waitForSelector('#console', { state: 'visible' });
    await page.waitForSelector('#queue li');
    expect(refreshes).toHaveLength(1);
    const renewed = await page.evaluate(() => JSON.parse(sessionStorage.getItem('civicboard.staff.session') as string).expiresAt);
    expect(renewed - Date.now()).toBeGreaterThan(10 * 60_000);
    expect(page.url()).not.toMatch(/token/i);

    await page.click('#signout');
    await page.waitForSelector('#signin-form', { state: 'visible' });
    expect(await page.evaluate(() => sessionStorage.getItem('civicboard.staff.session'))).toBeNull();
    expect(await page.locator('#queue li').count()).toBe(0);
    await page.context().close();
  });
});

describe('an ended session', () => {
  it('an expired token whose refresh token is refused leads back to sign-in with a message', async () => {
    const page = await console_();
    await page.evaluate(() => {
      const key = 'civicboard.staff.session';
      const saved = JSON.parse(sessionStorage.getItem(key) as string);
      sessionStorage.setItem(key, JSON.stringify({ ...saved, refreshToken: 'revoked', expiresAt: Date.now() - 1000 }));
    });
    await page.reload();
    await page.waitForSelector('#signin-form', { state: 'visible' });
    expect(await page.textContent('#auth-notice')).toContain('Your session ended');
    expect(await page.evaluate(() => sessionStorage.getItem('civicboard.staff.session'))).toBeNull();
    await page.context().close();
  });
});

describe('correcting and closing', () => {
  it('corrects the service and the pin, and assigns it to another team member; the history says what changed', async () => {
    const report = await createReport({ location: { lat: 51.4601, lng: -2.6001 } });
    const page = await console_(`/staff/?id=${report.id}`);
    await page.waitForSelector('#item-h');
    await page.selectOption('#service-code', 'street-light');
    await page.fill('#pin-lat', '51.4605');
    await page.fill('#pin-lng', '-2.6009');
    await page.click('#correct-submit');
    await page.waitForSelector('#history >> text=Service changed from pothole to street-light');

    await page.selectOption('#assignee', 'admin');
    await page.click('#assign-submit');
    await page.waitForFunction(() => document.querySelector('#item-assignee')?.textContent === 'Assigned to Ada Admin');

    const stored = (await api(`/api/staff/reports/${report.id}`, { token: await signIn('roads.officer') })).body;
    expect(stored).toMatchObject({ serviceCode: 'street-light', location: { lat: 51.4605, lng: -2.6009 }, assignee: { id: 'admin' } });
    await page.context().close();
  });

  it('closes a report as a duplicate of another, named by reference', async () => {
    const original = await createReport({ location: { lat: 51.4611, lng: -2.6011 } });
    const dup = await createReport({ location: { lat: 51.46111, lng: -2.60111 } });
    const page = await console_(`/staff/?id=${dup.id}`);
    await page.waitForSelector('#item-h');
    await page.selectOption('#transition-to', 'closed');
    expect(await page.isVisible('#resolution-field')).toBe(true);
    await page.click('#transition-submit');
    await page.waitForSelector('#item-error >> text=Choose a resolution');
    await page.selectOption('#resolution', 'duplicate');
    await page.waitForSelector('#duplicate-of', { state: 'visible' });
    await page.waitForSelector(`#duplicate-options option[value="${original.reference}"]`, { state: 'attached' });
    await page.fill('#duplicate-of', original.reference);
    await page.click('#transition-submit');
    await waitForStatus(page, 'Closed');

    const stored = (await api(`/api/staff/reports/${dup.id}`, { token: await signIn('roads.officer') })).body;
    expect(stored).toMatchObject({ status: 'closed', resolution: 'duplicate', duplicateOf: original.id });
    await page.context().close();
  });
});

describe('sign-in and user text', () => {
  it('cognito-local answers the browser’s CORS preflight for the sign-in call', async () => {
    const res = await fetch(inject('cognitoEndpoint'), {
      method: 'OPTIONS',
      headers: {
        Origin: inject('baseUrl'),
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,x-amz-target',
      },
    });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-amz-target');
  });

  it('a wrong password gets a clear message and no console', async () => {
    const page = await openPage(browser, '/staff/');
    await page.waitForSelector('#signin-form', { state: 'visible' });
    await page.fill('#username', 'roads.officer');
    await page.fill('#password', 'not-the-password');
    await page.click('#signin-submit');
    await page.waitForSelector('#signin-error:not([hidden])');
    expect(await page.textContent('#signin-error')).toMatch(/do not match/);
    expect(await page.isVisible('#console')).toBe(false);
    await page.context().close();
  });

  it('shows a reporter’s markup as text, never as HTML', async () => {
    const hostile = '<img id="xss" src="x" onerror="window.pwned=1"><b id="bold">bold</b>';
    const report = await createReport({ description: hostile, reporter: { name: '<i id="xss-name">Eve</i>' } });
    const page = await console_(`/staff/?id=${report.id}`);
    await page.waitForSelector('#item-h');
    expect(await page.textContent('#item-description')).toBe(hostile);
    expect(await page.textContent('#reporter')).toContain('<i id="xss-name">Eve</i>');
    expect(await page.$$('#xss, #bold, #xss-name')).toHaveLength(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await page.context().close();
  });
});

describe('a legislature clerk', () => {
  it('sees no road services and is refused a road item with a clear message', async () => {
    const report = await createReport();
    const page = await console_('/staff/', 1280, 'leg.clerk');
    const services = await page.$$eval('#f-service option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(services).not.toContain('pothole');
    expect(services).toEqual([]);
    await page.waitForFunction(() => document.querySelector('#queue-status')?.textContent?.includes('no report services'));
    expect(await page.locator('#queue li').count()).toBe(0);

    await page.goto(`${inject('baseUrl')}/staff/?id=${report.id}`);
    await page.waitForSelector('#item-refused');
    expect(await page.textContent('#item-refused')).toMatch(/not allowed.*Pothole/s);
    expect(await page.isVisible('#item-actions')).toBe(false);
    expect((await api(`/api/staff/reports/${report.id}`, { token: await signIn('leg.clerk') })).status).toBe(403);
    await screenshot(page, 'staff-refused-1280');
    await page.context().close();
  });
});

describe('two people editing one item', () => {
  it('the second gets the stale-version message and the fresh item, and keeps the note they typed', async () => {
    const report = await createReport();
    const first = await console_(`/staff/?id=${report.id}`);
    const second = await openPage(browser, `/staff/?id=${report.id}`);
    await signInAs(second, 'admin');
    await first.waitForSelector('#item-h');
    await second.waitForSelector('#item-h');

    const typed = 'Called the reporter: the hole is by the bus stop, not the junction.';
    await second.fill('#comment-body', typed);
    await first.selectOption('#priority', 'urgent');
    await first.click('#priority-submit');
    await first.waitForFunction(() => document.querySelector('#item-priority')?.textContent === 'Priority urgent');

    await second.click('#comment-submit');
    await second.waitForSelector('#item-error');
    expect(await second.textContent('#item-error')).toMatch(/Someone else changed this item/);
    await second.waitForFunction(() => document.querySelector('#item-priority')?.textContent === 'Priority urgent');
    expect(await second.inputValue('#comment-body')).toBe(typed);
    await screenshot(second, 'staff-stale-1280');

    await second.click('#comment-submit');
    await second.waitForSelector(`#history >> text=${typed}`);
    const stored = (await api(`/api/staff/reports/${report.id}`, { token: await signIn('admin') })).body;
    expect(stored.history.filter((e: { note?: string }) => e.note === typed)).toHaveLength(1);
    await first.context().close();
    await second.context().close();
  });
});

describe('accessibility', () => {
  for (const width of [1280, 375]) {
    it(`has no axe violations signed out and signed in with an item open at ${width} px`, async () => {
      const report = await createReport({ reporter: { email: uniqueAddress('axe') } });
      const page = await openPage(browser, `/staff/?id=${report.id}`, width);
      await page.waitForSelector('#signin-form', { state: 'visible' });
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `staff-signed-out-${width}`);

      await signInAs(page, 'roads.officer');
      await page.waitForSelector('#queue li');
      await page.waitForSelector('#item-h');
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await screenshot(page, `staff-signed-in-${width}`);
      await page.context().close();
    });
  }

  it('can be worked by keyboard: sign in, open an item and add a note without a mouse', async () => {
    const report = await createReport();
    const page = await openPage(browser, `/staff/?id=${report.id}`);
    await page.waitForSelector('#signin-form', { state: 'visible' });
    await page.focus('#username');
    await page.keyboard.type('roads.officer');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#item-h');
    await page.focus('#comment-body');
    await page.keyboard.type('Typed by keyboard');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('comment-submit');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#history >> text=Typed by keyboard');
    await page.context().close();
  });
});

describe('a new staff member with a temporary password', () => {
  it('is asked for a new password, sets it, lands in the console, and can sign in with it afterwards', async () => {
    const username = `new.officer.${Date.now()}`;
    const cognito = localCognito(inject('cognitoEndpoint'));
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: inject('userPoolId'),
        Username: username,
        TemporaryPassword: 'Temporary-Pass-1!',
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'name', Value: 'Nia Newstart' }],
      }),
    );
    await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: inject('userPoolId'), Username: username, GroupName: 'roads' }));

    const page = await openPage(browser, '/staff/');
    await page.waitForSelector('#signin-form', { state: 'visible' });
    await page.fill('#username', username);
    await page.fill('#password', 'Temporary-Pass-1!');
    await page.click('#signin-submit');
    await page.waitForSelector('#newpass', { state: 'visible' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('newpass-h');
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('#new-password', 'Chosen-Password-2026!');
    await page.fill('#new-password-again', 'Chosen-Password-2026!');
    await page.click('#newpass-submit');
    await page.waitForSelector('#console', { state: 'visible' });
    expect(await page.textContent('#whoami')).toContain(username);
    await page.waitForSelector('#queue li');

    const token = await signIn(username, 'Chosen-Password-2026!');
    expect((await api('/api/staff/reports?limit=1', { token })).status).toBe(200);
    await page.context().close();
  });
});
