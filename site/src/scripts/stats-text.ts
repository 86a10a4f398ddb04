import type { ServiceView, Stats } from '../../../shared/api-types.js';
import type { Translator } from '../../../shared/i18n/translator.js';
import { i18n } from './i18n.js';

type Target = NonNullable<NonNullable<ServiceView['sla']>['resolution']>;

/** The API query for a slice of the statistics. */
export function statsQuery(opts: { service?: string; from?: string; to?: string; interval?: 'month' | 'week'; csv?: boolean }): string {
  const q = new URLSearchParams();
  if (opts.service) q.set('service', opts.service);
  if (opts.from) q.set('from', opts.from);
  if (opts.to) q.set('to', opts.to);
  if (opts.interval && opts.interval !== 'month') q.set('interval', opts.interval);
  if (opts.csv) q.set('format', 'csv');
  const s = q.toString();
  return `/stats${s ? `?${s}` : ''}`;
}

/** A local date `days` before `now`, `yyyy-mm-dd`. */
export const daysBefore = (days: number, now = new Date()) => new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);

/**
 * "6.2 days", "1 day" (in the page's language: "6,2 días", "6,2 diwrnod"), or "–" when there is no figure.
 * `tr`: the translator (the page's by default; tests pass a language's).
 */
export function daysWords(n: number | null | undefined, tr: Translator = i18n): string {
  if (n === null || n === undefined) return '–';
  const rounded = n >= 10 ? Math.round(n) : Math.round(n * 10) / 10;
  return tr.t('stats.days', { n: rounded });
}

/** "82%" ("82 %" in Spanish and Welsh, as Intl writes it), or "–". */
export const pctWords = (n: number | null | undefined, tr: Translator = i18n) =>
  n === null || n === undefined ? '–' : tr.number(Math.round(n) / 100, { style: 'percent', maximumFractionDigits: 0 });

/** A service's target in words, one message per unit with the language's plurals: "10 working days". */
export function targetPhrase(target: Target, tr: Translator = i18n): string {
  return tr.t('stats.target', { unit: target.unit, amount: target.amount });
}

/**
 * A service's record in one sentence: "Potholes: 82% fixed within 10 working days over the last 90 days;
 * median 6 days". Undefined when nothing was finished in the range. One message per case, so each
 * language orders the sentence its own way.
 */
export function serviceRecord(
  service: Pick<ServiceView, 'name' | 'sla'>,
  stats: Pick<Stats, 'total'>,
  days = 90,
  tr: Translator = i18n,
): string | undefined {
  const { total } = stats;
  if (!total.closed) return undefined;
  const target = service.sla?.resolution;
  const values = { service: service.name, days, median: daysWords(total.medianDaysToClose, tr) };
  if (total.resolvedOnTimePct === null) return tr.t('stats.record.closed', { ...values, closed: total.closed });
  const pct = pctWords(total.resolvedOnTimePct, tr);
  if (target) return tr.t('stats.record.target', { ...values, pct, target: targetPhrase(target, tr) });
  return tr.t('stats.record.on_time', { ...values, pct });
}

/**
 * An age bucket of the backlog in words: the API names them `0-2 days` … `over 90 days`; a bucket of
 * another shape is shown as the API sent it.
 */
export function ageBucket(bucket: string, tr: Translator = i18n): string {
  const range = /^(\d+)-(\d+) days$/.exec(bucket);
  if (range) return tr.t('stats.age.range', { from: Number(range[1]), to: Number(range[2]) });
  const over = /^over (\d+) days$/.exec(bucket);
  if (over) return tr.t('stats.age.over', { n: Number(over[1]) });
  return bucket;
}

/** A statistics period (`yyyy-mm`, or a week's `yyyy-mm-dd`) as a short month: "Nov 26", "nov 26", "Tach 26". */
export function periodLabel(period: string, tr: Translator = i18n): string {
  const date = new Date(`${period.length === 7 ? `${period}-01` : period.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return period;
  return new Intl.DateTimeFormat(tr.locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(date);
}
