import { beforeAll, describe, expect, it } from 'vitest';
import { api, createReport, signIn } from '../support/api.js';
import { linkIn, settledMail, uniqueAddress } from '../support/mailbox.js';

let token: string;
beforeAll(async () => {
  token = await signIn('roads.officer');
});

/** Follows an item and confirms through the link in the confirmation email, as a citizen would. */
async function follow(id: string, email: string) {
  expect((await api(`/api/reports/${id}/subscriptions`, { body: { email } })).status).toBe(202);
  const [confirmation] = await settledMail(email, 1, { settleMs: 0 });
  const res = await fetch(linkIn(confirmation!, '/confirm?'));
  expect(res.status).toBe(200);
}

describe('emails', () => {
  it('a report with an email gets one acknowledgement with its reference and tracking link', async () => {
    const reporter = uniqueAddress('reporter');
    const report = await createReport({ reporter: { email: reporter } });
    const mail = await settledMail(reporter, 1);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain(report.reference);
    expect(linkIn(mail[0]!, '/track/')).toContain(`id=${report.reference}`);
  });

  it('a transition emails the reporter and each confirmed follower once, and nobody unconfirmed', async () => {
    const reporter = uniqueAddress('reporter');
    const fan = uniqueAddress('fan');
    const lurker = uniqueAddress('lurker');
    const report = await createReport({ reporter: { email: reporter } });
    await follow(report.id, fan);
    await api(`/api/reports/${report.id}/subscriptions`, { body: { email: lurker } });
    await settledMail(lurker, 1, { settleMs: 0 });

    await api(`/api/staff/reports/${report.id}/transitions`, { token, body: { to: 'in_progress', note: 'Crew booked for Tuesday' } });

    const toReporter = await settledMail(reporter, 2);
    expect(toReporter.map((m) => m.subject)).toEqual([expect.stringContaining('received'), `${report.reference}: In progress`]);
    expect(toReporter[1]!.body.text).toContain('Crew booked for Tuesday');
    expect(linkIn(toReporter[1]!, '/unsubscribe?')).toMatch(/token=[\w-]{40,}/);
    const toFan = await settledMail(fan, 2);
    expect(toFan.filter((m) => m.subject.endsWith('In progress'))).toHaveLength(1);
    const toLurker = await settledMail(lurker, 1);
    expect(toLurker.map((m) => m.subject)).toEqual([expect.stringContaining('Confirm')]);
  });

  it('an internal note emails nobody; a public comment emails followers', async () => {
    const reporter = uniqueAddress('reporter');
    const report = await createReport({ reporter: { email: reporter } });
    await settledMail(reporter, 1, { settleMs: 0 });
    await api(`/api/staff/reports/${report.id}/comments`, {
      token,
      body: { body: 'Internal only: check permits', visibility: 'internal' },
    });
    expect(await settledMail(reporter, 2, { timeoutMs: 2000 })).toHaveLength(1);
    await api(`/api/staff/reports/${report.id}/comments`, { token, body: { body: 'Inspection on Friday', visibility: 'public' } });
    const mail = await settledMail(reporter, 2);
    expect(mail).toHaveLength(2);
    expect(mail[1]!.body.text).toContain('Inspection on Friday');
    expect(JSON.stringify(mail)).not.toContain('check permits');
  });

  it('a reporter who opted out gets the acknowledgement but no updates', async () => {
    const reporter = uniqueAddress('quiet');
    const report = await createReport({ reporter: { email: reporter }, subscribe: false });
    await settledMail(reporter, 1, { settleMs: 0 });
    await api(`/api/staff/reports/${report.id}/transitions`, { token, body: { to: 'acknowledged' } });
    expect(await settledMail(reporter, 2, { timeoutMs: 2000 })).toHaveLength(1);
  });

  it('after unsubscribing through the link, no further email goes to that address', async () => {
    const reporter = uniqueAddress('leaver');
    const report = await createReport({ reporter: { email: reporter } });
    const [ack] = await settledMail(reporter, 1, { settleMs: 0 });
    const link = linkIn(ack!, '/unsubscribe?');
    // The GET shows a confirmation button only: link scanners must not unsubscribe anyone.
    expect(await (await fetch(link)).text()).toContain('<form method="post"');
    const oneClick = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    await api(`/api/staff/reports/${report.id}/transitions`, { token, body: { to: 'acknowledged' } });
    expect(await settledMail(reporter, 2, { timeoutMs: 2000 })).toHaveLength(1);
    expect((await fetch(link, { method: 'POST' })).status).toBe(404);
  });

  it('assigning emails the assignee', async () => {
    const report = await createReport();
    await api(`/api/staff/reports/${report.id}`, { token, method: 'PATCH', body: { assignee: 'admin' } });
    const mail = await settledMail('ada.admin@demo-city.example', 1, { settleMs: 0 });
    expect(mail.some((m) => m.subject === `Assigned to you: ${report.reference}`)).toBe(true);
  });

  it('following needs a valid email (400) and an existing item (404)', async () => {
    const report = await createReport();
    const bad = await api(`/api/reports/${report.id}/subscriptions`, { body: { email: 'nope' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('email');
    expect((await api('/api/reports/RF-0000000/subscriptions', { body: { email: 'a@example.org' } })).status).toBe(404);
  });

  it('a confirm link with a made-up token is refused', async () => {
    const res = await api(`/api/subscriptions/confirm?token=${'x'.repeat(43)}`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(404);
  });
});
