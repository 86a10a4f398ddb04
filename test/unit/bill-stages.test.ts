import { describe, expect, it } from 'vitest';
import type { BillState } from '../../shared/api-types.js';
import { billService } from '../../shared/bills/service.js';
import { progressOf, stageLabel, stageTrack } from '../../site/src/scripts/bill-stages.js';

const states = billService().workflow.states as BillState[];

describe('the stage track of the bill page', () => {
  it('marks the stages before the current one done and the rest to come', () => {
    const track = stageTrack(states, { status: 'reported', chamber: 'House', history: [] });
    expect(track.slice(0, 4).map((s) => s.state)).toEqual(['done', 'done', 'current', 'todo']);
    expect(track.at(-1)).toMatchObject({ id: 'enacted', state: 'todo' });
  });

  it('ends a failed bill where its history reached, with the failure as the current step', () => {
    const history = [
      { at: 'x', actor: 'a', type: 'transition', from: 'introduced', to: 'scheduled' },
      { at: 'y', actor: 'a', type: 'vote', from: 'scheduled', to: 'failed' },
    ];
    const track = stageTrack(states, { status: 'failed', chamber: 'House', history });
    expect(track.map((s) => `${s.id}:${s.state}`)).toEqual([
      'introduced:done',
      'committee:done',
      'reported:done',
      'scheduled:done',
      'failed:current',
    ]);
  });

  it('names the chamber in each chamber stage', () => {
    const byId = (id: string) => states.find((s) => s.id === id)!;
    expect(stageLabel(byId('passed_origin'), { chamber: 'Senate' })).toBe('Passed the Senate');
    expect(stageLabel(byId('second_committee'), { chamber: 'Senate' })).toBe('In committee · House');
    expect(stageLabel(byId('with_executive'), { chamber: 'Senate' })).toBe('With the executive');
  });

  it('counts progress along the main road', () => {
    expect(progressOf(states, 'introduced')).toEqual({ step: 1, of: 12 });
    expect(progressOf(states, 'enacted')).toEqual({ step: 12, of: 12 });
  });
});
