import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/actor.js';
import { applyVote } from '../../shared/bills/changes.js';
import type { Bill } from '../../shared/bills/model.js';
import { voteSchema } from '../../shared/bills/schemas.js';
import { billService } from '../../shared/bills/service.js';
import { isScheduledState, planBillTransition, planVote, stateForAction } from '../../shared/bills/workflow.js';
import { ForbiddenError, TransitionNotAllowedError, ValidationError } from '../../shared/errors.js';

const clerk: Actor = { type: 'staff', id: 'c', name: 'C', groups: ['legislature'] };
const roads: Actor = { type: 'staff', id: 'r', name: 'R', groups: ['roads'] };
const service = billService();
const { workflow } = service;
const at = '2026-03-02T10:00:00Z';

function bill(status: string, overrides: Partial<Bill> = {}): Bill {
  const state = workflow.states.find((s) => s.id === status)!;
  return {
    id: 'B1',
    reference: 'BL-0000001',
    kind: 'bill',
    serviceCode: service.code,
    number: 'HB 1',
    session: '2025-2026',
    title: 'A bill',
    summary: 'An Act',
    description: 'An Act',
    chamber: 'House',
    sponsors: [{ name: 'A Member', role: 'primary' }],
    votes: [],
    status,
    phase: state.phase,
    priority: 'normal',
    version: 3,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

describe('bill workflow: every stage move', () => {
  for (const from of workflow.states) {
    for (const to of workflow.states) {
      const allowed = workflow.transitions.some((t) => t.from === from.id && t.to === to.id);
      it(`${allowed ? 'allows' : 'forbids'} ${from.id} → ${to.id}`, () => {
        const request = { to: to.id, scheduledVote: isScheduledState(to) ? { at } : undefined };
        const plan = () => planBillTransition(clerk, service, bill(from.id), request);
        if (allowed) {
          const outcome = plan();
          expect(outcome.to.id).toBe(to.id);
          expect(outcome.phase).toBe(to.phase);
        } else expect(plan).toThrow(TransitionNotAllowedError);
      });
    }
  }
});

describe('bill workflow rules', () => {
  it('puts the stages in the phases the board shows', () => {
    const phase = (id: string) => workflow.states.find((s) => s.id === id)?.phase;
    expect(['introduced', 'committee', 'second_committee'].map(phase)).toEqual(['waiting', 'waiting', 'waiting']);
    expect(['scheduled', 'passed_origin', 'passed_both', 'with_executive'].map(phase)).toEqual(Array(4).fill('in_progress'));
    expect(['enacted', 'failed', 'vetoed', 'withdrawn'].map(phase)).toEqual(Array(4).fill('done'));
  });

  it('a scheduled vote needs a date', () => {
    expect(() => planBillTransition(clerk, service, bill('reported'), { to: 'scheduled' })).toThrow(ValidationError);
  });

  it('only a scheduling move takes a date', () => {
    expect(() => planBillTransition(clerk, service, bill('introduced'), { to: 'committee', scheduledVote: { at } })).toThrow(
      ValidationError,
    );
  });

  it('refuses roads staff', () => {
    expect(() => planBillTransition(roads, service, bill('introduced'), { to: 'committee' })).toThrow(ForbiddenError);
    expect(() => planVote(roads, service, bill('scheduled'), { type: 'passage', result: 'pass', chamber: 'House', motion: 'm' })).toThrow(
      ForbiddenError,
    );
  });

  it('maps action classifications to the stage of the right chamber', () => {
    expect(stateForAction(workflow, 'passage', 'origin')?.id).toBe('passed_origin');
    expect(stateForAction(workflow, 'passage', 'second')?.id).toBe('passed_both');
    expect(stateForAction(workflow, 'executive-veto', 'second')?.id).toBe('vetoed');
  });
});

describe('votes', () => {
  const vote = { at, chamber: 'House' as const, motion: 'Third reading, final passage', yes: 12, no: 28, abstain: 0, absent: 0 };

  it('a failed passage vote ends the bill in failed, with the counts in its event', () => {
    const b = bill('scheduled', { scheduledVote: { at, chamber: 'House' } });
    const decided = planVote(clerk, service, b, { ...vote, result: 'fail' });
    const { change } = applyVote(b, { ...vote, result: 'fail' }, decided, clerk, { now: at, eventId: 'e1', voteId: 'v1' });
    const next = change.item as Bill;
    expect(next.status).toBe('failed');
    expect(next.phase).toBe('done');
    expect(next.scheduledVote).toBeUndefined();
    expect(next.votes).toEqual([expect.objectContaining({ yes: 12, no: 28, result: 'fail', type: 'passage' })]);
    expect(change.events[0]).toMatchObject({ type: 'vote', from: 'scheduled', to: 'failed' });
    expect(change.events[0]!.note).toContain('12 yes, 28 no');
    expect(change.notifications).toEqual(['item.updated']);
  });

  it('a passed passage vote in the second chamber moves the bill to passed both chambers', () => {
    const decided = planVote(clerk, service, bill('second_scheduled'), { ...vote, chamber: 'Senate', result: 'pass' });
    expect(decided.outcome?.to.id).toBe('passed_both');
  });

  it('a passage vote in the wrong chamber is refused', () => {
    expect(() => planVote(clerk, service, bill('scheduled'), { ...vote, chamber: 'Senate', result: 'pass' })).toThrow(
      TransitionNotAllowedError,
    );
  });

  it('a passage vote on a bill still in committee is refused', () => {
    expect(() => planVote(clerk, service, bill('committee'), { ...vote, result: 'pass' })).toThrow(TransitionNotAllowedError);
  });

  it('an amendment vote records without moving the bill', () => {
    const decided = planVote(clerk, service, bill('scheduled'), { ...vote, motion: 'Amendment No. 3', result: 'pass' });
    expect(decided).toEqual({ type: 'other' });
  });

  it('a passed veto override enacts a vetoed bill', () => {
    const decided = planVote(clerk, service, bill('vetoed'), { ...vote, motion: 'Override the veto', result: 'pass' });
    expect(decided.outcome?.to.id).toBe('enacted');
  });

  it('counts that disagree with the roll call name the field', () => {
    const rollCall = [
      { member: 'A', vote: 'yes' },
      { member: 'B', vote: 'no' },
    ];
    const result = voteSchema.safeParse({ ...vote, yes: 2, no: 1, result: 'pass', rollCall });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['yes']);
  });

  it('counts that agree with the roll call pass', () => {
    const rollCall = [
      { member: 'A', vote: 'yes' },
      { member: 'B', vote: 'absent' },
    ];
    expect(voteSchema.safeParse({ ...vote, yes: 1, no: 0, absent: 1, result: 'pass', rollCall }).success).toBe(true);
  });
});
