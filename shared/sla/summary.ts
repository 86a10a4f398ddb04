import * as z from 'zod';
import { quantile, round2 } from './histogram.js';
import type { Interval } from './periods.js';

/** `GET /api/stats` query (SPEC §9). `from`/`to` are local dates; default: the last 12 months up to today. */
export const statsQuerySchema = z
  .object({
    service: z.string().min(1).max(64).optional(),
    area: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'use an area id from the areas file')
      .optional(),
    from: z.iso.date('use a date like 2025-01-31').optional(),
    to: z.iso.date('use a date like 2025-12-31').optional(),
    interval: z.enum(['month', 'week']).default('month'),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict();
export type StatsQuery = z.output<typeof statsQuerySchema>;

/** One period of SPEC §9's `series`. Figures are null when no item gave them (no closes, no due times). */
export interface StatsPeriod {
  period: string;
  created: number;
  closed: number;
  medianDaysToFirstResponse: number | null;
  medianDaysToClose: number | null;
  p90DaysToClose: number | null;
  firstResponseOnTimePct: number | null;
  resolvedOnTimePct: number | null;
}

export interface Stats {
  service?: string;
  area?: string;
  interval: Interval;
  from: string;
  to: string;
  backlog: { total: number; byAge: { bucket: string; count: number }[] };
  series: StatsPeriod[];
  /** The whole range as one period (`period: "all"`): medians over every close in it, not an average of months. */
  total: StatsPeriod;
}

function histogram(counters: Record<string, number>, prefix: 'c' | 'f'): Map<number, number> {
  const hist = new Map<number, number>();
  for (const [k, n] of Object.entries(counters)) if (k[0] === prefix && /^\d+$/.test(k.slice(1))) hist.set(Number(k.slice(1)), n);
  return hist;
}

const pct = (part = 0, whole = 0) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);
const days = (n: number | undefined) => (n === undefined ? null : round2(n));

/** A period's figures from its counters (see shared/sla/contributions.ts for what each counter holds). */
export function periodFigures(period: string, counters: Record<string, number> = {}): StatsPeriod {
  const close = histogram(counters, 'c');
  const first = histogram(counters, 'f');
  return {
    period,
    created: counters.created ?? 0,
    closed: counters.closed ?? 0,
    medianDaysToFirstResponse: days(quantile(first, 0.5)),
    medianDaysToClose: days(quantile(close, 0.5)),
    p90DaysToClose: days(quantile(close, 0.9)),
    firstResponseOnTimePct: pct(counters.fOn, counters.fDue),
    resolvedOnTimePct: pct(counters.rOn, counters.rDue),
  };
}

/** Adds counters of several periods together (histograms bucket by bucket). */
export function sumCounters(all: Iterable<Record<string, number>>): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const counters of all) for (const [k, n] of Object.entries(counters)) sum[k] = (sum[k] ?? 0) + n;
  return sum;
}

/** Backlog age buckets, by whole days since creation (local dates). */
export const AGE_BUCKETS = [
  { bucket: '0-2 days', max: 2 },
  { bucket: '3-7 days', max: 7 },
  { bucket: '8-30 days', max: 30 },
  { bucket: '31-90 days', max: 90 },
  { bucket: 'over 90 days', max: Number.POSITIVE_INFINITY },
];

/** The backlog by age on `today` (a local date), from open reports per creation day (`d<yyyy-mm-dd>`). */
export function backlogByAge(counters: Record<string, number>, today: string): Stats['backlog'] {
  const byAge = AGE_BUCKETS.map((b) => ({ bucket: b.bucket, count: 0 }));
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  let total = 0;
  for (const [k, n] of Object.entries(counters)) {
    if (k[0] !== 'd' || n <= 0) continue;
    const age = Math.max(0, Math.round((todayMs - Date.parse(`${k.slice(1)}T00:00:00Z`)) / 86_400_000));
    const i = AGE_BUCKETS.findIndex((b) => age <= b.max);
    (byAge[i] as { count: number }).count += n;
    total += n;
  }
  return { total, byAge };
}

const CSV_COLUMNS: (keyof StatsPeriod)[] = [
  'period',
  'created',
  'closed',
  'medianDaysToFirstResponse',
  'medianDaysToClose',
  'p90DaysToClose',
  'firstResponseOnTimePct',
  'resolvedOnTimePct',
];

/**
 * The series as CSV (RFC 4180, a header row, empty cells for no figure), then the backlog by age as a
 * second table after a blank line. Every cell is a number or one of our own labels: nothing user-typed.
 */
export function statsCsv(stats: Stats): string {
  const rows = [CSV_COLUMNS.join(','), ...stats.series.map((p) => CSV_COLUMNS.map((c) => p[c] ?? '').join(','))];
  const backlog = ['backlogAge,count', ...stats.backlog.byAge.map((b) => `${b.bucket},${b.count}`), `total,${stats.backlog.total}`];
  return `${rows.join('\r\n')}\r\n\r\n${backlog.join('\r\n')}\r\n`;
}
