import { beforeAll, describe, expect, it } from 'vitest';
import { api, signIn } from '../support/api.js';
import { createBill, moveBill, testSession } from '../support/bills.js';
import { drainItemMail, followUrl, linkIn, mailCount, mailTo, mailWith, uniqueAddress } from '../support/mailbox.js';

let clerk: string;
const session = testSession('mail');

beforeAll(async () => {
  clerk = await signIn('leg.clerk');
});

async function follow(id: string, email: string) {
  expect((await api(`/api/bills/${id}/subscriptions`, { body: { email } })).status).toBe(202);
  const [confirmation] = await mailCount(email, 1);
  expect((await fetch(linkIn(confirmation!, '/confirm?'))).status).toBe(200);
}

describe('bill followers', () => {
  it('get one email per stage change and one per vote, the vote email with its counts', async () => {
    const fan = uniqueAddress('bill-fan');
    const lurker = uniqueAddress('bill-lurker');
    const bill = await createBill(clerk, session);
    await follow(bill.id, fan);
    expect((await api(`/api/bills/${bill.id}/subscriptions`, { body: { email: lurker } })).status).toBe(202);

    await moveBill(clerk, bill.id, 'committee', 'reported');
    await moveBill(clerk, bill.id, { to: 'scheduled', scheduledVote: { at: '2031-02-01T10:00:00Z' } });
    const amendment = {
      at: '2031-02-01T10:30:00Z',
      chamber: 'House',
      motion: 'Amendment No. 1',
      yes: 20,
      no: 19,
      abstain: 1,
      absent: 0,
      result: 'pass',
    };
    const passage = { ...amendment, at: '2031-02-01T11:00:00Z', motion: 'Third reading, final passage', yes: 31, no: 8 };
    expect((await api(`/api/staff/bills/${bill.id}/votes`, { token: clerk, body: amendment })).status).toBe(201);
    expect((await api(`/api/staff/bills/${bill.id}/votes`, { token: clerk, body: passage })).status).toBe(201);

    await mailWith(fan, 'Passed first chamber');
    // Every email about the bill so far has been sent: the mailboxes hold exactly what they should.
    await drainItemMail(followUrl('bills', bill.id));
    const mail = await mailTo(fan);
    expect(mail.map((m) => m.subject)).toEqual([
      `Confirm updates for ${bill.reference}`,
      `${bill.reference}: In committee`,
      `${bill.reference}: Reported from committee`,
      `${bill.reference}: Scheduled for a vote`,
      `${bill.reference}: Scheduled for a vote`,
      `${bill.reference}: Passed first chamber`,
    ]);
    const updates = mail.slice(1);
    expect(updates[3]!.body.text).toContain('20 yes, 19 no, 1 abstain, 0 absent');
    expect(updates[4]!.body.text).toContain('31 yes, 8 no, 1 abstain, 0 absent');
    expect(linkIn(updates[4]!, '/unsubscribe?')).toMatch(/token=[\w-]{40,}/);
    expect((await mailTo(lurker)).map((m) => m.subject)).toEqual([`Confirm updates for ${bill.reference}`]);
  });

  it('following an unknown bill is a 404', async () => {
    expect((await api('/api/bills/ZZ9999/subscriptions', { body: { email: uniqueAddress('x') } })).status).toBe(404);
  });
});
