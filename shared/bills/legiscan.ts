import { createHash } from 'node:crypto';
import type { Workflow, WorkflowState } from '../catalog/index.js';
import { type HistoryEvent, stripUndefined } from '../items.js';
import { httpUrlProblem } from '../links.js';
import { stateOf } from '../workflow.js';
import { actionShape, classifyAction, committeesReferred, scheduledDate } from './legiscan-actions.js';
import { type CommitteePages, type MemberPages, mapLegiscanPeople } from './legiscan-people.js';
import { type ImportReport, importReport } from './legiscan-report.js';
import { chamberOf, decodeExport, mapSponsors, mapVotes, noon } from './legiscan-rows.js';
import { reconcileStatus, STATUS_STAGES, stageRank } from './legiscan-stage.js';
import { type Bill, type Chamber, normalizeNumber, type RollCallEntry } from './model.js';
import { inferVoteType, isScheduledState, stateForAction } from './workflow.js';

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
  /** Where the action walk (history and roll calls) left the bill, before LegiScan's status is applied. */
  walkStage: string;
  /** LegiScan's status, when it did not allow the walk's stage and so chose the final stage. */
  statusOverride?: { status: string; walk: string; chosen: string };
  /** The wording (see actionShape) of each history action no rule classified. */
  unmapped: string[];
}

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
): {
  bills: ImportedBill[];
  problems: ImportProblem[];
  report: ImportReport;
  people: { members: MemberPages[]; committees: CommitteePages[] };
} {
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
    const steps = historySteps(row, history.get(row.bill_id as string) ?? []);
    return mapBill(row, steps, sponsors.get(row.bill_id as string) ?? [], rollcalls.get(row.bill_id as string) ?? [], memberVotes, {
      ...ctx,
      serviceCode: opts.serviceCode,
      session: opts.sessionName(row.session_id as string),
    });
  });
  return { bills, problems, report: importReport(bills, opts.workflow), people: mapLegiscanPeople(data, bills) };
}

/**
 * A bill's history rows in journal order (`sequence`, then date); a bill with none but a `last_action`
 * gets that as its one step, so the action still counts towards its stage.
 */
function historySteps(row: Record<string, string>, rows: Record<string, string>[]): Record<string, string>[] {
  const order = (r: Record<string, string>) => Number(r.sequence) || 0;
  const sorted = [...rows].sort((a, b) => order(a) - order(b) || (a.date ?? '').localeCompare(b.date ?? ''));
  if (sorted.length || !row.last_action || !row.last_action_date) return sorted;
  return [
    {
      bill_id: row.bill_id as string,
      date: row.last_action_date,
      chamber: '',
      sequence: '1',
      action: row.last_action,
      fromLastAction: '1',
    },
  ];
}

/** A roll call as a walk signal: a passed passage vote in a chamber means the bill passed that chamber. */
function rollCallSignals(rows: Record<string, string>[]): Record<string, string>[] {
  return rows
    .filter((r) => {
      const motion = (r.description ?? '').replace(/^(House|Senate):\s*/, '');
      return inferVoteType(motion) === 'passage' && Number(r.yea) > Number(r.nay);
    })
    .map((r) => ({
      date: r.date as string,
      chamber: r.chamber as string,
      rollCall: r.roll_call_id as string,
      action: r.description as string,
    }));
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
  if (steps.length === 0 || steps[0]?.fromLastAction)
    ctx.problems.push({
      file: 'bills.csv',
      row: ctx.row,
      reason:
        steps.length > 0
          ? `${number} has no history; its stage comes from last_action`
          : `${number} has no history; imported as "${initial.label}"`,
    });

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
  const unmapped: string[] = [];
  // Roll calls come after the history rows of their day: they confirm a passage, or supply a missing one.
  const signals = [...steps, ...rollCallSignals(rollcallRows)].sort(
    (a, b) => (a.date ?? '').localeCompare(b.date ?? '') || (a.rollCall ? 1 : 0) - (b.rollCall ? 1 : 0),
  );
  for (const step of signals) {
    const at = noon(step.date as string);
    const chamber = chamberOf(step.chamber) ?? origin;
    const side = chamber === origin ? 'origin' : 'second';
    if (step.rollCall) {
      const target = stateForAction(ctx.workflow, 'passage', side);
      // Forward only: a roll call supplies a passage the journal's wording missed, never undoes a later step.
      if (!target || state.phase === 'done' || stageRank(target.id) <= stageRank(state.id)) continue;
      if (!ctx.workflow.transitions.some((t) => t.from === state.id && t.to === target.id)) offWorkflow++;
      events.push({
        id: `${id}-rc${step.rollCall}`,
        at,
        actor: { type: 'system' },
        type: 'transition',
        from: state.id,
        to: target.id,
        note: `${chamber}: passed on the roll call "${step.action}"`,
        visibility: 'public',
      });
      closedAt = undefined;
      state = target;
      scheduledVote = undefined;
      continue;
    }
    const kind = classifyAction(step.action as string);
    if (!kind) unmapped.push(actionShape(step.action as string));
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
  const walkStage = state.id;
  const final = reconcileStatus(ctx.workflow, state.id, row.status);
  let statusOverride: ImportedBill['statusOverride'];
  if (final.id !== state.id) {
    const status = row.status_desc || STATUS_STAGES[row.status as string]?.label || (row.status as string);
    const lastAt = (events.at(-1) as HistoryEvent).at;
    const statusAt = row.status_date ? noon(row.status_date) : lastAt;
    events.push({
      id: `${id}-status`,
      at: [statusAt, lastAt].sort()[1] as string,
      actor: { type: 'system' },
      type: 'transition',
      from: state.id,
      to: final.id,
      note: `LegiScan status: ${status} (the journal's actions lead only to "${state.label}")`,
      visibility: 'public',
    });
    statusOverride = { status, walk: state.id, chosen: final.id };
    closedAt = final.phase === 'done' ? (events.at(-1) as HistoryEvent).at : undefined;
    if (!isScheduledState(final)) scheduledVote = undefined;
    state = final;
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
  return { bill, events, rollCalls, offWorkflow, walkStage, statusOverride, unmapped };
}
