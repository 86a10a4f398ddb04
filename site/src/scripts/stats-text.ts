import type { ServiceView, Stats } from '../../../shared/api-types.js';
import { targetWords } from './sla-text.js';

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

/** "6.2 days", "1 day", or "–" when there is no figure. */
export function daysWords(n: number | null | undefined): string {
  if (n === null || n === undefined) return '–';
  const rounded = n >= 10 ? Math.round(n) : Math.round(n * 10) / 10;
  return `${rounded} day${rounded === 1 ? '' : 's'}`;
}

/** "82 %", or "–". */
export const pctWords = (n: number | null | undefined) => (n === null || n === undefined ? '–' : `${Math.round(n)} %`);

/**
 * A service's record in one line: "Potholes: 82 % fixed within 10 working days over the last 90 days;
 * median 6 days". Undefined when nothing was finished in the range.
 */
export function serviceRecord(service: Pick<ServiceView, 'name' | 'sla'>, stats: Pick<Stats, 'total'>, days = 90): string | undefined {
  const { total } = stats;
  if (!total.closed) return undefined;
  const target = service.sla?.resolution;
  const onTime =
    total.resolvedOnTimePct === null
      ? `${total.closed} finished`
      : `${pctWords(total.resolvedOnTimePct)} fixed ${target ? `within ${targetWords(target)}` : 'on time'}`;
  return `${service.name}: ${onTime} over the last ${days} days; median ${daysWords(total.medianDaysToClose)}`;
}
