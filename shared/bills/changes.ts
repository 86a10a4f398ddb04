import type { Actor } from '../actor.js';
import type { Service } from '../catalog/index.js';
import { ValidationError } from '../errors.js';
import { actorRef, applyTransition, type Change, type HistoryEvent, stripUndefined } from '../items.js';
import { stateOf, type TransitionOutcome } from '../workflow.js';
import { type Bill, normalizeNumber, type Vote, type VoteType } from './model.js';
import type { BillTransitionInput, CreateBillInput, VoteInput } from './schemas.js';
import { chamberAt, isScheduledState } from './workflow.js';

/**
 * Builds a new bill in the workflow's initial stage and its "created" event.
 * @example newBill(getService('bill'), input, {id, reference: 'BL-1234567', now, eventId}).item.status // 'introduced'
 */
export function newBill(
  service: Service,
  input: CreateBillInput,
  ids: { id: string; reference: string; now: string; eventId: string },
): Change {
  if (service.kind !== 'bill') throw new ValidationError([{ path: 'serviceCode', message: `"${service.code}" is not a bill service.` }]);
  const initial = stateOf(service.workflow, service.workflow.initial);
  const bill: Bill = {
    id: ids.id,
    reference: ids.reference,
    kind: 'bill',
    serviceCode: service.code,
    number: normalizeNumber(input.number),
    session: input.session,
    title: input.title,
    summary: input.summary,
    description: input.summary,
    chamber: input.chamber,
    sponsors: input.sponsors,
    committee: input.committee,
    documents: input.documents,
    votes: [],
    status: initial.id,
    phase: initial.phase,
    priority: 'normal',
    version: 1,
    createdAt: ids.now,
    updatedAt: ids.now,
  };
  const event: HistoryEvent = {
    id: ids.eventId,
    at: ids.now,
    actor: actorRef({ type: 'system' }),
    type: 'created',
    to: initial.id,
    visibility: 'public',
  };
  return { item: stripUndefined(bill), events: [event], notifications: [] };
}

/** Moves a bill a stage: the generic transition plus the scheduled vote and committee it sets or clears. */
export function applyBillTransition(
  bill: Bill,
  outcome: TransitionOutcome,
  actor: Actor,
  input: Pick<BillTransitionInput, 'note' | 'scheduledVote' | 'committee'>,
  opts: { now: string; eventId: string },
): Change {
  const scheduled = input.scheduledVote
    ? { at: new Date(input.scheduledVote.at).toISOString(), chamber: chamberAt(bill, outcome.to) }
    : undefined;
  const note = [
    input.note,
    scheduled && `Vote scheduled in the ${scheduled.chamber} for ${scheduled.at}.`,
    input.committee && `Committee: ${input.committee}.`,
  ]
    .filter(Boolean)
    .join(' ');
  const change = applyTransition(bill, outcome, actor, { ...opts, note: note || undefined });
  const next = { ...(change.item as Bill) };
  delete next.scheduledVote;
  if (scheduled) next.scheduledVote = scheduled;
  if (input.committee) next.committee = input.committee;
  return { ...change, item: next };
}

/** One line with the counts, for the history and the followers' email. */
export function describeVote(vote: Pick<Vote, 'chamber' | 'motion' | 'result' | 'yes' | 'no' | 'abstain' | 'absent'>): string {
  return `${vote.chamber} vote on "${vote.motion}": ${vote.result === 'pass' ? 'passed' : 'failed'}, ${vote.yes} yes, ${vote.no} no, ${vote.abstain} abstain, ${vote.absent} absent.`;
}

/**
 * Records a vote: appended to the bill's votes, one public "vote" event carrying the counts (and the
 * stage move, if the vote caused one), and one update email to followers.
 */
export function applyVote(
  bill: Bill,
  input: VoteInput,
  decided: { type: VoteType; outcome?: TransitionOutcome },
  actor: Actor,
  opts: { now: string; eventId: string; voteId: string },
): { change: Change; vote: Vote } {
  const vote: Vote = {
    id: opts.voteId,
    at: new Date(input.at).toISOString(),
    chamber: input.chamber,
    motion: input.motion,
    type: decided.type,
    yes: input.yes,
    no: input.no,
    abstain: input.abstain,
    absent: input.absent,
    result: input.result,
  };
  const { outcome } = decided;
  let next: Bill = { ...bill, votes: [...bill.votes, vote], version: bill.version + 1, updatedAt: opts.now };
  if (outcome) {
    const moved = applyTransition(bill, outcome, actor, { now: opts.now, eventId: opts.eventId }).item as Bill;
    next = { ...moved, votes: next.votes };
    if (!isScheduledState(outcome.to)) delete next.scheduledVote;
  }
  const event: HistoryEvent = stripUndefined({
    id: opts.eventId,
    at: opts.now,
    actor: actorRef(actor),
    type: 'vote',
    // `from` is the stage the vote was taken in, even when it does not move the bill: emails sent later show that stage.
    from: bill.status,
    to: outcome?.to.id,
    note: [describeVote(vote), input.note].filter(Boolean).join(' '),
    visibility: 'public',
  } as HistoryEvent);
  return { change: { item: next, events: [event], notifications: ['item.updated'] }, vote };
}
