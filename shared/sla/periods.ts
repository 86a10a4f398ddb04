import { DateTime } from 'luxon';

export type Interval = 'month' | 'week';

/**
 * The period an instant falls in, in the jurisdiction's zone: `2025-01` (month) or `2025-W03` (ISO week).
 * @example periodOf('2025-01-31T23:30:00Z', 'month', 'Pacific/Auckland') // '2025-02'
 */
export function periodOf(at: string, interval: Interval, timezone: string): string {
  const local = DateTime.fromISO(at, { zone: timezone });
  return interval === 'month' ? local.toFormat('yyyy-MM') : local.toFormat("kkkk-'W'WW");
}

/** The local calendar day of an instant, `yyyy-mm-dd`. */
export function dayOf(at: string, timezone: string): string {
  return DateTime.fromISO(at, { zone: timezone }).toFormat('yyyy-MM-dd');
}

/** Every period from the one holding `from` to the one holding `to` (local dates `yyyy-mm-dd`), in order. */
export function periodsBetween(from: string, to: string, interval: Interval, timezone: string): string[] {
  const unit = interval === 'month' ? 'month' : 'week';
  let at = DateTime.fromISO(from, { zone: timezone }).startOf(unit);
  const end = DateTime.fromISO(to, { zone: timezone }).startOf(unit);
  const periods: string[] = [];
  while (at <= end) {
    periods.push(interval === 'month' ? at.toFormat('yyyy-MM') : at.toFormat("kkkk-'W'WW"));
    at = at.plus(interval === 'month' ? { months: 1 } : { weeks: 1 });
  }
  return periods;
}
