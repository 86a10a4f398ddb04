/** Where a promise stands: open ones on track, at risk (75 % of the time used) or breached; kept ones met or missed. */
export type SlaState = 'on_track' | 'at_risk' | 'breached' | 'met' | 'missed';

/** At risk once this share of the allowed time is used. */
export const AT_RISK_FRACTION = 0.75;

/** One clock of a promise as stored on an item: when it turns at risk, when it is due, when it was kept. */
export interface SlaClock {
  atRiskAt?: string;
  dueAt: string;
  doneAt?: string;
}

/**
 * The state of one clock at `now`. While paused the clock stands still at `pausedAt`, so a paused
 * promise does not turn at risk or breached (its times move on when it resumes).
 * @example clockState({dueAt: '2025-01-14T17:00:00Z'}, '2025-01-15T09:00:00Z') // 'breached'
 */
export function clockState(clock: SlaClock, now: string, pausedAt?: string): SlaState {
  if (clock.doneAt) return clock.doneAt <= clock.dueAt ? 'met' : 'missed';
  const at = pausedAt && pausedAt < now ? pausedAt : now;
  if (at > clock.dueAt) return 'breached';
  if (clock.atRiskAt && at >= clock.atRiskAt) return 'at_risk';
  return 'on_track';
}

const RANK: Record<SlaState, number> = { met: 0, on_track: 1, at_risk: 2, missed: 3, breached: 4 };

/** The worse of several states: what an item's one `state` says about all its open promises. */
export function worstState(states: SlaState[]): SlaState | undefined {
  return states.reduce<SlaState | undefined>((w, s) => (w === undefined || RANK[s] > RANK[w] ? s : w), undefined);
}
