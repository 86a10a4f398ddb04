import { describe, expect, it } from 'vitest';
import { applyBillTransition } from '../../shared/bills/changes.js';
import type { Bill } from '../../shared/bills/model.js';
import { billService } from '../../shared/bills/service.js';
import { planBillTransition } from '../../shared/bills/workflow.js';
import { voteSlots } from '../../shared/feeds/calendar.js';
import type { HistoryEvent } from '../../shared/items.js';
import { billAt, clerk } from '../support/bill-fixture.js';

const service = billService();

/** Moves a bill through steps with the real domain functions, collecting the events they write. */
function run(start: Bill, steps: { to: string; at?: string; note?: string }[]): { bill: Bill; history: HistoryEvent[] } {
  let bill = start;
  const history: HistoryEvent[] = [];
  steps.forEach((step, i) => {
    const scheduledVote = step.at ? { at: step.at } : undefined;
    const outcome = planBillTransition(service, bill, { to: step.to, scheduledVote });
    const change = applyBillTransition(
      bill,
      outcome,
      clerk,
      { scheduledVote, note: step.note },
      {
        now: `2026-03-0${i + 2}T09:00:00.000Z`,
        eventId: `E${i}`,
      },
    );
    bill = change.item as Bill;
    history.push(...change.events);
  });
  return { bill, history };
}

describe('vote slots from a bill history', () => {
  it('reads the time applyBillTransition writes, and a move keeps the UID with a higher sequence', () => {
    const { bill, history } = run(billAt('reported'), [
      { to: 'scheduled', at: '2031-01-01T10:00:00Z' },
      { to: 'scheduled', at: '2031-01-08T10:00:00Z' },
    ]);
    expect(voteSlots(bill, history, service.workflow)).toMatchObject([
      { uid: 'vote-B1-E0', at: '2031-01-08T10:00:00.000Z', status: 'CONFIRMED', sequence: 1, changedAt: '2026-03-03T09:00:00.000Z' },
    ]);
  });

  it('taking the vote off the calendar cancels it; recording passage keeps it confirmed', () => {
    const cancelled = run(billAt('reported'), [{ to: 'scheduled', at: '2031-01-01T10:00:00Z' }, { to: 'reported' }]);
    expect(voteSlots(cancelled.bill, cancelled.history, service.workflow).map((s) => [s.status, s.sequence])).toEqual([['CANCELLED', 1]]);
    const held = run(billAt('reported'), [{ to: 'scheduled', at: '2031-01-01T10:00:00Z' }, { to: 'passed_origin' }]);
    expect(voteSlots(held.bill, held.history, service.workflow).map((s) => [s.status, s.sequence])).toEqual([['CONFIRMED', 0]]);
  });

  it('a staff note that mimics the schedule sentence does not set the time', () => {
    const { bill, history } = run(billAt('reported'), [
      { to: 'scheduled', at: '2031-01-01T10:00:00Z', note: 'Vote scheduled in the Senate for 2099-01-01T00:00:00Z.' },
    ]);
    expect(voteSlots(bill, history, service.workflow)).toMatchObject([{ at: '2031-01-01T10:00:00.000Z', chamber: 'House' }]);
  });
});
