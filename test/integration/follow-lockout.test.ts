import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, tableName } from '../../functions/store/client.js';
import { tokenKey } from '../../functions/store/keys/subscriptions.js';
import { DEFAULT_LIMITS } from '../../shared/limits.js';
import { api, createReport, signIn, useTestTable } from '../support/api.js';
import { linkIn, settledMail, uniqueAddress } from '../support/mailbox.js';

const [mailPerWindow] = DEFAULT_LIMITS.mailPerAddress;
const json = { accept: 'application/json' };
const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

let token: string;
beforeAll(async () => {
  useTestTable();
  token = await signIn('roads.officer');
});

const follow = (id: string, email: string) => api(`/api/reports/${id}/subscriptions`, { body: { email } });
const confirm = (link: string) => api(new URL(link).pathname + new URL(link).search, { headers: json });

describe('a pending follow cannot lock an address out', () => {
  it('asking again sends a new confirmation link; the new link works and the old one does not', async () => {
    const report = await createReport();
    const owner = uniqueAddress('owner');
    // Someone else registered the owner's address first; the owner never saw or used that link.
    expect((await follow(report.id, owner)).status).toBe(202);
    const [first] = await settledMail(owner, 1, { settleMs: 0 });
    expect((await follow(report.id, owner)).status).toBe(202);
    const mail = await settledMail(owner, 2);
    expect(mail).toHaveLength(2);
    const [oldLink, newLink] = mail.map((m) => linkIn(m, '/confirm?'));
    expect(oldLink).toBe(linkIn(first!, '/confirm?'));
    expect(newLink).not.toBe(oldLink);

    expect((await confirm(oldLink!)).status).toBe(404);
    expect((await confirm(newLink!)).status).toBe(200);
    await api(`/api/staff/reports/${report.id}/transitions`, { token, body: { to: 'acknowledged' } });
    const after = await settledMail(owner, 3);
    expect(after.map((m) => m.subject)).toEqual([
      expect.stringContaining('Confirm'),
      expect.stringContaining('Confirm'),
      `${report.reference}: Acknowledged`,
    ]);
  });

  it('a confirmed follower asking again gets the same 202 and no new email', async () => {
    const report = await createReport();
    const fan = uniqueAddress('fan');
    await follow(report.id, fan);
    const [confirmation] = await settledMail(fan, 1, { settleMs: 0 });
    expect((await confirm(linkIn(confirmation!, '/confirm?'))).status).toBe(200);

    const again = await follow(report.id, fan);
    expect(again.status).toBe(202);
    expect(again.body).toEqual((await follow(report.id, uniqueAddress('stranger'))).body);
    // The next email is the update: had a second confirmation been sent, it would be ahead of it.
    await api(`/api/staff/reports/${report.id}/transitions`, { token, body: { to: 'acknowledged' } });
    const mail = await settledMail(fan, 2);
    expect(mail.map((m) => m.subject)).toEqual([expect.stringContaining('Confirm'), `${report.reference}: Acknowledged`]);
  });

  it('an expired confirm link is refused even while its record is still in the table', async () => {
    const report = await createReport();
    const late = uniqueAddress('late');
    await follow(report.id, late);
    const [confirmation] = await settledMail(late, 1, { settleMs: 0 });
    const link = linkIn(confirmation!, '/confirm?');
    const key = tokenKey(tokenOf(link));
    // TTL deletion can lag by days: the link expired a minute ago, and DynamoDB has not removed it yet.
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': Math.floor(Date.now() / 1000) - 60 },
      }),
    );
    expect((await db().send(new GetCommand({ TableName: tableName(), Key: key }))).Item).toBeDefined();

    const res = await confirm(link);
    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(/expired/);
    // Asking again gives a link that works.
    await follow(report.id, late);
    const mail = await settledMail(late, 2, { settleMs: 0 });
    expect((await confirm(linkIn(mail[1]!, '/confirm?'))).status).toBe(200);
  });

  it(`confirmations stop after ${mailPerWindow!.limit} to one mailbox, and asking again still answers 202`, async () => {
    const victim = uniqueAddress('flooded');
    const reports: { id: string; reference: string }[] = [];
    for (let i = 0; i <= mailPerWindow!.limit; i++) reports.push(await createReport());
    for (const r of reports) expect((await follow(r.id, victim)).status).toBe(202);
    const confirmations = await settledMail(victim, mailPerWindow!.limit, { settleMs: 0 });
    const first = confirmations[0]!;
    const followed = reports.find((r) => first.subject.endsWith(r.reference))!;
    expect((await confirm(linkIn(first, '/confirm?'))).status).toBe(200);
    // A later email that is not limited: had the extra confirmation been sent, it would be here too.
    await api(`/api/staff/reports/${followed.id}/transitions`, { token, body: { to: 'acknowledged' } });
    const mail = await settledMail(victim, mailPerWindow!.limit + 1, { settleMs: 1500 });
    expect(mail.filter((m) => m.subject.startsWith('Confirm'))).toHaveLength(mailPerWindow!.limit);
    expect(mail.filter((m) => m.subject === `${followed.reference}: Acknowledged`)).toHaveLength(1);
    expect(mail).toHaveLength(mailPerWindow!.limit + 1);
  });
});
