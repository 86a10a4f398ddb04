import { batchPut, recordsOf } from '../../functions/store/bulk.js';
import { findItem } from '../../functions/store/items.js';
import type { StaffActor } from '../../shared/actor.js';
import { applyBillTransition, applyVote, newBill } from '../../shared/bills/changes.js';
import type { Bill, Chamber } from '../../shared/bills/model.js';
import type { CreateBillInput } from '../../shared/bills/schemas.js';
import { billService } from '../../shared/bills/service.js';
import { planBillTransition, planVote } from '../../shared/bills/workflow.js';
import type { HistoryEvent } from '../../shared/items.js';

const clerk: StaffActor = { type: 'staff', id: 'demo.clerk', name: 'Demo clerk', groups: ['legislature'] };
const DAY = 86_400_000;
type Step =
  | { to: string; days: number; voteInDays?: number }
  | { vote: 'pass' | 'fail'; yes: number; no: number; days: number; motion?: string };

const DEMO: { input: Omit<CreateBillInput, 'session'>; steps: Step[] }[] = [
  {
    input: {
      number: 'HB 101',
      title: 'Safe Routes to School Act',
      summary: 'An Act requiring 20 mph limits and crossings on every route within 500 m of a school.',
      chamber: 'House',
      sponsors: [
        { name: 'Maya Okonkwo', role: 'primary', party: 'I' },
        { name: 'Tom Reyes', role: 'cosponsor', party: 'D' },
      ],
      committee: 'House Transportation',
    },
    steps: [
      { to: 'committee', days: -20 },
      { to: 'reported', days: -9 },
      { to: 'scheduled', days: -2, voteInDays: 2 },
    ],
  },
  {
    input: {
      number: 'SB 201',
      title: 'Street Lighting Efficiency Act',
      summary: 'An Act replacing sodium street lights with dimmable LEDs by 2030.',
      chamber: 'Senate',
      sponsors: [{ name: 'Ruth Lindqvist', role: 'primary', party: 'R' }],
      committee: 'Senate Energy',
    },
    steps: [
      { to: 'committee', days: -30 },
      { to: 'reported', days: -12 },
      { to: 'scheduled', days: -1, voteInDays: 5 },
    ],
  },
  {
    input: {
      number: 'HB 102',
      title: 'Pothole Repair Fund',
      summary: 'An Act creating a ring-fenced fund for road surface repairs.',
      chamber: 'House',
      sponsors: [
        { name: 'Tom Reyes', role: 'primary', party: 'D' },
        { name: 'Maya Okonkwo', role: 'cosponsor', party: 'I' },
      ],
      committee: 'Senate Finance',
    },
    steps: [
      { to: 'committee', days: -40 },
      { to: 'reported', days: -25 },
      { to: 'scheduled', days: -20, voteInDays: -15 },
      { vote: 'pass', yes: 30, no: 9, days: -15 },
      { to: 'second_committee', days: -10 },
    ],
  },
  {
    input: {
      number: 'SB 202',
      title: 'Library Opening Hours Act',
      summary: 'An Act keeping public libraries open on Sunday afternoons.',
      chamber: 'Senate',
      sponsors: [{ name: 'Ruth Lindqvist', role: 'primary', party: 'R' }],
    },
    steps: [
      { to: 'scheduled', days: -60, voteInDays: -55 },
      { vote: 'pass', yes: 15, no: 5, days: -55 },
      { to: 'second_scheduled', days: -40, voteInDays: -35 },
      { vote: 'pass', yes: 28, no: 11, days: -35 },
      { to: 'with_executive', days: -30 },
      { to: 'signed', days: -25 },
      { to: 'enacted', days: -20 },
    ],
  },
  {
    input: {
      number: 'HB 103',
      title: 'Parking Fines Reform',
      summary: 'An Act doubling fines for parking on pavements.',
      chamber: 'House',
      sponsors: [{ name: 'Ian Park', role: 'primary', party: 'R' }],
    },
    steps: [
      { to: 'scheduled', days: -14, voteInDays: -7 },
      { vote: 'fail', yes: 12, no: 27, days: -7 },
    ],
  },
  {
    input: {
      number: 'HB 104',
      title: 'Bus Shelter Standards',
      summary: 'An Act setting standards for seating, lighting and timetables at bus shelters.',
      chamber: 'House',
      sponsors: [{ name: 'Maya Okonkwo', role: 'primary', party: 'I' }],
      committee: 'House Community & Regional Affairs',
    },
    steps: [{ to: 'committee', days: -3 }],
  },
];

/** Builds one demo bill by running its steps through the real domain functions, so it obeys the workflow. */
function build(index: number, demo: (typeof DEMO)[number], session: string, now: number): { bill: Bill; history: HistoryEvent[] } {
  const service = billService();
  const iso = (days: number) => new Date(now + days * DAY).toISOString();
  const created = newBill(
    service,
    { ...demo.input, session },
    { id: `demo-bill-${index + 1}`, reference: `BL-90000${index + 1}`, now: iso(-70 + index), eventId: `demo-bill-${index + 1}-e00` },
  );
  let bill = created.item as Bill;
  const history = [...created.events];
  demo.steps.forEach((step, i) => {
    const ids = { now: iso(step.days), eventId: `demo-bill-${index + 1}-e${String(i + 1).padStart(2, '0')}` };
    if ('to' in step) {
      // Votes sit at 10:00 UTC on their day, like a chamber's calendar.
      const scheduledVote = step.voteInDays === undefined ? undefined : { at: `${iso(step.voteInDays).slice(0, 10)}T10:00:00.000Z` };
      const outcome = planBillTransition(service, bill, { to: step.to, scheduledVote });
      const change = applyBillTransition(bill, outcome, clerk, { scheduledVote }, ids);
      bill = change.item as Bill;
      history.push(...change.events);
    } else {
      const chamber: Chamber = bill.scheduledVote?.chamber ?? bill.chamber;
      const input = {
        at: ids.now,
        chamber,
        motion: step.motion ?? 'Third reading, final passage',
        yes: step.yes,
        no: step.no,
        abstain: 0,
        absent: Math.max(40 - step.yes - step.no, 0),
        result: step.vote,
      };
      const { change } = applyVote(bill, input, planVote(service, bill, input), clerk, { ...ids, voteId: `${ids.eventId}-vote` });
      bill = change.item as Bill;
      history.push(...change.events);
    }
  });
  return { bill, history };
}

/** Loads the demo bills once (when the first is missing), dated around now so some are up for a vote. */
export async function seedDemoBills(session = String(new Date().getUTCFullYear())): Promise<number> {
  if (await findItem('demo-bill-1')) return 0;
  const now = Date.now();
  const records = DEMO.flatMap((demo, i) => {
    const { bill, history } = build(i, demo, session, now);
    return recordsOf(bill, history);
  });
  await batchPut(records, 4);
  return DEMO.length;
}
