import type { BillState, PublicBill, PublicEvent } from '../../../shared/api-types.js';
import type { Translator } from '../../../shared/i18n/translator.js';
import { i18n } from './i18n.js';

/** Stages that end a bill off the main road: shown in place of the rest of the track. */
const OFF_TRACK = new Set(['failed', 'vetoed', 'withdrawn']);

export interface TrackStep {
  id: string;
  label: string;
  state: 'done' | 'current' | 'todo';
}

/**
 * A stage's label with the chamber named: "Passed the House", "In committee · Senate" (in the page's
 * language: the label is the API's, in the language it was asked for; the chamber is the legislature's
 * own name). A second-chamber stage's label ends in a note in brackets ("(second chamber)", "(segunda
 * cámara)"), which the chamber's name replaces.
 * @example stageLabel({id: 'passed_origin', label: 'Passed first chamber', phase: 'in_progress', chamber: 'origin'}, {chamber: 'House'}) // 'Passed the House'
 */
export function stageLabel(state: BillState, bill: Pick<PublicBill, 'chamber'>, tr: Translator = i18n): string {
  if (!state.chamber) return state.label;
  const chamber = state.chamber === 'origin' ? bill.chamber : bill.chamber === 'House' ? 'Senate' : 'House';
  if (state.id === 'passed_origin') return tr.t('bills.stage.passed', { chamber });
  if (state.id === 'passed_both') return state.label;
  const stage = state.chamber === 'second' ? state.label.replace(/\s*\([^()]*\)$/, '') : state.label;
  return tr.t('bills.stage.in_chamber', { stage, chamber });
}

/**
 * The bill's stage track: the workflow's main road in catalog order (every stage but the off-road
 * endings), each step done, current or still to come. A bill that failed, was vetoed or withdrawn shows
 * the road as far as its history reached, then that ending as the current step.
 * @example stageTrack(states, {status: 'committee', history: []}, bill).find((s) => s.state === 'current')?.id // 'committee'
 */
export function stageTrack(
  states: BillState[],
  bill: Pick<PublicBill, 'status' | 'chamber'> & { history?: Pick<PublicEvent, 'from' | 'to'>[] },
  tr: Translator = i18n,
): TrackStep[] {
  const road = states.filter((s) => !OFF_TRACK.has(s.id));
  const index = (id?: string) => road.findIndex((s) => s.id === id);
  let reached = index(bill.status);
  const ending = OFF_TRACK.has(bill.status) ? states.find((s) => s.id === bill.status) : undefined;
  if (ending) reached = Math.max(-1, ...(bill.history ?? []).flatMap((e) => [index(e.from), index(e.to)]));
  const steps: TrackStep[] = road.map((s, i) => ({
    id: s.id,
    label: stageLabel(s, bill, tr),
    state: i < reached || (ending && i === reached) ? 'done' : i === reached && !ending ? 'current' : 'todo',
  }));
  if (!ending) return steps;
  return [...steps.slice(0, reached + 1), { id: ending.id, label: ending.label, state: 'current' }];
}

/** "Stage 3 of 12": where a bill is on the main road, for the list's progress bar. */
export function progressOf(states: BillState[], status: string): { step: number; of: number } {
  const road = states.filter((s) => !OFF_TRACK.has(s.id));
  const at = road.findIndex((s) => s.id === status);
  return { step: at === -1 ? road.length : at + 1, of: road.length };
}

/** "Passed 31–8 (1 abstain, 0 absent)", in the page's language: one sentence per outcome. */
export function voteSummary(
  v: { result: string; yes: number; no: number; abstain: number; absent: number },
  tr: Translator = i18n,
): string {
  const counts = { yes: v.yes, no: v.no, abstain: v.abstain, absent: v.absent };
  return tr.t(v.result === 'pass' ? 'bills.vote.passed' : 'bills.vote.failed', counts);
}
