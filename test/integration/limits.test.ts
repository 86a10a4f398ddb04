import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { findIdempotentCreate } from '../../functions/store/items.js';
import { DEFAULT_LIMITS } from '../../shared/limits.js';
import { api, createReport, reportBody, useTestTable } from '../support/api.js';
import { postFrom, uniqueClientAddress } from '../support/client.js';
import { drainItemMail, followUrl, mailCount, mailTo, uniqueAddress } from '../support/mailbox.js';

// These tests count against the real defaults: each sends from a loopback address of its own, which the
// test stack does not exempt, and each limit window opens at its first request, so no clock boundary
// can split a test's burst.
const [reportsPerWindow] = DEFAULT_LIMITS.perClient.report;
const [followsPerWindow] = DEFAULT_LIMITS.perClient.follow;
const [mailPerWindow] = DEFAULT_LIMITS.mailPerAddress;

beforeAll(() => {
  useTestTable();
});

describe('per-client limits on public writes', () => {
  it(`the report after ${reportsPerWindow!.limit} in a window gets 429 problem+json with Retry-After, and is not stored`, async () => {
    const client = uniqueClientAddress();
    const keys = Array.from({ length: reportsPerWindow!.limit + 1 }, () => `limits-${randomUUID()}`);
    for (const key of keys.slice(0, -1)) {
      expect((await postFrom(client, '/api/reports', reportBody(), { 'idempotency-key': key })).status).toBe(201);
    }
    const refused = await postFrom(client, '/api/reports', reportBody(), { 'idempotency-key': keys.at(-1)! });

    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toBe('application/problem+json');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(reportsPerWindow!.seconds);
    expect(refused.body).toMatchObject({ status: 429, type: '/problems/too-many-requests' });
    expect(refused.body.detail).toMatch(/Try again in \d+ (second|minute)s? \(after \d{4}-\d\d-\d\d \d\d:\d\d UTC\)/);
    expect(await findIdempotentCreate(keys.at(-2)!)).toBeDefined();
    expect(await findIdempotentCreate(keys.at(-1)!)).toBeUndefined();
  });

  it(`the follow request after ${followsPerWindow!.limit} in a window gets 429, for reports and bills alike`, async () => {
    const report = await createReport();
    const client = uniqueClientAddress();
    for (let i = 0; i < followsPerWindow!.limit; i++) {
      const res = await postFrom(client, `/api/reports/${report.id}/subscriptions`, { email: uniqueAddress(`crowd${i}`) });
      expect(res.status).toBe(202);
    }
    const refused = await postFrom(client, `/api/reports/${report.id}/subscriptions`, { email: uniqueAddress('one-more') });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // The limit is checked before the bill is looked up: a client over it learns nothing about ids either.
    expect((await postFrom(client, '/api/bills/HB-0/subscriptions', { email: uniqueAddress('bill') })).status).toBe(429);
  });

  it('another client is not held back by one that reached its limit', async () => {
    const busy = uniqueClientAddress();
    for (let i = 0; i < reportsPerWindow!.limit; i++) await postFrom(busy, '/api/reports', reportBody());
    expect((await postFrom(busy, '/api/reports', reportBody())).status).toBe(429);
    expect((await postFrom(uniqueClientAddress(), '/api/reports', reportBody())).status).toBe(201);
  });
});

describe('per-address limit on email to unconfirmed addresses', () => {
  it(`acknowledgements stop after ${mailPerWindow!.limit} to one mailbox; the reports are still filed`, async () => {
    const victim = uniqueAddress('victim');
    const reports: { id: string; reference: string }[] = [];
    // Sub-addresses reach the same mailbox, so they share its count.
    for (let i = 0; i <= mailPerWindow!.limit; i++) {
      reports.push(await createReport({ reporter: { email: victim.replace('@', `+${i}@`) } }));
    }
    expect((await api(`/api/reports/${reports.at(-1)!.id}`)).status).toBe(200);
    const mailbox = victim.split('@')[0]!;
    const acks = await mailCount(mailbox, mailPerWindow!.limit);
    expect(acks.map((m) => m.subject)).toEqual(reports.slice(0, -1).map(() => expect.stringContaining('We received your report')));
    // The last report's acknowledgement is handled before a later notification of the same report:
    // once the drain's confirmation arrives, an extra acknowledgement would be in the mailbox.
    await drainItemMail(followUrl('reports', reports.at(-1)!.id));
    expect(await mailTo(mailbox)).toHaveLength(mailPerWindow!.limit);
  });
});

describe('emails to an address nobody has confirmed quote nothing the requester typed', () => {
  const lure = 'Your council tax refund: claim at https://refund.example';

  it('the acknowledgement names the service and the reference, not the title or description', async () => {
    const victim = uniqueAddress('lured');
    const report = await createReport({ title: lure, description: `${lure} now`, reporter: { email: victim } });
    const [ack] = await mailCount(victim, 1);
    expect(ack!.subject).toContain(report.reference);
    expect(ack!.body.text).toContain(report.reference);
    expect(ack!.body.text).toContain('pothole');
    for (const part of [ack!.subject, ack!.body.text, ack!.body.html ?? '']) {
      expect(part).not.toContain('council tax');
      expect(part).not.toContain('refund.example');
    }
  });

  it('the follow confirmation names the service and the reference, not the title', async () => {
    const victim = uniqueAddress('lured-follower');
    const report = await createReport({ title: lure });
    expect((await api(`/api/reports/${report.id}/subscriptions`, { body: { email: victim } })).status).toBe(202);
    const [confirmation] = await mailCount(victim, 1);
    expect(confirmation!.body.text).toContain(report.reference);
    expect(JSON.stringify(confirmation)).not.toContain('refund.example');
  });
});
