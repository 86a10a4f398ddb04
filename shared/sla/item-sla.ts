import type { WorkingCalendar } from './calendar.js';
import { dueAt, extendByPause, type SlaTarget } from './due.js';
import { AT_RISK_FRACTION, clockState, type SlaClock, type SlaState, worstState } from './state.js';

/** A service's promise, as the catalog states it (SPEC §7). */
export interface SlaPolicy {
  firstResponse?: SlaTarget;
  resolution?: SlaTarget;
  pausedIn?: string[];
}

/** The escalation levels, in order: each emails the team once. */
export type EscalationLevel = 'at_risk' | 'breached';

/**
 * An item's promise as stored: due times fixed at create (moved on by pauses), the times each clock
 * turns at risk, when staff first answered, whether the clock stands still and how far escalation got.
 * Imported items may carry only `resolutionDueAt` (the source system's due date).
 */
export interface ItemSla {
  firstResponseDueAt?: string;
  firstResponseAtRiskAt?: string;
  firstRespondedAt?: string;
  resolutionDueAt?: string;
  resolutionAtRiskAt?: string;
  /** The item sits in a `pausedIn` state since then: the clocks stand still. */
  pausedAt?: string;
  /** The last level the team was emailed about. */
  escalated?: EscalationLevel;
}

/** What the public (and staff) see of the promise: SPEC §9. */
export interface PublicSla {
  firstResponseDueAt?: string;
  firstRespondedAt?: string;
  resolutionDueAt?: string;
  state: SlaState;
  paused: boolean;
}

const iso = (d: Date) => d.toISOString();

/**
 * The promise on a new item: due and at-risk times from its creation, or undefined for a service with
 * no SLA. A service whose first state is a paused one starts paused.
 * @example startSla({resolution: {amount: 10, unit: 'working_days'}}, '2025-01-02T10:00:00Z', 'new', cal)
 */
export function startSla(policy: SlaPolicy | undefined, createdAt: string, status: string, cal: WorkingCalendar): ItemSla | undefined {
  if (!policy || (!policy.firstResponse && !policy.resolution)) return undefined;
  const start = new Date(createdAt);
  const sla: ItemSla = {};
  if (policy.firstResponse) {
    sla.firstResponseDueAt = iso(dueAt(start, policy.firstResponse, cal));
    sla.firstResponseAtRiskAt = iso(dueAt(start, policy.firstResponse, cal, AT_RISK_FRACTION));
  }
  if (policy.resolution) {
    sla.resolutionDueAt = iso(dueAt(start, policy.resolution, cal));
    sla.resolutionAtRiskAt = iso(dueAt(start, policy.resolution, cal, AT_RISK_FRACTION));
  }
  if (policy.pausedIn?.includes(status)) sla.pausedAt = createdAt;
  return sla;
}

/**
 * The promise after a staff action at `now`: a public action answers the first response (once); moving
 * into a `pausedIn` state stops the clocks; moving out moves every open due time on by the pause.
 * @example afterAction(sla, policy, {to: 'awaiting_info', publicAction: true, now}, cal).pausedAt // now
 */
export function afterAction(
  sla: ItemSla | undefined,
  policy: SlaPolicy | undefined,
  action: { to?: string; publicAction: boolean; now: string },
  cal: WorkingCalendar,
): ItemSla | undefined {
  if (!sla) return sla;
  const next: ItemSla = { ...sla };
  if (action.publicAction && !next.firstRespondedAt) next.firstRespondedAt = action.now;
  if (action.to === undefined || !policy) return next;
  const pausing = policy.pausedIn?.includes(action.to) ?? false;
  if (pausing && !next.pausedAt) next.pausedAt = action.now;
  if (!pausing && next.pausedAt) {
    const from = new Date(next.pausedAt);
    const to = new Date(action.now);
    const move = (at: string | undefined, target: SlaTarget | undefined) =>
      at && target ? iso(extendByPause(new Date(at), from, to, target.unit, cal)) : at;
    if (!next.firstRespondedAt) {
      next.firstResponseDueAt = move(next.firstResponseDueAt, policy.firstResponse);
      next.firstResponseAtRiskAt = move(next.firstResponseAtRiskAt, policy.firstResponse);
    }
    next.resolutionDueAt = move(next.resolutionDueAt, policy.resolution);
    next.resolutionAtRiskAt = move(next.resolutionAtRiskAt, policy.resolution);
    delete next.pausedAt;
  }
  return stripped(next);
}

function stripped(sla: ItemSla): ItemSla {
  return Object.fromEntries(Object.entries(sla).filter(([, v]) => v !== undefined)) as ItemSla;
}

function clocks(sla: ItemSla, closedAt?: string): SlaClock[] {
  const list: SlaClock[] = [];
  if (sla.firstResponseDueAt) {
    list.push({ dueAt: sla.firstResponseDueAt, atRiskAt: sla.firstResponseAtRiskAt, doneAt: sla.firstRespondedAt ?? closedAt });
  }
  if (sla.resolutionDueAt) list.push({ dueAt: sla.resolutionDueAt, atRiskAt: sla.resolutionAtRiskAt, doneAt: closedAt });
  return list;
}

/**
 * Where the promise stands at `now`: the worst of the clocks still running, or, when all have stopped,
 * the worst of how they ended. A closed item stands where its resolution ended.
 * @example slaState({resolutionDueAt: '2025-01-14T17:00:00Z'}, undefined, '2025-01-10T12:00:00Z') // 'on_track'
 */
export function slaState(sla: ItemSla, closedAt: string | undefined, now: string): SlaState | undefined {
  const all = clocks(sla, closedAt);
  if (closedAt && sla.resolutionDueAt) return closedAt <= sla.resolutionDueAt ? 'met' : 'missed';
  const open = all.filter((c) => !c.doneAt);
  return worstState((open.length ? open : all).map((c) => clockState(c, now, sla.pausedAt)));
}

/** The public view of an item's promise at `now`, or undefined when it has none. */
export function publicSla(sla: ItemSla | undefined, closedAt: string | undefined, now: string): PublicSla | undefined {
  if (!sla) return undefined;
  const state = slaState(sla, closedAt, now);
  if (!state) return undefined;
  return stripped({
    firstResponseDueAt: sla.firstResponseDueAt,
    firstRespondedAt: sla.firstRespondedAt,
    resolutionDueAt: sla.resolutionDueAt,
    state,
    paused: !closedAt && !!sla.pausedAt,
  } as PublicSla) as PublicSla;
}

/**
 * When the item next needs its team emailed, and about which level: the earliest at-risk or due time,
 * among the clocks still running, of a level not yet sent. Undefined when closed, paused or all sent.
 */
export function nextEscalation(sla: ItemSla | undefined, closedAt?: string): { at: string; level: EscalationLevel } | undefined {
  if (!sla || closedAt || sla.pausedAt || sla.escalated === 'breached') return undefined;
  const open = clocks(sla).filter((c) => !c.doneAt);
  const candidates: { at: string; level: EscalationLevel }[] = [];
  for (const c of open) {
    if (!sla.escalated && c.atRiskAt) candidates.push({ at: c.atRiskAt, level: 'at_risk' });
    candidates.push({ at: c.dueAt, level: 'breached' });
  }
  return candidates.sort((a, b) => a.at.localeCompare(b.at))[0];
}

/** The level an item has reached at `now` that its team has not been emailed about, if any. */
export function dueEscalation(sla: ItemSla | undefined, closedAt: string | undefined, now: string): EscalationLevel | undefined {
  if (!sla || closedAt || sla.pausedAt) return undefined;
  const state = slaState(sla, undefined, now);
  if (state === 'breached' && sla.escalated !== 'breached') return 'breached';
  if (state === 'at_risk' && !sla.escalated) return 'at_risk';
  return undefined;
}

/** The earliest due time among the clocks still running (for the escalation email). */
export function openDueOf(sla: ItemSla): string | undefined {
  return clocks(sla)
    .filter((c) => !c.doneAt)
    .map((c) => c.dueAt)
    .sort()[0];
}
