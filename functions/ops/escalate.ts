import { ulid } from 'ulid';
import { markEscalated, planEscalation } from '../../shared/sla/index.js';
import { commit } from '../store/commit.js';
import { CommitError } from '../store/errors.js';
import { listEscalationDue, refreshSlaIndex } from '../store/escalations.js';
import { findItem } from '../store/items.js';

/** How many items one run looks at; the rest wait for the next run (every few minutes). */
export const ESCALATION_BATCH = 200;

export interface EscalationRun {
  escalated: number;
  refreshed: number;
  skipped: number;
}

/**
 * The escalation job: every report whose promise turned at risk or breached since the last run gets an
 * internal event and an email to its service's team, once per level. "Once" is a record per item and
 * level written with the change (`attribute_not_exists`): a run that crashed half way, two runs at
 * once, or a restarted local stack can try again, and only the first of them commits.
 */
export async function escalateDue(now = new Date()): Promise<EscalationRun> {
  const at = now.toISOString();
  const run: EscalationRun = { escalated: 0, refreshed: 0, skipped: 0 };
  for (const id of await listEscalationDue(at, ESCALATION_BATCH)) {
    const item = await findItem(id, true);
    if (!item) continue;
    const plan = planEscalation(item, at, ulid());
    if (!plan) {
      if (await refreshSlaIndex(item)) run.refreshed++;
      continue;
    }
    try {
      await commit({ change: plan.change, before: item, escalation: { level: plan.level } });
      run.escalated++;
    } catch (err) {
      if (!(err instanceof CommitError)) throw err;
      // Emailed before, but the mark on the item was lost (a write from an older read): mark it, send nothing.
      if (err.reason === 'escalated-already')
        await commit({ change: markEscalated(item, plan.level), before: item }).catch(() => undefined);
      // Stale or contended: the item changed under us; the next run decides on its new state.
      run.skipped++;
    }
  }
  return run;
}
