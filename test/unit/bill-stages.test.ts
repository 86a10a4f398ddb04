import { describe, expect, it } from 'vitest';
import type { BillState } from '../../shared/api-types.js';
import { billService } from '../../shared/bills/service.js';
import { translator } from '../../shared/i18n/board.js';
import { progressOf, stageLabel, stageTrack, voteSummary } from '../../site/src/scripts/bill-stages.js';

const states = billService().workflow.states as BillState[];
const en = translator('en');
const cy = translator('cy');
const es = translator('es');

describe('the stage track of the bill page', () => {
  it('marks the stages before the current one done and the rest to come', () => {
    const track = stageTrack(states, { status: 'reported', chamber: 'House', history: [] }, en);
    expect(track.slice(0, 4).map((s) => s.state)).toEqual(['done', 'done', 'current', 'todo']);
    expect(track.at(-1)).toMatchObject({ id: 'enacted', state: 'todo' });
  });

  it('ends a failed bill where its history reached, with the failure as the current step', () => {
    const history = [
      { at: 'x', actor: 'a', type: 'transition', from: 'introduced', to: 'scheduled' },
      { at: 'y', actor: 'a', type: 'vote', from: 'scheduled', to: 'failed' },
    ];
    const track = stageTrack(states, { status: 'failed', chamber: 'House', history }, en);
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
    expect(stageLabel(byId('passed_origin'), { chamber: 'Senate' }, en)).toBe('Passed the Senate');
    expect(stageLabel(byId('second_committee'), { chamber: 'Senate' }, en)).toBe('In committee · House');
    expect(stageLabel(byId('with_executive'), { chamber: 'Senate' }, en)).toBe('With the executive');
  });

  it('counts progress along the main road', () => {
    expect(progressOf(states, 'introduced')).toEqual({ step: 1, of: 12 });
    expect(progressOf(states, 'enacted')).toEqual({ step: 12, of: 12 });
  });
});

describe('the bill pages in Welsh and Spanish', () => {
  const byId = (id: string) => states.find((s) => s.id === id)!;

  it('names the chamber in a sentence of the language, the chamber keeping the legislature’s own name', () => {
    expect(stageLabel(byId('passed_origin'), { chamber: 'Senate' }, cy)).toBe("Wedi'i basio gan Senate");
    expect(stageLabel(byId('passed_origin'), { chamber: 'Senate' }, es)).toBe('Aprobado en Senate');
  });

  it('drops a translated second-chamber note in brackets, as the English one, for the chamber’s name', () => {
    // The label comes from the API in the page's language: here as a council's Spanish translation would word it.
    const translated = { ...byId('second_committee'), label: 'En comisión (segunda cámara)' };
    expect(stageLabel(translated, { chamber: 'Senate' }, es)).toBe('En comisión · House');
    // control: an origin-chamber stage keeps its brackets, which are part of its name
    const origin = { ...byId('committee'), label: 'En comisión (primera lectura)' };
    expect(stageLabel(origin, { chamber: 'Senate' }, es)).toBe('En comisión (primera lectura) · Senate');
  });

  it('sums up a vote in one sentence per outcome, with the language’s plurals', () => {
    const vote = { result: 'pass', yes: 31, no: 8, abstain: 1, absent: 0 };
    expect(voteSummary(vote, en)).toBe('Passed 31–8 (1 abstain, 0 absent)');
    expect(voteSummary(vote, cy)).toBe('Pasiwyd 31–8 (1 yn ymatal, 0 yn absennol)');
    expect(voteSummary(vote, es)).toBe('Aprobado 31–8 (1 abstención, 0 ausentes)');
    expect(voteSummary({ ...vote, result: 'fail', abstain: 2, absent: 1 }, es)).toBe('Rechazado 31–8 (2 abstenciones, 1 ausente)');
  });
});
