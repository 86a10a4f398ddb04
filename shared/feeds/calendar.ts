import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Bill } from '../bills/model.js';
import { isScheduledState } from '../bills/workflow.js';
import type { Workflow } from '../catalog/index.js';
import type { HistoryEvent } from '../items.js';
import { publicText } from '../public-view.js';

/**
 * The votes calendar (RFC 5545). A bill's history is append-only, so each time a vote was put on the
 * calendar is an "episode" that the history tells completely: scheduled (a transition into a
 * scheduling stage), moved ("Reschedule the vote", a self-transition with a new time), held (a vote,
 * or a passage/failure recorded from that stage) or cancelled (taken off the calendar, returned to
 * committee, withdrawn). Each episode is one VEVENT whose UID never changes; every change to it raises
 * SEQUENCE and sets DTSTAMP to when it changed, so a subscribed calendar moves or cancels it in place.
 */

export interface VoteSlot {
  uid: string;
  billId: string;
  reference: string;
  number: string;
  title: string;
  chamber: string;
  /** When the vote is (or was) to be held. */
  at: string;
  status: 'CONFIRMED' | 'CANCELLED';
  sequence: number;
  /** When this slot last changed (DTSTAMP and LAST-MODIFIED). */
  changedAt: string;
}

/**
 * The time and chamber `applyBillTransition` writes into a scheduling event's note ("Vote scheduled in
 * the House for 2031-01-01T10:00:00.000Z."). The unit test builds the event with that function, so a
 * change to its wording fails there rather than silently emptying calendars.
 */
const SCHEDULED = /Vote scheduled in the (\S+) for (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)\./g;

/** Where a stage's departure leaves the vote: held when the stage it leads to records the outcome. */
function heldBy(workflow: Workflow, to: string | undefined): boolean {
  const state = workflow.states.find((s) => s.id === to);
  return Boolean(state?.classification?.some((c) => c === 'passage' || c === 'failure'));
}

/**
 * Every vote slot in a bill's public history, oldest first.
 * @example voteSlots(bill, history, workflow).at(-1)?.status // 'CANCELLED' after "Take off the calendar"
 */
export function voteSlots(bill: Bill, history: HistoryEvent[], workflow: Workflow): VoteSlot[] {
  const scheduling = new Set(workflow.states.filter(isScheduledState).map((s) => s.id));
  const slots: VoteSlot[] = [];
  let open: VoteSlot | undefined;
  const base = { billId: bill.id, reference: bill.reference, number: bill.number, title: publicText(bill.title) };
  for (const event of history) {
    if (event.visibility !== 'public') continue;
    // The last match: a staff note written before the schedule sentence cannot pass for it.
    const when = event.note ? [...event.note.matchAll(SCHEDULED)].at(-1) : undefined;
    if (event.type === 'transition' && event.to && scheduling.has(event.to) && when) {
      const [, chamber, at] = when as unknown as [string, string, string];
      if (open && event.from === event.to) {
        open = { ...open, at: new Date(at).toISOString(), chamber, sequence: open.sequence + 1, changedAt: event.at };
        slots[slots.length - 1] = open;
      } else {
        open = {
          ...base,
          uid: `vote-${bill.id}-${event.id}`,
          chamber,
          at: new Date(at).toISOString(),
          status: 'CONFIRMED',
          sequence: 0,
          changedAt: event.at,
        };
        slots.push(open);
      }
      continue;
    }
    if (!open) continue;
    const leaves = (event.type === 'transition' || event.type === 'vote') && event.to !== undefined && !scheduling.has(event.to);
    if (!leaves) continue;
    if (event.type === 'transition' && !heldBy(workflow, event.to)) {
      slots[slots.length - 1] = { ...open, status: 'CANCELLED', sequence: open.sequence + 1, changedAt: event.at };
    }
    open = undefined;
  }
  // A bill imported with a scheduled vote but no scheduling event of ours: its current slot still shows.
  if (!open && bill.scheduledVote) {
    slots.push({
      ...base,
      uid: `vote-${bill.id}-${bill.status}`,
      chamber: bill.scheduledVote.chamber,
      at: bill.scheduledVote.at,
      status: 'CONFIRMED',
      sequence: 0,
      changedAt: bill.updatedAt,
    });
  }
  return slots;
}

export interface CalendarContext {
  name: string;
  /** The calendar's own URL (SOURCE / URL). */
  url: string;
  /** Host part of every UID (RFC 5545 recommends a domain); fixed, so UIDs survive a change of domain. */
  uidDomain: string;
  track: (reference: string) => string;
}

/** How long a vote is shown as lasting: unknown, so a nominal hour (calendars need a visible block). */
const NOMINAL_MS = 60 * 60 * 1000;

/** An iCalendar document of vote slots; deterministic for the same slots (cacheable, diff-able). */
export function votesCalendar(slots: VoteSlot[], ctx: CalendarContext): string {
  const calendar = ical({
    name: ctx.name,
    prodId: { company: 'civicboard', product: 'votes', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    url: ctx.url,
    source: ctx.url,
    timezone: null,
    ttl: 60 * 60,
  });
  for (const slot of slots) {
    const start = new Date(slot.at);
    calendar.createEvent({
      id: `${slot.uid}@${ctx.uidDomain}`,
      start,
      end: new Date(start.getTime() + NOMINAL_MS),
      stamp: new Date(slot.changedAt),
      lastModified: new Date(slot.changedAt),
      sequence: slot.sequence,
      status: slot.status === 'CANCELLED' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      summary: `${slot.status === 'CANCELLED' ? 'Cancelled: ' : ''}${slot.chamber} vote on ${slot.number}: ${slot.title}`,
      description: `${slot.number}: ${slot.title}\n${ctx.track(slot.reference)}`,
      url: ctx.track(slot.reference),
    });
  }
  return calendar.toString();
}
