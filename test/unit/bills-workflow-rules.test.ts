import { describe, expect, it } from 'vitest';
import { type Actor, requireTeam } from '../../shared/actor.js';
import { billService } from '../../shared/bills/service.js';
import { chamberAt, planBillTransition, stateForAction } from '../../shared/bills/workflow.js';
import { ForbiddenError, TransitionNotAllowedError, ValidationError } from '../../shared/errors.js';
import { stateOf } from '../../shared/workflow.js';
import { AT, billAt, roadsOfficer } from '../support/bill-fixture.js';

/** What a legislature never does with a bill, dates on the calendar, and who may move bills. */
const service = billService();
const { workflow } = service;
const move = (from: string, to: string, scheduledVote?: { at: string }) => () =>
  planBillTransition(service, billAt(from), { to, scheduledVote });
const schedule = (from: string, to: string) => move(from, to, { at: AT });
/** What the operation does: who may act (the bill service's teams) before what the workflow allows. */
const mayMove = (actor: Actor, from: string, to: string) => {
  requireTeam(actor, service);
  return planBillTransition(service, billAt(from), { to });
};

describe('stage moves a legislature never makes', () => {
  it('a bill cannot be signed before it has passed both chambers', () => {
    for (const from of ['introduced', 'committee', 'scheduled', 'passed_origin', 'second_scheduled']) {
      expect(move(from, 'signed'), from).toThrow(TransitionNotAllowedError);
    }
  });

  it('a bill passed by both chambers is signed only once the executive has it', () => {
    expect(move('passed_both', 'signed')).toThrow(TransitionNotAllowedError);
  });

  it('a bill cannot be enacted straight from introduction or committee', () => {
    expect(move('introduced', 'enacted')).toThrow(TransitionNotAllowedError);
    expect(move('committee', 'enacted')).toThrow(TransitionNotAllowedError);
  });

  it('a bill cannot skip the first chamber’s vote to "passed both chambers"', () => {
    for (const from of ['introduced', 'committee', 'reported', 'scheduled'])
      expect(move(from, 'passed_both'), from).toThrow(TransitionNotAllowedError);
  });

  it('the second chamber cannot take up a bill the first has not passed', () => {
    expect(move('committee', 'second_committee')).toThrow(TransitionNotAllowedError);
    expect(schedule('reported', 'second_scheduled')).toThrow(TransitionNotAllowedError);
  });

  it('a bill passed by the first chamber does not go back to the first chamber’s committee', () => {
    expect(move('passed_origin', 'committee')).toThrow(TransitionNotAllowedError);
  });

  it('a bill reported from committee cannot pass without a scheduled vote', () => {
    expect(move('reported', 'passed_origin')).toThrow(TransitionNotAllowedError);
  });

  it('the executive can only veto a bill it has', () => {
    expect(move('passed_both', 'vetoed')).toThrow(TransitionNotAllowedError);
    expect(move('signed', 'vetoed')).toThrow(TransitionNotAllowedError);
  });

  it('a vetoed bill can be enacted by an override, but not signed after all', () => {
    expect(move('vetoed', 'signed')).toThrow(TransitionNotAllowedError);
    expect(move('vetoed', 'with_executive')).toThrow(TransitionNotAllowedError);
  });

  it('an enacted law, a failed bill and a withdrawn bill are final', () => {
    for (const [from, to] of [
      ['enacted', 'introduced'],
      ['enacted', 'vetoed'],
      ['failed', 'committee'],
      ['failed', 'introduced'],
      ['withdrawn', 'introduced'],
      ['withdrawn', 'committee'],
    ] as const) {
      expect(move(from, to), `${from} → ${to}`).toThrow(TransitionNotAllowedError);
    }
  });

  it('a bill cannot stay where it is except to reschedule its vote', () => {
    for (const state of ['introduced', 'committee', 'passed_origin', 'with_executive'])
      expect(move(state, state), state).toThrow(TransitionNotAllowedError);
  });
});

describe('a vote on the calendar', () => {
  it('scheduling needs a date, named in the error', () => {
    expect(move('reported', 'scheduled')).toThrow(ValidationError);
    expect(move('reported', 'scheduled')).toThrow(/date and time of the vote/);
  });

  it('scheduling in the second chamber needs a date too', () => {
    expect(move('second_reported', 'second_scheduled')).toThrow(ValidationError);
  });

  it('rescheduling needs the new date', () => {
    expect(move('scheduled', 'scheduled')).toThrow(ValidationError);
  });

  it('only a scheduling move takes a date', () => {
    expect(schedule('introduced', 'committee')).toThrow(ValidationError);
    expect(schedule('scheduled', 'passed_origin')).toThrow(/does not schedule a vote/);
  });

  it('a vote is in the chamber that has the bill: a House bill’s second-chamber vote is in the Senate', () => {
    expect(chamberAt({ chamber: 'House' }, stateOf(workflow, 'scheduled'))).toBe('House');
    expect(chamberAt({ chamber: 'House' }, stateOf(workflow, 'second_scheduled'))).toBe('Senate');
    expect(chamberAt({ chamber: 'Senate' }, stateOf(workflow, 'second_scheduled'))).toBe('House');
  });
});

describe('who may move a bill', () => {
  it('roads staff cannot move a bill', () => {
    expect(() => mayMove(roadsOfficer, 'introduced', 'committee')).toThrow(ForbiddenError);
  });

  it('an admin can move a bill', () => {
    const admin: Actor = { type: 'staff', id: 'admin', name: 'Ada', groups: ['admin'] };
    expect(mayMove(admin, 'introduced', 'committee').to.id).toBe('committee');
  });

  it('a citizen cannot move a bill', () => {
    expect(() => mayMove({ type: 'citizen' }, 'introduced', 'committee')).toThrow(ForbiddenError);
  });
});

describe('journal actions lead to the stage of their chamber (the LegiScan import)', () => {
  const stage = (classification: Parameters<typeof stateForAction>[1], side: 'origin' | 'second') =>
    stateForAction(workflow, classification, side)?.id;

  it('passage in the chamber of origin passes the first chamber; in the second, both', () => {
    expect(stage('passage', 'origin')).toBe('passed_origin');
    expect(stage('passage', 'second')).toBe('passed_both');
  });

  it('introduction in the second chamber puts the bill in its committee stage', () => {
    expect(stage('introduction', 'origin')).toBe('introduced');
    expect(stage('introduction', 'second')).toBe('second_committee');
  });

  it('a committee report and a scheduling stay on their own side', () => {
    expect(stage('committee-passage', 'second')).toBe('second_reported');
    expect(stage('scheduling', 'origin')).toBe('scheduled');
    expect(stage('reading-3', 'second')).toBe('second_scheduled');
  });

  it('the executive’s and the final actions lead to the same stage from either side', () => {
    expect(stage('executive-receipt', 'second')).toBe('with_executive');
    expect(stage('executive-signature', 'origin')).toBe('signed');
    expect(stage('executive-veto', 'second')).toBe('vetoed');
    expect(stage('became-law', 'origin')).toBe('enacted');
    expect(stage('veto-override-passage', 'second')).toBe('enacted');
    expect(stage('committee-failure', 'origin')).toBe('failed');
    expect(stage('withdrawal', 'second')).toBe('withdrawn');
  });
});
