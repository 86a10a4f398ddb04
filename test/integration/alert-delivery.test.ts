import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { TokenBucket } from '../../functions/lib/token-bucket.js';
import { runAlertSender } from '../../functions/notify/alert-sender.js';
import { sendDigest, sendDigestsOf } from '../../functions/notify/digests.js';
import { digestEntriesOf, digestEntryRecord, putAlertRecords, QUEUE_SHARDS, takeSenderLease } from '../../functions/store/alert-queue.js';
import { confirmAlert, createPendingAlert } from '../../functions/store/alerts.js';
import { db, tableName } from '../../functions/store/client.js';
import { deliveryKey } from '../../functions/store/deliveries.js';
import { digestDay } from '../../shared/alerts/digest.js';
import type { AlertTarget } from '../../shared/alerts/schemas.js';
import { jurisdiction } from '../../shared/jurisdiction/index.js';
import { api, createReport, signIn, useTestTable } from '../support/api.js';
import { type Mail, mailTo, sendMailFromThisProcess, uniqueAddress } from '../support/mailbox.js';

let token: string;
beforeAll(async () => {
  useTestTable();
  // Digests are sent from this process (as the sender would at 07:00).
  sendMailFromThisProcess();
  token = await signIn('roads.officer');
});

/**
 * Spots in Demo City's south-west corner, where no other test pins, ~550 m apart: each test's circle
 * alerts (at most 250 m, reports within 90 m of the centre) match only its own reports.
 */
let spots = 0;
const spot = () => {
  const n = spots++;
  if (n >= 8) throw new Error('out of spots: add a row');
  return { lat: 51.401 + (n % 4) * 0.005, lng: -2.678 + Math.floor(n / 4) * 0.008 };
};
const north = (from: { lat: number; lng: number }, meters: number) => ({ lat: from.lat + meters / 111_195, lng: from.lng });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function confirmedAlert(email: string, target: AlertTarget, frequency: 'instant' | 'daily' = 'instant') {
  const pending = await createPendingAlert({ email, target, frequency });
  return confirmAlert(pending.confirmToken as string);
}

/** Polls the emulator's store until `done` holds for what these addresses received (one fetch per poll for them all). */
async function mailboxesWhen(addresses: string[], done: (byAddress: Map<string, Mail[]>) => boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${inject('mailboxUrl')}/store`);
    const { emails } = (await res.json()) as { emails: Mail[] };
    const by = new Map(addresses.map((a) => [a, emails.filter((e) => e.destination.to.some((to) => to.includes(a)))]));
    if (done(by)) return by;
    if (Date.now() > deadline) throw new Error(`mail never arrived: ${JSON.stringify([...by].map(([a, m]) => [a, m.length]))}`);
    await sleep(250);
  }
}

/** Records of one partition (the item's, or a queue shard's) that match a filter. */
async function recordsOf(pk: string, filter?: { expression: string; values: Record<string, unknown> }) {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk',
        ...(filter && { FilterExpression: filter.expression }),
        ExpressionAttributeValues: { ':pk': pk, ...filter?.values },
        ExclusiveStartKey: start,
      }),
    );
    out.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

const queuedFor = async (itemId: string) =>
  (
    await Promise.all(
      Array.from({ length: QUEUE_SHARDS }, (_, s) => recordsOf(`ALERTQ#${s}`, { expression: 'itemId = :i', values: { ':i': itemId } })),
    )
  ).flat();

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition never held; last: ${JSON.stringify(value).slice(0, 300)}`);
    await sleep(200);
  }
}

describe('instant alerts: fanned out in batches by the stream consumer, sent by the alert sender', () => {
  it('twenty followers of one spot each get one email for a new report, and a redelivered stream record sends none again', async () => {
    const center = spot();
    const addresses = Array.from({ length: 20 }, (_, i) => uniqueAddress(`fan${i}`));
    for (let i = 0; i < addresses.length; i += 3)
      await Promise.all(addresses.slice(i, i + 3).map((a) => confirmedAlert(a, { type: 'circle', center, radiusMeters: 200 })));
    const report = await createReport({ location: north(center, 50) });
    const nearYou = (mail: Mail[]) => mail.filter((m) => m.subject.includes('near you'));
    const first = await mailboxesWhen(addresses, (by) => [...by.values()].every((m) => nearYou(m).length >= 1));
    for (const mail of first.values()) expect(nearYou(mail).map((m) => m.subject)).toEqual([`New report near you: ${report.reference}`]);

    // Stored state: every address's delivery is marked sent, and the queue holds nothing more of this report.
    const [notification] = await recordsOf(`ITEM#${report.id}`, { expression: 'entity = :n', values: { ':n': 'notification' } });
    expect(notification?.kind).toMatch(/^report\.(created|filed)$/);
    const claims = await Promise.all(
      addresses.map(async (a) => {
        const { Item } = await db().send(
          new GetCommand({ TableName: tableName(), Key: deliveryKey(report.id, String(notification?.SK), a) }),
        );
        return Item?.status;
      }),
    );
    expect(claims.every((s) => s === 'sent')).toBe(true);

    // The stream hands the same record to the notifier again (a retried batch): the fan-out rewrites the
    // same 20 jobs, the sender finds each one sent, and removes them without mailing anyone twice.
    const { handler } = await import('../../functions/notify/stream-handler.js');
    const record = {
      eventName: 'INSERT',
      dynamodb: { SequenceNumber: '1', NewImage: marshall(notification as Record<string, unknown>) },
    } as unknown as DynamoDBStreamEvent['Records'][number];
    expect((await handler({ Records: [record] })).batchItemFailures).toEqual([]);
    await until(
      () => queuedFor(report.id),
      (jobs) => jobs.length === 0,
    );
    const after = await mailboxesWhen(addresses, () => true);
    for (const mail of after.values()) expect(nearYou(mail)).toHaveLength(1);
  }, 90_000);

  it('what waits in the queue is the backlog the health endpoint shows, and it is sent once the sender runs', async () => {
    const owner = `test-${Date.now()}`;
    // Hold the sender's lease, as a long run would: the stack's sender waits and the jobs stay queued.
    await until(
      () => takeSenderLease(owner, Date.now() + 60_000),
      (taken) => taken,
    );
    const center = spot();
    const addresses = Array.from({ length: 12 }, (_, i) => uniqueAddress(`backlog${i}`));
    for (let i = 0; i < addresses.length; i += 4)
      await Promise.all(addresses.slice(i, i + 4).map((a) => confirmedAlert(a, { type: 'circle', center, radiusMeters: 150 })));
    const report = await createReport({ location: center });
    await until(
      () => queuedFor(report.id),
      (jobs) => jobs.length === 12,
    );
    // A run with no time left counts what it leaves (at 03:00 UTC no digest is due in either jurisdiction).
    const run = await runAlertSender({ budgetMs: 0, owner, now: new Date('2026-01-01T03:00:00Z') });
    expect(run).toMatchObject({ busy: false, sent: 0 });
    expect(run.queued).toBeGreaterThanOrEqual(12);
    const health = await until(
      () => api('/api/health'),
      (res) => (res.body.alerts?.queued ?? 0) >= 12,
    );
    expect(health.status).toBe(200);
    expect(Date.parse(health.body.alerts.asOf)).toBeGreaterThan(Date.now() - 60_000);
    // The run gave the lease back: the queue drains, each address once.
    const nearYou = (mail: Mail[]) => mail.filter((m) => m.subject.includes('near you'));
    const mail = await mailboxesWhen(addresses, (by) => [...by.values()].every((m) => nearYou(m).length >= 1));
    for (const m of mail.values()) expect(nearYou(m).map((e) => e.subject)).toEqual([`New report near you: ${report.reference}`]);
  }, 90_000);
});

describe('daily digest', () => {
  /** Digests only: the alert's confirmation email may arrive at any point. */
  const digestsTo = async (address: string) => (await mailTo(address)).filter((m) => m.subject.includes('daily alert'));
  const bucket = () => new TokenBucket(50);
  const farDay = () =>
    `20${40 + Math.floor(Math.random() * 50)}-0${1 + Math.floor(Math.random() * 9)}-${10 + Math.floor(Math.random() * 18)}`;

  async function transition(id: string, to: string) {
    const res = await api(`/api/staff/reports/${id}/transitions`, { token, body: { to } });
    expect(res.status, res.text).toBe(200);
  }

  it("lists the day's new, updated and finished reports with status and link, once, in text and HTML", async () => {
    const email = uniqueAddress('digest');
    const center = spot();
    // Filed before the alert exists: its creation is in nobody's digest, its later update is.
    const older = await createReport({ location: north(center, 30), title: 'Older <b>hole</b>' });
    await confirmedAlert(email, { type: 'circle', center, radiusMeters: 250 }, 'daily');
    const fresh = await createReport({ location: north(center, 60), title: 'Fresh hole' });
    const fixed = await createReport({ location: north(center, 90), title: 'Fixed hole' });
    await transition(older.id, 'acknowledged');
    await transition(fixed.id, 'in_progress');
    await transition(fixed.id, 'fixed');
    const day = digestDay(new Date(), jurisdiction.timezone);
    const entries = await until(
      () => digestEntriesOf(day, email),
      (e) => new Set(e.map((x) => x.itemId)).size === 3 && e.some((x) => x.change === 'finished') && e.some((x) => x.itemId === older.id),
    );

    expect(await sendDigest(day, entries, bucket())).toBe(1);
    const [digest, ...more] = await digestsTo(email);
    expect(more).toEqual([]);
    expect(digest?.subject).toBe(`${jurisdiction.name} daily alert: 3 reports changed`);
    const text = digest?.body.text ?? '';
    const section = (heading: string) =>
      text.includes(heading) ? (text.slice(text.indexOf(heading)).split('\n\n')[0] ?? '') : `no ${heading} in ${text}`;
    expect(section('New reports (1)')).toContain(fresh.reference);
    expect(section('Updated (1)')).toContain(older.reference);
    expect(section('Updated (1)')).toContain('Acknowledged');
    expect(section('Finished (1)')).toContain(fixed.reference);
    expect(section('Finished (1)')).toContain(`/track/?id=${fixed.reference}`);
    expect(text).toContain('/alerts/?token=');
    expect(text).toContain('/api/alerts/unsubscribe?token=');
    expect(digest?.body.html).toContain('Older &lt;b&gt;hole&lt;/b&gt;');
    expect(digest?.body.html).not.toContain('<b>hole');

    // A second run the same day (a retry, a restart) sends nothing more: the claim is taken.
    expect(await sendDigest(day, entries, bucket())).toBe(0);
    expect(await digestsTo(email)).toHaveLength(1);
  }, 60_000);

  it('two days of activity give two digests with their own items; a quiet subscriber gets none', async () => {
    const [day1, day2] = [farDay(), farDay().replace(/^20/, '21')];
    const active = uniqueAddress('active');
    const quiet = uniqueAddress('quiet');
    const [a] = await Promise.all([
      confirmedAlert(active, { type: 'circle', center: spot(), radiusMeters: 100 }, 'daily'),
      confirmedAlert(quiet, { type: 'circle', center: spot(), radiusMeters: 100 }, 'daily'),
    ]);
    const [r1, r2] = [await createReport(), await createReport()];
    const entry = (itemId: string, change: 'new' | 'updated') => ({
      email: active,
      itemId,
      change,
      alertId: a.id,
      target: a.target,
      unsubscribeToken: a.unsubscribeToken,
      at: new Date().toISOString(),
    });
    await putAlertRecords([digestEntryRecord(day1, entry(r1.id, 'new')), digestEntryRecord(day2, entry(r2.id, 'updated'))]);

    expect(await sendDigestsOf(day1, bucket(), Date.now() + 30_000)).toEqual({ sent: 1, finished: true });
    const afterDay1 = await digestsTo(active);
    expect(afterDay1).toHaveLength(1);
    expect(afterDay1[0]?.body.text).toContain(r1.reference);
    expect(afterDay1[0]?.body.text).not.toContain(r2.reference);

    expect(await sendDigestsOf(day2, bucket(), Date.now() + 30_000)).toEqual({ sent: 1, finished: true });
    const afterDay2 = await digestsTo(active);
    expect(afterDay2).toHaveLength(2);
    expect(afterDay2[1]?.body.text).toContain(r2.reference);
    expect(afterDay2[1]?.body.text).toContain('Updated (1)');
    expect(afterDay2[1]?.body.text).not.toContain(r1.reference);
    // Nothing happened in what the quiet address follows: the runs above are over, and it got nothing.
    expect(await digestsTo(quiet)).toEqual([]);
  }, 60_000);

  it('two runs at once (a restart at 07:00 while a run is going) send one digest', async () => {
    const day = farDay().replace(/^20/, '22');
    const email = uniqueAddress('restart');
    const alert = await confirmedAlert(email, { type: 'circle', center: spot(), radiusMeters: 100 }, 'daily');
    const report = await createReport();
    await putAlertRecords([
      digestEntryRecord(day, {
        email,
        itemId: report.id,
        change: 'new',
        alertId: alert.id,
        target: alert.target,
        unsubscribeToken: alert.unsubscribeToken,
        at: new Date().toISOString(),
      }),
    ]);
    const runs = await Promise.all([sendDigestsOf(day, bucket(), Date.now() + 30_000), sendDigestsOf(day, bucket(), Date.now() + 30_000)]);
    expect(runs.map((r) => r.sent).sort()).toEqual([0, 1]);
    const mail = await digestsTo(email);
    expect(mail.map((m) => m.subject)).toEqual([`${jurisdiction.name} daily alert: 1 report changed`]);
  }, 60_000);
});
