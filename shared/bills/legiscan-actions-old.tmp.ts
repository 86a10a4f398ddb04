import type { Classification } from './workflow.js';

/**
 * LegiScan history actions → OpenStates action classifications. LegiScan's CSV keeps each state's own
 * wording; these patterns cover the Alaska Legislature's journal phrases (and the common generic
 * ones). An action that matches none is kept in the history as an "action" event and moves nothing.
 */
const PATTERNS: [RegExp, Classification | 'committee-report' | 'referral-list'][] = [
  [/^PREFILE RELEASED\b/, 'filing'],
  [/^READ THE FIRST TIME\b|^INTRODUCED\b/, 'introduction'],
  [/^NOT INTRODUCED\b|^WITHDRAWN\b/, 'withdrawal'],
  [/^REFERRED TO\b|\bREFERRAL ADDED\b/, 'referral-committee'],
  [/^[A-Z&]{2,4}(, ?[A-Z&]{2,4})*$/, 'referral-list'],
  [/^[A-Z&]{2,4} RPT\b|^DISCHARGE FROM\b/, 'committee-report'],
  [/^RULES TO CALENDAR\b|^ADVANCED TO THIRD READING\b/, 'scheduling'],
  [/^PASSED\b/, 'passage'],
  [/^FAILED PASSAGE\b|^FAILED TO PASS\b/, 'failure'],
  [/^CONCUR AM OF\b/, 'concurrence'],
  [/TRANSMITTED TO GOVERNOR\b/, 'executive-receipt'],
  [/^SIGNED INTO LAW\b/, 'executive-signature'],
  [/^VETOED BY GOVERNOR\b/, 'executive-veto'],
  [/^VETO OVERRIDDEN\b|^GOVERNOR VETO OVERRIDDEN\b/, 'veto-override-passage'],
  [/^EFFECTIVE DATE\(S\) OF LAW\b|^BECAME LAW WITHOUT SIGNATURE\b|^(HOUSE|SENATE|LEGISLATIVE) RESOLVE NO\b/, 'became-law'],
];

export type ActionKind = Classification | 'committee-report' | 'referral-list';

/**
 * What a history action means, or undefined for actions that change no stage (amendments, fiscal
 * notes, cosponsors, readings that do not schedule).
 * @example classifyAction('PASSED Y34 N6') // 'passage'
 */
export function classifyAction(action: string): ActionKind | undefined {
  const text = action.trim().toUpperCase();
  return PATTERNS.find(([pattern]) => pattern.test(text))?.[1];
}

/** How many committees a referral names: "L&C, FIN" → 2, "REFERRED TO FINANCE" → 1. */
export function committeesReferred(action: string): number {
  const text = action.trim().toUpperCase();
  return /^[A-Z&]{2,4}(, ?[A-Z&]{2,4})*$/.test(text) ? text.split(',').length : 1;
}

/**
 * A calendar date in a scheduling action ("RULES TO CALENDAR 4/11/2025", "ADVANCED TO THIRD READING
 * 4/14 CALENDAR"), as an ISO time at noon UTC; the action's own date when it names none.
 * @example scheduledDate('ADVANCED TO THIRD READING 4/14 CALENDAR', '2025-04-11') // '2025-04-14T12:00:00.000Z'
 */
export function scheduledDate(action: string, actionDate: string): string {
  const match = /(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?/.exec(action);
  const year = actionDate.slice(0, 4);
  if (!match) return `${actionDate}T12:00:00.000Z`;
  const y = match[3] ? (match[3].length === 2 ? `20${match[3]}` : match[3]) : year;
  const iso = `${y}-${match[1]!.padStart(2, '0')}-${match[2]!.padStart(2, '0')}T12:00:00.000Z`;
  return Number.isNaN(Date.parse(iso)) ? `${actionDate}T12:00:00.000Z` : iso;
}
