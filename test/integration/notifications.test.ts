import { beforeAll, describe, expect, it } from 'vitest';
import { api, createReport, signIn } from '../support/api.js';
import { drainItemMail, followUrl, linkIn, mailCount, mailTo, mailWith, uniqueAddress } from '../support/mailbox.js';

let token: string;
beforeAll(async () => {
  token = await signIn('roads.officer');
});

/** Follows an item and confirms through the link in the confirmation email, as a citizen would. */
async function follow(id: string, email: string) {
  expect((await api(`/api/reports/${id}/subscriptions`, { body: { email } })).status).toBe(202);
  const [confirmation] = await mailCount(email, 1);
  const res = await fetch(linkIn(confirmation!, '/confirm?'));
  expect(res.status).toBe(200);
}

async function transition(id: string, body: Record<string, unknown>) {
  const res = await api(`/api/staff/reports/${id}/transitions`, { token, body });
  expect(res.status, res.text).toBe(200);
}

async function comment(id: string, body: string, visibility: 'public' | 'internal') {
  const res = await api(`/api/staff/reports/${id}/comments`, { token, body: { body, visibility } });
  expect(res.status, res.text).toBe(201);
}

const subjects = (mail: { subject: string }[]) => mail.map((m) => m.subject);

describe('emails', () => {
  it('a report with an email gets one acknowledgement with its reference and tracking link', async () => {
    const reporter = uniqueAddress('reporter');
    const report = await createReport({ reporter: { email: reporter } });
    const [ack] = await mailCount(reporter, 1);
    expect(ack!.subject).toBe(`We received your report ${report.reference}`);
    expect(linkIn(ack!, '/track/')).toContain(`id=${report.reference}`);

    // A later update that does email the reporter arrives after the acknowledgement, and alone with it.
    await comment(report.id, 'Marker: inspection booked', 'public');
    const mail = await mailWith(reporter, 'Marker: inspection booked');
    expect(subjects(mail)).toEqual([`We received your report ${report.reference}`, `${report.reference}: new update`]);
  });

  it('a transition emails the reporter and each confirmed follower once, and nobody unconfirmed', async () => {
    const reporter = uniqueAddress('reporter');
    const fan = uniqueAddress('fan');
    const lurker = uniqueAddress('lurker');
    const report = await createReport({ reporter: { email: reporter } });
    await follow(report.id, fan);
    expect((await api(`/api/reports/${report.id}/subscriptions`, { body: { email: lurker } })).status).toBe(202);
    const [lurkerConfirmation] = await mailCount(lurker, 1);

    await transition(report.id, { to: 'in_progress', note: 'Crew booked for Tuesday' });

    const toReporter = await mailWith(reporter, 'In progress');
    expect(subjects(toReporter)).toEqual([`We received your report ${report.reference}`, `${report.reference}: In progress`]);
    expect(toReporter[1]!.body.text).toContain('Crew booked for Tuesday');
    expect(linkIn(toReporter[1]!, '/unsubscribe?')).toMatch(/token=[\w-]{40,}/);
    await mailWith(fan, 'In progress');

    // The lurker confirms only now; the next transition reaches them, the one before must not have.
    expect((await fetch(linkIn(lurkerConfirmation!, '/confirm?'))).status).toBe(200);
    await transition(report.id, { to: 'fixed' });
    const toLurker = await mailWith(lurker, ': Fixed');
    expect(subjects(toLurker)).toEqual([`Confirm updates for ${report.reference}`, `${report.reference}: Fixed`]);
    await drainItemMail(followUrl('reports', report.id));
    const inProgressThenFixed = [`${report.reference}: In progress`, `${report.reference}: Fixed`];
    expect(subjects(await mailTo(fan))).toEqual([`Confirm updates for ${report.reference}`, ...inProgressThenFixed]);
    expect(subjects(await mailTo(reporter))).toEqual([`We received your report ${report.reference}`, ...inProgressThenFixed]);
  });

  it('an internal note emails nobody; a public comment after it emails followers', async () => {
    const reporter = uniqueAddress('reporter');
    const report = await createReport({ reporter: { email: reporter } });
    await mailCount(reporter, 1);
    await comment(report.id, 'Internal only: check permits', 'internal');
    const staffView = (await api(`/api/staff/reports/${report.id}`, { token })).body;
    expect(staffView.history.map((e: { note?: string }) => e.note)).toContain('Internal only: check permits');

    await comment(report.id, 'Inspection on Friday', 'public');

    const mail = await mailWith(reporter, 'Inspection on Friday');
    expect(subjects(mail)).toEqual([`We received your report ${report.reference}`, `${report.reference}: new update`]);
    expect(JSON.stringify(mail)).not.toContain('check permits');
  });

  it('a reporter who opted out gets the acknowledgement but no updates', async () => {
    const reporter = uniqueAddress('quiet');
    const fan = uniqueAddress('fan');
    const report = await createReport({ reporter: { email: reporter }, subscribe: false });
    await mailCount(reporter, 1);
    await follow(report.id, fan);

    await transition(report.id, { to: 'acknowledged' });

    await mailWith(fan, ': Acknowledged');
    await drainItemMail(followUrl('reports', report.id));
    expect(subjects(await mailTo(reporter))).toEqual([`We received your report ${report.reference}`]);
  });

  it('after unsubscribing through the link, no further email goes to that address', async () => {
    const reporter = uniqueAddress('leaver');
    const fan = uniqueAddress('fan');
    const report = await createReport({ reporter: { email: reporter } });
    const [ack] = await mailCount(reporter, 1);
    await follow(report.id, fan);
    const link = linkIn(ack!, '/unsubscribe?');
    // The GET shows a confirmation button only: link scanners must not unsubscribe anyone.
    expect(await (await fetch(link)).text()).toContain('<form method="post"');
    const oneClick = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);

    await transition(report.id, { to: 'acknowledged' });

    await mailWith(fan, ': Acknowledged');
    await drainItemMail(followUrl('reports', report.id));
    expect(subjects(await mailTo(reporter))).toEqual([`We received your report ${report.reference}`]);
    expect((await fetch(link, { method: 'POST' })).status).toBe(404);
  });

  it('assigning emails the assignee', async () => {
    const report = await createReport();
    const res = await api(`/api/staff/reports/${report.id}`, { token, method: 'PATCH', body: { assignee: 'admin' } });
    expect(res.status).toBe(200);
    await mailWith('ada.admin@demo-city.example', `Assigned to you: ${report.reference}`);
    await drainItemMail(followUrl('reports', report.id));
    const mail = await mailTo('ada.admin@demo-city.example');
    expect(mail.filter((m) => m.subject === `Assigned to you: ${report.reference}`)).toHaveLength(1);
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
