import { describe, expect, it } from 'vitest';
import { getService } from '../../shared/catalog/index.js';
import { TransitionNotAllowedError, ValidationError } from '../../shared/errors.js';
import { planTransition, type TransitionRequest, transitionsFrom } from '../../shared/workflow.js';

/**
 * The road-fault lifecycle as a council runs it, written case by case from what each move means
 * (SPEC §3, the catalog's labels), never derived from the catalog's own transition table.
 * Who may move a report, and resolutions: workflow-rules.test.ts.
 */
const pothole = getService('pothole');
/** The item's own id and reference: what a duplicate must not name. */
const SELF = ['01SELF', 'RF-0000001'];

const move = (from: string, request: string | TransitionRequest) =>
  planTransition(pothole, from, typeof request === 'string' ? { to: request } : request, SELF);

describe('a road fault report moves along', () => {
  it('a new report can be acknowledged, and stays in the queue', () => {
    expect(move('new', 'acknowledged')).toMatchObject({ to: { id: 'acknowledged' }, phase: 'waiting' });
  });

  it('a new report can go straight to work', () => {
    expect(move('new', 'in_progress')).toMatchObject({ to: { id: 'in_progress' }, phase: 'in_progress' });
  });

  it('an acknowledged report can go to work', () => {
    expect(move('acknowledged', 'in_progress')).toMatchObject({ to: { id: 'in_progress' }, phase: 'in_progress' });
  });

  it('work in progress can be put on hold, which is still in progress', () => {
    expect(move('in_progress', 'on_hold')).toMatchObject({ to: { id: 'on_hold' }, phase: 'in_progress' });
  });

  it('work on hold can resume', () => {
    expect(move('on_hold', 'in_progress')).toMatchObject({ to: { id: 'in_progress' }, phase: 'in_progress' });
  });

  it('work in progress can be returned to the queue without reopening anything', () => {
    expect(move('in_progress', 'acknowledged')).toMatchObject({ to: { id: 'acknowledged' }, phase: 'waiting' });
  });

  it('work in progress can be marked fixed, which finishes it with the resolution "fixed"', () => {
    expect(move('in_progress', 'fixed')).toMatchObject({ to: { id: 'fixed' }, phase: 'done', resolution: 'fixed' });
  });

  it('a fixed pothole can be reopened: it goes back to the queue as acknowledged', () => {
    expect(move('fixed', 'acknowledged')).toMatchObject({ to: { id: 'acknowledged' }, phase: 'waiting', from: { phase: 'done' } });
  });

  it('a closed report can be reopened the same way', () => {
    expect(move('closed', 'acknowledged')).toMatchObject({ to: { id: 'acknowledged' }, phase: 'waiting', from: { phase: 'done' } });
  });
});

describe('a report can be closed without a fix from any unfinished state', () => {
  it('a new report can be closed as not the council’s', () => {
    expect(move('new', { to: 'closed', resolution: 'not_ours' })).toMatchObject({ phase: 'done', resolution: 'not_ours' });
  });

  it('an acknowledged report can be closed as needing no action', () => {
    expect(move('acknowledged', { to: 'closed', resolution: 'no_action' })).toMatchObject({ phase: 'done', resolution: 'no_action' });
  });

  it('work in progress can be closed when the crew cannot find the fault', () => {
    expect(move('in_progress', { to: 'closed', resolution: 'cannot_locate' })).toMatchObject({
      phase: 'done',
      resolution: 'cannot_locate',
    });
  });

  it('work on hold can be closed as a duplicate of the original report', () => {
    const outcome = move('on_hold', { to: 'closed', resolution: 'duplicate', duplicateOf: 'RF-0000002' });
    expect(outcome).toMatchObject({ phase: 'done', resolution: 'duplicate', duplicateOf: 'RF-0000002' });
  });
});

describe('moves a council would not make are refused', () => {
  const refused = (from: string, to: string) => () => move(from, { to, resolution: to === 'closed' ? 'no_action' : undefined });

  it('a new or merely acknowledged report cannot jump to fixed: the work must start first', () => {
    expect(refused('new', 'fixed')).toThrow(TransitionNotAllowedError);
    expect(refused('acknowledged', 'fixed')).toThrow(TransitionNotAllowedError);
  });

  it('work on hold cannot be marked fixed without resuming', () => {
    expect(refused('on_hold', 'fixed')).toThrow(TransitionNotAllowedError);
  });

  it('a finished report is reopened to the queue, not straight back to work or on hold', () => {
    expect(refused('fixed', 'in_progress')).toThrow(TransitionNotAllowedError);
    expect(refused('closed', 'in_progress')).toThrow(TransitionNotAllowedError);
    expect(refused('fixed', 'on_hold')).toThrow(TransitionNotAllowedError);
  });

  it('a finished report cannot swap one outcome for another without being reopened', () => {
    expect(refused('fixed', 'closed')).toThrow(TransitionNotAllowedError);
    expect(refused('closed', 'fixed')).toThrow(TransitionNotAllowedError);
  });

  it('nothing goes back to "Reported": that state is only where a citizen’s report starts', () => {
    for (const from of ['acknowledged', 'in_progress', 'on_hold', 'fixed', 'closed'])
      expect(refused(from, 'new'), from).toThrow(TransitionNotAllowedError);
  });

  it('a report cannot be put on hold before work has started', () => {
    expect(refused('new', 'on_hold')).toThrow(TransitionNotAllowedError);
    expect(refused('acknowledged', 'on_hold')).toThrow(TransitionNotAllowedError);
  });

  it('moving a report to the state it is already in is not a transition', () => {
    for (const state of ['new', 'acknowledged', 'in_progress', 'on_hold'])
      expect(refused(state, state), state).toThrow(TransitionNotAllowedError);
  });

  it('a refused move says which moves are allowed from here', () => {
    expect(refused('new', 'fixed')).toThrow(/Reported.*Fixed.*acknowledged, in_progress, closed/);
  });

  it('a state the workflow does not have is a validation error naming it', () => {
    expect(() => move('new', 'teleported')).toThrow(ValidationError);
    expect(() => move('new', 'teleported')).toThrow(/teleported/);
  });
});

describe('the moves staff are offered (the console’s buttons)', () => {
  const offered = (from: string) => transitionsFrom(pothole.workflow, from).map((t) => `${t.label} → ${t.to}`);

  it('on a new report: acknowledge, start work, close, or ask the reporter', () => {
    expect(offered('new')).toEqual([
      'Acknowledge → acknowledged',
      'Start work → in_progress',
      'Close → closed',
      'Ask the reporter → awaiting_info',
    ]);
  });

  it('on an acknowledged report: start work, close, or ask the reporter', () => {
    expect(offered('acknowledged')).toEqual(['Start work → in_progress', 'Close → closed', 'Ask the reporter → awaiting_info']);
  });

  it('while waiting for the reporter: back to the queue once they answer, or close', () => {
    expect(offered('awaiting_info')).toEqual(['Reporter answered → acknowledged', 'Close → closed']);
  });

  it('on work in progress: hold, return to the queue, mark fixed, or close', () => {
    expect(offered('in_progress')).toEqual([
      'Put on hold → on_hold',
      'Return to queue → acknowledged',
      'Mark fixed → fixed',
      'Close → closed',
    ]);
  });

  it('on work on hold: resume or close', () => {
    expect(offered('on_hold')).toEqual(['Resume work → in_progress', 'Close → closed']);
  });

  it('on a finished report: only reopen', () => {
    expect(offered('fixed')).toEqual(['Reopen → acknowledged']);
    expect(offered('closed')).toEqual(['Reopen → acknowledged']);
  });
});
