import { describe, expect, it } from 'vitest';
import { billService } from '../../shared/bills/service.js';
import { planBillTransition } from '../../shared/bills/workflow.js';
import type { Phase } from '../../shared/catalog/index.js';
import { AT, billAt } from '../support/bill-fixture.js';

/**
 * Every stage move a legislature makes, written case by case from what it means (docs/bills.md and the
 * way bills pass: committee, floor vote, the other chamber, the executive), never derived from the
 * catalog's transition table. Refusals, dates and teams: bills-workflow-rules.test.ts; votes:
 * bills-votes.test.ts.
 */
const service = billService();
interface Move {
  it: string;
  from: string;
  to: string;
  phase: Phase;
}

const move = ({ from, to }: Pick<Move, 'from' | 'to'>) => {
  const scheduledVote = to === 'scheduled' || to === 'second_scheduled' ? { at: AT } : undefined;
  return planBillTransition(service, billAt(from), { to, scheduledVote });
};

function expectMoves(moves: Move[]) {
  for (const m of moves) {
    it(m.it, () => {
      const outcome = move(m);
      expect(outcome.to.id).toBe(m.to);
      expect(outcome.phase).toBe(m.phase);
    });
  }
}

describe('in the chamber of origin', () => {
  expectMoves([
    { it: 'a new bill is referred to committee, where it waits', from: 'introduced', to: 'committee', phase: 'waiting' },
    { it: 'a new bill can be calendared for a vote at once', from: 'introduced', to: 'scheduled', phase: 'in_progress' },
    { it: 'a new bill can be withdrawn by its sponsor', from: 'introduced', to: 'withdrawn', phase: 'done' },
    { it: 'a new bill can be marked failed', from: 'introduced', to: 'failed', phase: 'done' },
    { it: 'a resolution can pass on introduction by unanimous consent', from: 'introduced', to: 'passed_origin', phase: 'in_progress' },
    { it: 'a committee reports the bill, which then waits for the floor', from: 'committee', to: 'reported', phase: 'waiting' },
    { it: 'a bill can fail in committee', from: 'committee', to: 'failed', phase: 'done' },
    { it: 'a bill in committee can be withdrawn', from: 'committee', to: 'withdrawn', phase: 'done' },
    { it: 'a discharged committee’s bill can be calendared for a vote', from: 'committee', to: 'scheduled', phase: 'in_progress' },
    { it: 'a reported bill can be referred to another committee', from: 'reported', to: 'committee', phase: 'waiting' },
    { it: 'a reported bill is scheduled for a floor vote', from: 'reported', to: 'scheduled', phase: 'in_progress' },
    { it: 'a reported bill can be marked failed', from: 'reported', to: 'failed', phase: 'done' },
    { it: 'a reported bill can be withdrawn', from: 'reported', to: 'withdrawn', phase: 'done' },
    { it: 'a scheduled vote can be rescheduled', from: 'scheduled', to: 'scheduled', phase: 'in_progress' },
    { it: 'a scheduled bill that passes has passed the first chamber', from: 'scheduled', to: 'passed_origin', phase: 'in_progress' },
    { it: 'a scheduled bill that loses its vote has failed', from: 'scheduled', to: 'failed', phase: 'done' },
    { it: 'a scheduled bill can be taken off the calendar', from: 'scheduled', to: 'reported', phase: 'waiting' },
    { it: 'a scheduled bill can be returned to committee', from: 'scheduled', to: 'committee', phase: 'waiting' },
    { it: 'a scheduled bill can be withdrawn', from: 'scheduled', to: 'withdrawn', phase: 'done' },
  ]);
});

describe('in the second chamber', () => {
  expectMoves([
    {
      it: 'a bill passed by the first chamber waits again in a committee of the second',
      from: 'passed_origin',
      to: 'second_committee',
      phase: 'waiting',
    },
    { it: 'the second chamber can calendar a passed bill directly', from: 'passed_origin', to: 'second_scheduled', phase: 'in_progress' },
    { it: 'a one-chamber resolution is adopted once its chamber passes it', from: 'passed_origin', to: 'enacted', phase: 'done' },
    // The Alaska journal transmits one-house resolutions (HR 1-4, SR 1-2) to the governor from here.
    { it: 'a one-chamber resolution can be sent to the executive', from: 'passed_origin', to: 'with_executive', phase: 'in_progress' },
    { it: 'a bill passed by one chamber can still be marked failed', from: 'passed_origin', to: 'failed', phase: 'done' },
    { it: 'a committee of the second chamber reports the bill', from: 'second_committee', to: 'second_reported', phase: 'waiting' },
    { it: 'a bill can fail in a committee of the second chamber', from: 'second_committee', to: 'failed', phase: 'done' },
    { it: 'a bill in the second chamber’s committee can be withdrawn', from: 'second_committee', to: 'withdrawn', phase: 'done' },
    {
      it: 'a discharged second-chamber committee’s bill can be calendared',
      from: 'second_committee',
      to: 'second_scheduled',
      phase: 'in_progress',
    },
    { it: 'the second chamber can pass a bill without referral', from: 'second_committee', to: 'passed_both', phase: 'in_progress' },
    {
      it: 'a bill reported in the second chamber can go to another committee',
      from: 'second_reported',
      to: 'second_committee',
      phase: 'waiting',
    },
    {
      it: 'a bill reported in the second chamber is scheduled for its vote',
      from: 'second_reported',
      to: 'second_scheduled',
      phase: 'in_progress',
    },
    { it: 'a bill reported in the second chamber can be marked failed', from: 'second_reported', to: 'failed', phase: 'done' },
    { it: 'a bill reported in the second chamber can be withdrawn', from: 'second_reported', to: 'withdrawn', phase: 'done' },
    { it: 'a second-chamber vote can be rescheduled', from: 'second_scheduled', to: 'second_scheduled', phase: 'in_progress' },
    { it: 'passing the second chamber means passed both', from: 'second_scheduled', to: 'passed_both', phase: 'in_progress' },
    { it: 'losing the second chamber’s vote fails the bill', from: 'second_scheduled', to: 'failed', phase: 'done' },
    { it: 'a second-chamber vote can be taken off the calendar', from: 'second_scheduled', to: 'second_reported', phase: 'waiting' },
    {
      it: 'a bill scheduled in the second chamber can go back to committee',
      from: 'second_scheduled',
      to: 'second_committee',
      phase: 'waiting',
    },
    { it: 'a bill scheduled in the second chamber can be withdrawn', from: 'second_scheduled', to: 'withdrawn', phase: 'done' },
  ]);
});

describe('with the executive', () => {
  expectMoves([
    { it: 'a bill passed by both chambers is sent to the executive', from: 'passed_both', to: 'with_executive', phase: 'in_progress' },
    {
      it: 'a joint resolution passed by both chambers is enacted without the executive',
      from: 'passed_both',
      to: 'enacted',
      phase: 'done',
    },
    { it: 'the executive signs the bill, which is not yet in effect', from: 'with_executive', to: 'signed', phase: 'in_progress' },
    { it: 'the executive vetoes the bill, which ends it', from: 'with_executive', to: 'vetoed', phase: 'done' },
    { it: 'a bill the executive neither signs nor vetoes becomes law', from: 'with_executive', to: 'enacted', phase: 'done' },
    { it: 'a signed bill is enacted when it takes effect', from: 'signed', to: 'enacted', phase: 'done' },
    { it: 'overriding a veto enacts the bill', from: 'vetoed', to: 'enacted', phase: 'done' },
  ]);
});
