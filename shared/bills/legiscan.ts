import { createHash } from 'node:crypto';
import type { Workflow, WorkflowState } from '../catalog/index.js';
import { type HistoryEvent, stripUndefined } from '../items.js';
import { httpUrlProblem } from '../links.js';
import { stateOf } from '../workflow.js';
import { classifyAction, committeesReferred, scheduledDate } from './legiscan-actions.js';
import { chamberOf, decodeExport, mapSponsors, mapVotes, noon } from './legiscan-rows.js';
import { type Bill, type Chamber, normalizeNumber, type RollCallEntry } from './model.js';
import { isScheduledState, stateForAction } from './workflow.js';

/** The rows of a LegiScan CSV export, as csv-parse reads them (header names as keys). */
export interface LegiscanExport {
  bills: Record<string, string>[];
  history: Record<string, string>[];
  sponsors: Record<string, string>[];
  people: Record<string, string>[];
  rollcalls: Record<string, string>[];
  votes: Record<string, string>[];
}

/** A row the importer could not use, or used only in part, and why. */
export interface ImportProblem {
  file: string;
  row: number;
  reason: string;
}

export interface ImportedBill {
  bill: Bill;
  events: HistoryEvent[];
  rollCalls: { voteId: string; at: string; rollCall: RollCallEntry[] }[];
  /** Moves the history made that the workflow has no transition for (the import mirrors the record). */
  offWorkflow: number;
}

/** LegiScan progress status → the stages it is consistent with (a cross-check of the history mapping). */
const STATUS_STAGES: Record<string, string[]> = {
  '1': ['introduced', 'committee', 'reported', 'scheduled', 'failed', 'withdrawn'],
  '2': ['passed_origin', 'second_committee', 'second_reported', 'second_scheduled', 'failed'],
  '3': ['passed_both', 'with_executive', 'enacted'],
  '4': ['signed', 'enacted'],
  '5': ['vetoed'],
  '6': ['failed'],
};

const group = <T>(rows: T[], key: (r: T) => string) => {
  const map = new Map<string, T[]>();
  for (const r of rows) map.set(key(r), [...(map.get(key(r)) ?? []), r]);
  return map;
};

/**
 * Maps a LegiScan export onto bills of the catalog's bill workflow: sponsors, documents, every history
 * action as an event (a stage move when its classification leads to another stage), every roll call as a
 * vote with its member votes. Deterministic: the same export always gives the same records, so a re-import
 * can compare hashes and write nothing. Pure: no I/O.
 */
export function mapLegiscanExport(
  data: LegiscanExport,
  opts: { workflow: Workflow; serviceCode: string; sessionName: (sessionId: string) => string },
): { bills: ImportedBill[]; problems: ImportProblem[] } {
  data = decodeExport(data);
  const problems: ImportProblem[] = [];
  const billIds = new Set(data.bills.map((b) => b.bill_id));
  const people = new Map(data.people.map((p) => [p.people_id as string, p]));
  const orphan = (file: string, rows: Record<string, string>[], what: string) =>
    rows.forEach((r, i) => {
      if (!billIds.has(r.bill_id as string))
        problems.push({ file, row: i + 2, reason: `${what} names bill_id ${r.bill_id}, which bills.csv does not have` });
    });
  orphan('history.csv', data.history, 'action');
  orphan('sponsors.csv', data.sponsors, 'sponsor');
  orphan('rollcalls.csv', data.rollcalls, 'roll call');
  const history = group(data.history, (r) => r.bill_id as string);
  const sponsors = group(
    data.sponsors.map((r, i): Record<string, string> => ({ ...r, row: String(i + 2) })),
    (r) => r.bill_id as string,
  );
  const rollcalls = group(data.rollcalls, (r) => r.bill_id as string);
  const rollCallIds = new Set(data.rollcalls.map((r) => r.roll_call_id));
  const memberVotes = group(
    data.votes.filter((v, i) => {
      if (rollCallIds.has(v.roll_call_id)) return true;
      problems.push({
        file: 'votes.csv',
        row: i + 2,
        reason: `member vote names roll_call_id ${v.roll_call_id}, which rollcalls.csv does not have`,
      });
      return false;
    }),
    (r) => r.roll_call_id as string,
  );
  const bills = data.bills.map((row, i) => {
    const ctx = { row: i + 2, problems, people, workflow: opts.workflow };
    const steps = (history.get(row.bill_id as string) ?? []).sort((a, b) => Number(a.sequence) - Number(b.sequence));
    return mapBill(row, steps, sponsors.get(row.bill_id as string) ?? [], rollcalls.get(row.bill_id as string) ?? [], memberVotes, {
      ...ctx,
      serviceCode: opts.serviceCode,
      session: opts.sessionName(row.session_id as string),
    });
  });
  return { bills, problems };
}

/**
 * The bill's two links (its LegiScan page and the legislature's), each only if it is a plain http(s)
 * URL: anything else (`javascript:`, `data:`…) would end up in an `href`, so it is left out and reported.
 */
function importedDocuments(row: Record<string, string>, number: string, ctx: MapContext): Bill['documents'] {
  const links: [string, string][] = [
    ['url', 'LegiScan'],
    ['state_link', 'Legislature'],
  ];
  return links.flatMap(([column, label]) => {
    const url = row[column]?.trim();
    if (!url) return [];
    const problem = httpUrlProblem(url);
    if (!problem) return [{ label, url }];
    ctx.problems.push({
      file: 'bills.csv',
      row: ctx.row,
      reason: `${number}: ${column} ${JSON.stringify(url.slice(0, 80))} left out: ${problem}`,
    });
    return [];
  });
}

export interface MapContext {
  row: number;
  problems: ImportProblem[];
  people: Map<string, Record<string, string>>;
  workflow: Workflow;
  serviceCode: string;
  session: string;
}

function mapBill(
  row: Record<string, string>,
  steps: Record<string, string>[],
  sponsorRows: Record<string, string>[],
  rollcallRows: Record<string, string>[],
  memberVotes: Map<string, Record<string, string>[]>,
  ctx: MapContext,
): ImportedBill {
  const billId = row.bill_id as string;
  const number = normalizeNumber(row.bill_number as string);
  const origin: Chamber = /^S/i.test(number) ? 'Senate' : /^H/i.test(number) ? 'House' : (chamberOf(steps[0]?.chamber) ?? 'House');
  const id = `legiscan-${billId}`;
  const initial = stateOf(ctx.workflow, ctx.workflow.initial);
  const firstDate = steps[0]?.date || row.status_date || row.last_action_date || '1970-01-01';
  if (steps.length === 0)
    ctx.problems.push({ file: 'bills.csv', row: ctx.row, reason: `${number} has no history; imported as "${initial.label}"` });

  let state: WorkflowState = initial;
  let pendingCommittees = 0;
  let scheduledVote: Bill['scheduledVote'];
  let offWorkflow = 0;
  let closedAt: string | undefined;
  const events: HistoryEvent[] = [
    {
      id: `${id}-00000`,
      at: noon(firstDate),
      actor: { type: 'system' },
      type: 'created',
      to: initial.id,
      note: 'Imported from LegiScan.',
      visibility: 'public',
    },
  ];
  for (const step of steps) {
    const at = noon(step.date as string);
    const chamber = chamberOf(step.chamber) ?? origin;
    const side = chamber === origin ? 'origin' : 'second';
    const kind = classifyAction(step.action as string);
    let target: WorkflowState | undefined;
    if (kind === 'referral-committee' || kind === 'referral-list') {
      const entering = state.chamber !== side || !['referral-committee', 'introduction'].some((c) => state.classification?.includes(c));
      pendingCommittees = (entering ? 0 : pendingCommittees) + committeesReferred(step.action as string);
      target = stateForAction(ctx.workflow, 'referral-committee', side);
    } else if (kind === 'committee-report') {
      pendingCommittees = Math.max(0, pendingCommittees - 1);
      target = stateForAction(ctx.workflow, pendingCommittees > 0 ? 'referral-committee' : 'committee-passage', side);
    } else if (kind === 'introduction' && side === 'origin') {
      target = undefined; // already introduced
    } else if (kind) {
      target = stateForAction(ctx.workflow, kind, side);
    }
    const moves = target && target.id !== state.id;
    const id2 = `${id}-${String(step.sequence).padStart(5, '0')}`;
    if (moves && target) {
      if (!ctx.workflow.transitions.some((t) => t.from === state.id && t.to === target.id)) offWorkflow++;
      events.push({
        id: id2,
        at,
        actor: { type: 'system' },
        type: 'transition',
        from: state.id,
        to: target.id,
        note: `${chamber}: ${step.action}`,
        visibility: 'public',
      });
      closedAt = target.phase === 'done' ? at : undefined;
      state = target;
    } else {
      events.push({ id: id2, at, actor: { type: 'system' }, type: 'action', note: `${chamber}: ${step.action}`, visibility: 'public' });
    }
    if (kind === 'scheduling' && isScheduledState(state))
      scheduledVote = { at: scheduledDate(step.action as string, step.date as string), chamber };
    else if (!isScheduledState(state)) scheduledVote = undefined;
  }
  const expected = STATUS_STAGES[row.status as string];
  if (expected && !expected.includes(state.id)) {
    ctx.problems.push({
      file: 'bills.csv',
      row: ctx.row,
      reason: `${number}: LegiScan status "${row.status_desc}" but its last stage-changing action leads to "${state.label}"; kept "${state.label}"`,
    });
  }
  const { votes, rollCalls } = mapVotes(id, rollcallRows, memberVotes, origin, ctx);
  const last = events.at(-1) as HistoryEvent;
  const bill: Bill = stripUndefined({
    id,
    reference: `LS-${billId}`,
    kind: 'bill',
    serviceCode: ctx.serviceCode,
    number,
    session: ctx.session,
    title: row.title || number,
    summary: row.description || row.title || number,
    description: row.description || row.title || number,
    chamber: origin,
    sponsors: mapSponsors(sponsorRows, ctx),
    committee: row.committee || undefined,
    documents: importedDocuments(row, number, ctx),
    scheduledVote,
    votes,
    status: state.id,
    phase: state.phase,
    priority: 'normal',
    version: events.length,
    createdAt: events[0]!.at,
    updatedAt: last.at,
    closedAt,
  });
  const hash = createHash('sha256').update(JSON.stringify({ bill, events, rollCalls })).digest('hex').slice(0, 32);
  bill.source = { system: 'legiscan', billId, hash };
  return { bill, events, rollCalls, offWorkflow };
}
