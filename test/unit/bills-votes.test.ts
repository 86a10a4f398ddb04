import { describe, expect, it } from 'vitest';
import { requireTeam } from '../../shared/actor.js';
import { applyVote } from '../../shared/bills/changes.js';
import type { Bill, Chamber } from '../../shared/bills/model.js';
import { voteSchema } from '../../shared/bills/schemas.js';
import { billService } from '../../shared/bills/service.js';
import { inferVoteType, planVote } from '../../shared/bills/workflow.js';
import { ForbiddenError, TransitionNotAllowedError } from '../../shared/errors.js';
import { AT, billAt, clerk, roadsOfficer } from '../support/bill-fixture.js';

/** What a recorded vote does to a bill (docs/bills.md, Votes). */
const service = billService();
const vote = { at: AT, chamber: 'House' as Chamber, motion: 'Third reading, final passage', yes: 12, no: 28, abstain: 0, absent: 0 };
const decide = (b: Bill, v: Partial<typeof vote> & { result: 'pass' | 'fail'; type?: 'passage' | 'veto_override' | 'other' }) =>
  planVote(service, b, { ...vote, ...v });

describe('a passage vote moves the bill', () => {
  it('a failed passage vote ends the bill in failed, with the counts in its event', () => {
    const b = billAt('scheduled', { scheduledVote: { at: AT, chamber: 'House' } });
    const decided = decide(b, { result: 'fail' });
    const { change } = applyVote(b, { ...vote, result: 'fail' }, decided, clerk, { now: AT, eventId: 'e1', voteId: 'v1' });
    const next = change.item as Bill;
    expect(next).toMatchObject({ status: 'failed', phase: 'done', version: 4 });
    expect(next.scheduledVote).toBeUndefined();
    expect(next.votes).toEqual([expect.objectContaining({ yes: 12, no: 28, result: 'fail', type: 'passage' })]);
    expect(change.events).toEqual([expect.objectContaining({ type: 'vote', from: 'scheduled', to: 'failed', visibility: 'public' })]);
    expect(change.events[0]!.note).toContain('12 yes, 28 no');
    expect(change.notifications).toEqual(['item.updated']);
  });

  it('a passed vote in the chamber of origin passes the first chamber', () => {
    expect(decide(billAt('scheduled'), { result: 'pass' }).outcome?.to.id).toBe('passed_origin');
  });

  it('a Senate bill passes its first chamber by a Senate vote', () => {
    const senateBill = billAt('scheduled', { chamber: 'Senate', number: 'SB 1' });
    expect(decide(senateBill, { chamber: 'Senate', result: 'pass' }).outcome?.to.id).toBe('passed_origin');
  });

  it('a passed vote in the second chamber moves the bill to passed both chambers', () => {
    expect(decide(billAt('second_scheduled'), { chamber: 'Senate', result: 'pass' }).outcome?.to.id).toBe('passed_both');
  });

  it('a failed vote in the second chamber fails the bill', () => {
    expect(decide(billAt('second_scheduled'), { chamber: 'Senate', result: 'fail' }).outcome?.to.id).toBe('failed');
  });

  it('a passage vote in the wrong chamber is refused', () => {
    expect(() => decide(billAt('scheduled'), { chamber: 'Senate', result: 'pass' })).toThrow(TransitionNotAllowedError);
    expect(() => decide(billAt('second_scheduled'), { chamber: 'House', result: 'pass' })).toThrow(TransitionNotAllowedError);
  });

  it('a failed passage vote in the other chamber does not fail a bill that chamber does not have', () => {
    expect(() => decide(billAt('scheduled'), { chamber: 'Senate', result: 'fail' })).toThrow(TransitionNotAllowedError);
  });

  it('a passage vote on a bill still in committee is refused', () => {
    expect(() => decide(billAt('committee'), { result: 'pass' })).toThrow(TransitionNotAllowedError);
  });

  it('a passage vote once the executive has the bill is refused', () => {
    expect(() => decide(billAt('with_executive'), { chamber: 'Senate', result: 'pass' })).toThrow(TransitionNotAllowedError);
  });

  it('roads staff may not record a vote (the team rule the operation applies first); the clerk may', () => {
    expect(() => requireTeam(clerk, service)).not.toThrow();
    expect(() => requireTeam(roadsOfficer, service)).toThrow(ForbiddenError);
  });
});

describe('votes that do not pass a bill', () => {
  it('an amendment vote records without moving the bill', () => {
    expect(decide(billAt('scheduled'), { motion: 'Amendment No. 3', result: 'pass' })).toEqual({ type: 'other' });
  });

  it('an amendment vote keeps the vote on the calendar and still emails followers', () => {
    const b = billAt('scheduled', { scheduledVote: { at: AT, chamber: 'House' } });
    const input = { ...vote, motion: 'Amendment No. 3', result: 'pass' as const };
    const { change } = applyVote(b, input, decide(b, input), clerk, { now: AT, eventId: 'e1', voteId: 'v1' });
    expect(change.item).toMatchObject({ status: 'scheduled', scheduledVote: { at: AT, chamber: 'House' } });
    expect(change.events[0]).toMatchObject({ type: 'vote', from: 'scheduled' });
    expect(change.events[0]!.to).toBeUndefined();
    expect(change.notifications).toEqual(['item.updated']);
  });

  it('a passed veto override enacts a vetoed bill', () => {
    expect(decide(billAt('vetoed'), { motion: 'Override the veto', result: 'pass' }).outcome?.to.id).toBe('enacted');
  });

  it('a failed veto override leaves the bill vetoed', () => {
    expect(decide(billAt('vetoed'), { motion: 'Override the veto', result: 'fail' })).toEqual({ type: 'veto_override' });
  });

  it('the motion says what a vote is when its type is not given', () => {
    expect(inferVoteType('Override the veto')).toBe('veto_override');
    expect(inferVoteType('Third Reading Final Passage')).toBe('passage');
    expect(inferVoteType('Do pass')).toBe('passage');
    expect(inferVoteType('Amendment No. 1')).toBe('other');
    expect(inferVoteType('Concur in Senate amendments')).toBe('other');
    expect(inferVoteType('Reconsider passage')).toBe('other');
    expect(inferVoteType('Motion to recess')).toBe('other');
  });
});

describe('vote counts and the roll call', () => {
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
