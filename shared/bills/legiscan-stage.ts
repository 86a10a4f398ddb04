import type { Workflow, WorkflowState } from '../catalog/index.js';
import { stateOf } from '../workflow.js';

/**
 * What LegiScan's `status` (its progress code) allows as a bill's final stage. The action walk decides
 * the path; when it ends on a stage the status does not allow, the status wins (see `reconcileStatus`).
 * 1-3 allow the stages a lagging status still fits (LegiScan updates `status` after the journal: an
 * "Introduced" bill may already be calendared, an "Enrolled" resolution may already be filed); 4-6 are
 * outcomes and allow only their done stage.
 */
export const STATUS_STAGES: Record<string, { label: string; stages: string[] }> = {
  '1': { label: 'Introduced', stages: ['introduced', 'committee', 'reported', 'scheduled', 'failed', 'withdrawn'] },
  '2': { label: 'Engrossed', stages: ['passed_origin', 'second_committee', 'second_reported', 'second_scheduled', 'failed', 'withdrawn'] },
  '3': { label: 'Enrolled', stages: ['passed_both', 'with_executive', 'signed', 'enacted'] },
  '4': { label: 'Passed', stages: ['enacted'] },
  '5': { label: 'Vetoed', stages: ['vetoed'] },
  '6': { label: 'Failed', stages: ['failed', 'withdrawn'] },
};

/** The path stages in the order a bill goes through them; the done outcomes off the path come after. */
const PATH = [
  'introduced',
  'committee',
  'reported',
  'scheduled',
  'passed_origin',
  'second_committee',
  'second_reported',
  'second_scheduled',
  'passed_both',
  'with_executive',
  'signed',
  'enacted',
];

/** How far along the path a stage is (done outcomes off the path rank last). */
export function stageRank(stateId: string): number {
  const i = PATH.indexOf(stateId);
  return i === -1 ? PATH.length : i;
}

/**
 * The final stage for a bill whose action walk ended at `walk`, given LegiScan's status code: the walk's
 * stage when the status allows it (or the status is missing or unknown), else the allowed stage nearest
 * to the walk's along the path (an "Enrolled" bill the walk left in second-chamber committee goes to
 * "Passed both chambers"; a "Passed" one to "Enacted"; a "Failed" one to "Failed").
 * @example reconcileStatus(billWorkflow, 'second_committee', '4').id // 'enacted'
 */
export function reconcileStatus(workflow: Workflow, walk: string, status: string | undefined): WorkflowState {
  const allowed = STATUS_STAGES[status ?? '']?.stages;
  if (!allowed || allowed.includes(walk)) return stateOf(workflow, walk);
  const rank = stageRank(walk);
  const best = [...allowed].sort((a, b) => Math.abs(stageRank(a) - rank) - Math.abs(stageRank(b) - rank) || stageRank(b) - stageRank(a));
  return stateOf(workflow, best[0] as string);
}
