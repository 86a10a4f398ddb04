import type { Phase, Service, Workflow, WorkflowState } from './catalog/index.js';
import { TransitionNotAllowedError, ValidationError } from './errors.js';

export interface TransitionRequest {
  to: string;
  resolution?: string;
  duplicateOf?: string;
}

/** What applying a transition does to an item, decided before anything is written. */
export interface TransitionOutcome {
  from: WorkflowState;
  to: WorkflowState;
  phase: Phase;
  resolution?: string;
  duplicateOf?: string;
}

/**
 * The state with this id in a workflow.
 * @example stateOf(getService('pothole').workflow, 'new').phase // 'waiting'
 */
export function stateOf(workflow: Workflow, id: string): WorkflowState {
  const state = workflow.states.find((s) => s.id === id);
  if (!state) throw new ValidationError([{ path: 'to', message: `"${id}" is not a state of this workflow.` }]);
  return state;
}

/** The transitions a workflow allows out of a state, with their target states. */
export function transitionsFrom(workflow: Workflow, from: string) {
  return workflow.transitions.filter((t) => t.from === from).map((t) => ({ ...t, state: stateOf(workflow, t.to) }));
}

/**
 * Decides whether the workflow lets an item of `service` move from `current` to `request.to`, and what
 * that does. Who may ask is the operation's question, answered before this one.
 * Throws ValidationError (bad state or resolution) or TransitionNotAllowedError (the workflow has no such move).
 * @example planTransition(getService('pothole'), 'new', {to: 'acknowledged'}).phase // 'waiting'
 */
export function planTransition(
  service: Service,
  current: string,
  request: TransitionRequest,
  itemIdentifiers: string[] = [],
): TransitionOutcome {
  const { workflow } = service;
  const from = stateOf(workflow, current);
  const to = stateOf(workflow, request.to);
  if (!workflow.transitions.some((t) => t.from === from.id && t.to === to.id)) {
    const allowed = transitionsFrom(workflow, from.id).map((t) => t.to);
    throw new TransitionNotAllowedError(
      `An item cannot move from "${from.label}" to "${to.label}". Allowed from here: ${allowed.join(', ') || 'none'}.`,
    );
  }
  const resolution = resolve(to, request);
  const duplicateOf = resolution === 'duplicate' ? checkDuplicateOf(request.duplicateOf, itemIdentifiers) : undefined;
  if (duplicateOf === undefined && request.duplicateOf !== undefined) {
    throw new ValidationError([{ path: 'duplicateOf', message: 'duplicateOf is only allowed with resolution "duplicate".' }]);
  }
  return { from, to, phase: to.phase, resolution, duplicateOf };
}

function resolve(to: WorkflowState, request: TransitionRequest): string | undefined {
  const allowed = to.resolutions;
  if (!allowed) {
    if (request.resolution !== undefined) {
      throw new ValidationError([{ path: 'resolution', message: `"${to.label}" takes no resolution.` }]);
    }
    return undefined;
  }
  const resolution = request.resolution ?? (allowed.length === 1 ? allowed[0] : undefined);
  if (resolution === undefined || !allowed.includes(resolution)) {
    throw new ValidationError([{ path: 'resolution', message: `"${to.label}" needs a resolution, one of: ${allowed.join(', ')}.` }]);
  }
  return resolution;
}

function checkDuplicateOf(duplicateOf: string | undefined, itemIdentifiers: string[]): string {
  if (!duplicateOf) {
    throw new ValidationError([{ path: 'duplicateOf', message: 'A duplicate must name the item it duplicates.' }]);
  }
  if (itemIdentifiers.includes(duplicateOf)) {
    throw new ValidationError([{ path: 'duplicateOf', message: 'An item cannot duplicate itself.' }]);
  }
  return duplicateOf;
}
