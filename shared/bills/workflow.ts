import type { Service, Workflow, WorkflowState } from '../catalog/index.js';
import { TransitionNotAllowedError, ValidationError } from '../errors.js';
import { planTransition, stateOf, type TransitionOutcome } from '../workflow.js';
import { type Bill, type Chamber, sideOf, type VoteResult, type VoteType } from './model.js';

/** OpenStates-style action classifications the bill workflow's states are keyed by (see docs/bills.md). */
export type Classification =
  | 'filing'
  | 'introduction'
  | 'referral-committee'
  | 'committee-passage'
  | 'committee-failure'
  | 'scheduling'
  | 'reading-3'
  | 'passage'
  | 'failure'
  | 'concurrence'
  | 'withdrawal'
  | 'executive-receipt'
  | 'executive-signature'
  | 'executive-veto'
  | 'veto-override-passage'
  | 'became-law';

/**
 * The state an action of this classification leads to, taken in the chamber of origin or the second
 * chamber. States without a chamber (the executive's, the final ones) match either side.
 * @example stateForAction(billWorkflow, 'passage', 'second')?.id // 'passed_both'
 */
export function stateForAction(workflow: Workflow, classification: Classification, side: 'origin' | 'second'): WorkflowState | undefined {
  const matches = workflow.states.filter((s) => s.classification?.includes(classification));
  return matches.find((s) => s.chamber === side) ?? matches.find((s) => s.chamber === undefined);
}

/** Whether a state is one where a vote is on the calendar (its classification includes "scheduling"). */
export function isScheduledState(state: WorkflowState): boolean {
  return state.classification?.includes('scheduling') ?? false;
}

/** The chamber a bill is in at a state: its chamber of origin, or the other one for second-chamber states. */
export function chamberAt(bill: Pick<Bill, 'chamber'>, state: WorkflowState): Chamber {
  if (state.chamber === 'second') return bill.chamber === 'House' ? 'Senate' : 'House';
  return bill.chamber;
}

/**
 * Decides a staff move of a bill: the workflow's rules, plus a date when the move schedules a vote
 * (and none otherwise).
 * @example planBillTransition(billService, bill, {to: 'scheduled', scheduledVote: {at}}).to.id // 'scheduled'
 */
export function planBillTransition(
  service: Service,
  bill: Bill,
  request: { to: string; scheduledVote?: { at: string } },
): TransitionOutcome {
  const outcome = planTransition(service, bill.status, { to: request.to });
  if (isScheduledState(outcome.to) && !request.scheduledVote) {
    throw new ValidationError([{ path: 'scheduledVote.at', message: `"${outcome.to.label}" needs the date and time of the vote.` }]);
  }
  if (!isScheduledState(outcome.to) && request.scheduledVote) {
    throw new ValidationError([{ path: 'scheduledVote', message: `"${outcome.to.label}" does not schedule a vote.` }]);
  }
  return outcome;
}

/**
 * What a vote decides when it does not say: "override" motions are veto overrides; passage and third
 * or final readings are passage votes; anything else (amendments, procedure) only records the vote.
 * @example inferVoteType('Third Reading Final Passage') // 'passage'
 */
export function inferVoteType(motion: string): VoteType {
  if (/\boverride\b/i.test(motion)) return 'veto_override';
  if (/\bamend|\brecess|\brescind|\breconsider|\bconcur/i.test(motion)) return 'other';
  if (/\bpass(age|ed)?\b|\bthird reading\b|\bfinal\b/i.test(motion)) return 'passage';
  return 'other';
}

/**
 * The stage move a vote causes, if any: a passed passage vote moves the bill to "passed" in the
 * vote's chamber, a failed one to "failed"; a passed veto override enacts it. The move must be one the
 * workflow allows from the bill's current stage (a passage vote on a bill still in committee is a 409).
 * @example planVote(billService, scheduledBill, {type: 'passage', result: 'fail', chamber: 'House', motion: 'Final passage'})?.to.id // 'failed'
 */
export function planVote(
  service: Service,
  bill: Bill,
  vote: { type?: VoteType; result: VoteResult; chamber: Chamber; motion: string },
): { type: VoteType; outcome?: TransitionOutcome } {
  const type = vote.type ?? inferVoteType(vote.motion);
  const classification: Classification | undefined =
    type === 'passage'
      ? vote.result === 'pass'
        ? 'passage'
        : 'failure'
      : type === 'veto_override' && vote.result === 'pass'
        ? 'veto-override-passage'
        : undefined;
  if (!classification) return { type };
  const target = stateForAction(service.workflow, classification, sideOf(bill, vote.chamber));
  if (!target) return { type };
  const current = stateOf(service.workflow, bill.status);
  if (type === 'passage' && current.chamber && sideOf(bill, vote.chamber) !== current.chamber) {
    throw new TransitionNotAllowedError(
      `The bill is before the ${chamberAt(bill, current)} ("${current.label}"); a passage vote in the ${vote.chamber} cannot move it.`,
    );
  }
  return { type, outcome: planTransition(service, bill.status, { to: target.id }) };
}
