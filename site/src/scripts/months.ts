import { i18n } from './i18n.js';

/** A month with how many reports were finished in it, as `GET /api/completed-months` lists them. */
export interface MonthCount {
  month: string;
  count: number;
}

/**
 * A `yyyy-mm` month in words, in the page's language: the middle of the month, so no time zone moves it.
 * @example monthLabel('2026-11') // 'November 2026' ('Tachwedd 2026' in Welsh, 'noviembre de 2026' in Spanish)
 */
export function monthLabel(month: string): string {
  return i18n.date(`${month}-15T12:00:00Z`, 'month');
}

/**
 * The month to show: the one asked for when it has finished reports, else the newest that has.
 * @example pickMonth([{month: '2026-11', count: 2}, {month: '2026-10', count: 5}], '2026-10') // {month: '2026-10', count: 5}
 */
export function pickMonth(months: MonthCount[], wanted?: string | null): MonthCount | undefined {
  return months.find((m) => m.month === wanted) ?? months[0];
}

/** The months either side of `current` in a newest-first list: newer is the previous entry, older the next. */
export function neighbours(months: MonthCount[], current: string): { newer?: MonthCount; older?: MonthCount } {
  const i = months.findIndex((m) => m.month === current);
  if (i < 0) return {};
  return { newer: months[i - 1], older: months[i + 1] };
}

/**
 * The page's own address for a month and service, so each month of each service has a link of its own.
 * @example completedHref({month: '2026-11', service: 'pothole'}) // '/completed/?service=pothole&month=2026-11'
 */
export function completedHref(opts: { month?: string; service?: string }): string {
  const params = new URLSearchParams();
  if (opts.service) params.set('service', opts.service);
  if (opts.month) params.set('month', opts.month);
  const query = params.toString();
  return `/completed/${query ? `?${query}` : ''}`;
}
