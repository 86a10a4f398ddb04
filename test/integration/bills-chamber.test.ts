import { describe, expect, it } from 'vitest';
import { api, signIn } from '../support/api.js';
import { createBill, moveBill, testSession } from '../support/bills.js';

/** Staff record votes in the chamber a bill is before: the staff view says which, as the public one does. */
describe('the chamber a bill is before', () => {
  it('is the chamber of origin until the bill passes there, then the other one, in the staff and public views', async () => {
    const clerk = await signIn('leg.clerk');
    const bill = await createBill(clerk, testSession('chamber'));
    const staffView = async () => (await api(`/api/staff/bills/${bill.id}`, { token: clerk })).body;
    expect((await staffView()).currentChamber).toBe('House');

    await moveBill(clerk, bill.id, { to: 'scheduled', scheduledVote: { at: '2026-03-02T10:00:00Z' } });
    const vote = await api(`/api/staff/bills/${bill.id}/votes`, {
      token: clerk,
      body: {
        at: '2026-03-02T10:00:00Z',
        chamber: 'House',
        motion: 'Third reading, final passage',
        yes: 30,
        no: 9,
        abstain: 0,
        absent: 1,
        result: 'pass',
      },
    });
    expect(vote.status, vote.text).toBe(201);
    expect(vote.body.status).toBe('passed_origin');
    await moveBill(clerk, bill.id, 'second_committee');

    const after = await staffView();
    expect(after.chamber).toBe('House');
    expect(after.currentChamber).toBe('Senate');
    expect((await api(`/api/bills/${bill.id}`)).body.currentChamber).toBe('Senate');
  });
});
