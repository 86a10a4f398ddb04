import type { PublicSla, ServiceView } from '../../../shared/api-types.js';
import { dateFormatter } from '../../../shared/i18n/dates.js';
import { i18n, t } from './i18n.js';

type Target = NonNullable<NonNullable<ServiceView['sla']>['resolution']>;

/** "10 working days", "1 hour": a plural message per unit (`sla.unit.*`). */
export function targetWords(target: Target): string {
  return t(`sla.unit.${target.unit}`, { n: target.amount });
}

/** "Tue 14 Jan", in the page's language and the jurisdiction's zone unless told another. */
export function shortDate(iso: string, timeZone: string = i18n.timeZone): string {
  return dateFormatter(i18n.locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone }, (key) => i18n.raw(key)).format(
    new Date(iso),
  );
}

/**
 * The promise in words, for the item page: "We aim to fix this within 10 working days: by Tue 14 Jan.
 * On track." Without a resolution target, the first response's. Undefined when there is nothing to say.
 * Each part is a whole sentence of the catalog (`sla.*`), so a language orders its own words.
 * @example slaSentence({resolutionDueAt: '2025-01-14T17:00:00Z', state: 'on_track', paused: false}, {resolution: {amount: 10, unit: 'working_days'}})
 */
export function slaSentence(sla: PublicSla | undefined, policy: ServiceView['sla'], timeZone?: string): string | undefined {
  if (!sla) return undefined;
  const tense = sla.state === 'met' || sla.state === 'missed' ? 'past' : 'future';
  const parts: string[] = [];
  if (sla.resolutionDueAt) {
    const date = shortDate(sla.resolutionDueAt, timeZone);
    parts.push(
      policy?.resolution ? t('sla.fix_within', { tense, target: targetWords(policy.resolution), date }) : t('sla.fix', { tense, date }),
    );
  } else if (sla.firstResponseDueAt) {
    const date = shortDate(sla.firstResponseDueAt, timeZone);
    parts.push(
      policy?.firstResponse
        ? t('sla.respond_within', { tense, target: targetWords(policy.firstResponse), date })
        : t('sla.respond', { tense, date }),
    );
  } else return undefined;
  parts.push(t(`sla.state.${sla.state}`));
  if (sla.paused) parts.push(t('sla.paused'));
  return parts.join(' ');
}
