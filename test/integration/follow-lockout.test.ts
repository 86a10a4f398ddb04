import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, tableName } from '../../functions/store/client.js';
import { tokenKey } from '../../functions/store/keys/subscriptions.js';
import { DEFAULT_LIMITS } from '../../shared/limits.js';
import { api, createReport, signIn, useTestTable } from '../support/api.js';
import { drainItemMail, followUrl, linkIn, mailCount, mailTo, uniqueAddress } from '../support/mailbox.js';

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
    const [first] = await mailCount(owner, 1);
    expect((await follow(report.id, owner)).status).toBe(202);
    const mail = await mailCount(owner, 2);
    expect(mail).toHaveLength(2);
    const [oldLink, newLink] = mail.map((m) => linkIn(m, '/confirm?'));
    expect(oldLink).toBe(linkIn(first!, '/confirm?'));
    expect(newLink).not.toBe(oldLink);

    expect((await confirm(oldLink!)).status).toBe(404);
    expect((await confirm(newLink!)).status).toBe(200);
    await api(`/api/staff/reports/${report.id}/transitions`, { token, body: { to: 'acknowledged' } });
    const after = await mailCount(owner, 3);
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
    const [confirmation] = await mailCount(fan, 1);
    expect((await confirm(linkIn(confirmation!, '/confirm?'))).status).toBe(200);

    const again = await follow(report.id, fan);
    expect(again.status).toBe(202);
    expect(again.body).toEqual((await follow(report.id, uniqueAddress('stranger'))).body);
    // The next email is the update: had a second confirmation been sent, it would be ahead of it.
    await api(`/api/staff/reports/${report.id}/transitions`, { token, body: { to: 'acknowledged' } });
    const mail = await mailCount(fan, 2);
    expect(mail.map((m) => m.subject)).toEqual([expect.stringContaining('Confirm'), `${report.reference}: Acknowledged`]);
  });

  it('an expired confirm link is refused even while its record is still in the table', async () => {
    const report = await createReport();
    const late = uniqueAddress('late');
    await follow(report.id, late);
    const [confirmation] = await mailCount(late, 1);
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
    expect(res.body.detail).toMatch(/expired/);
    // Asking again gives a link that works.
    await follow(report.id, late);
    const mail = await mailCount(late, 2);
    expect((await confirm(linkIn(mail[1]!, '/confirm?'))).status).toBe(200);
  });

  it(`confirmations stop after ${mailPerWindow!.limit} to one mailbox, and asking again still answers 202`, async () => {
    const victim = uniqueAddress('flooded');
    const reports: { id: string; reference: string }[] = [];
    for (let i = 0; i <= mailPerWindow!.limit; i++) reports.push(await createReport());
    for (const r of reports) expect((await follow(r.id, victim)).status).toBe(202);
    const confirmations = await mailCount(victim, mailPerWindow!.limit);
    expect(confirmations.map((m) => m.subject)).toEqual(reports.slice(0, -1).map((r) => expect.stringContaining(r.reference)));
    // The last follow's notification is handled before a later one of the same item: once the drain's
    // confirmation arrives, an extra confirmation to the victim would be in the mailbox.
    await drainItemMail(followUrl('reports', reports.at(-1)!.id));
    expect(await mailTo(victim)).toHaveLength(mailPerWindow!.limit);
  });
});
