import type { PublicSla, ServiceView } from '../../../shared/api-types.js';

type Target = NonNullable<NonNullable<ServiceView['sla']>['resolution']>;

const UNIT_WORDS: Record<Target['unit'], [string, string]> = {
  hours: ['hour', 'hours'],
  days: ['day', 'days'],
  working_hours: ['working hour', 'working hours'],
  working_days: ['working day', 'working days'],
};

/** "10 working days", "1 hour". */
export function targetWords(target: Target): string {
  const [one, many] = UNIT_WORDS[target.unit];
  return `${target.amount} ${target.amount === 1 ? one : many}`;
}

const STATE_WORDS: Record<PublicSla['state'], string> = {
  on_track: 'On track.',
  at_risk: 'At risk of running late.',
  breached: 'Running late.',
  met: 'Done on time.',
  missed: 'Finished late.',
};

/** "Tue 14 Jan", in the jurisdiction's zone when known. */
export function shortDate(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone }).format(new Date(iso));
}

/**
 * The promise in words, for the item page: "We aim to fix this within 10 working days: by Tue 14 Jan.
 * On track." Without a resolution target, the first response's. Undefined when there is nothing to say.
 * @example slaSentence({resolutionDueAt: '2025-01-14T17:00:00Z', state: 'on_track', paused: false}, {resolution: {amount: 10, unit: 'working_days'}})
 */
export function slaSentence(sla: PublicSla | undefined, policy: ServiceView['sla'], timeZone?: string): string | undefined {
  if (!sla) return undefined;
  const done = sla.state === 'met' || sla.state === 'missed';
  const parts: string[] = [];
  if (sla.resolutionDueAt) {
    const within = policy?.resolution ? ` within ${targetWords(policy.resolution)}` : '';
    parts.push(`We ${done ? 'aimed' : 'aim'} to fix this${within}: by ${shortDate(sla.resolutionDueAt, timeZone)}.`);
  } else if (sla.firstResponseDueAt) {
    const within = policy?.firstResponse ? ` within ${targetWords(policy.firstResponse)}` : '';
    parts.push(`We ${done ? 'aimed' : 'aim'} to respond${within}: by ${shortDate(sla.firstResponseDueAt, timeZone)}.`);
  } else return undefined;
  parts.push(STATE_WORDS[sla.state]);
  if (sla.paused) parts.push('The clock is paused while we wait for more information.');
  return parts.join(' ');
}
