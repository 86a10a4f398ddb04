import { DateTime } from 'luxon';
import { ValidationError } from '../../shared/errors.js';
import type { CompletedMonthsQuery } from '../../shared/schemas.js';
import {
  backlogByAge,
  jurisdictionCalendar,
  periodFigures,
  periodsBetween,
  type Stats,
  type StatsQuery,
  sumCounters,
} from '../../shared/sla/index.js';
import { completedMonths, type MonthCount } from '../store/done-counts.js';
import { readBacklogCounters, readPeriodCounters } from '../store/stats.js';
import { serviceParam } from './read-reports.js';

/**
 * Finished reports per month, newest first, of one service or all: the month index of `/completed/`.
 * Read from counters the stream keeps (store/done-counts.ts), so it may trail a just-finished report
 * by the stream's delay; each month's reports are `GET /api/reports?phase=done&month=…`.
 */
export async function completedByMonth(query: CompletedMonthsQuery): Promise<{ service?: string; months: MonthCount[] }> {
  const service = query.service ? serviceParam(query.service).code : undefined;
  return { service, months: await completedMonths(service) };
}

/** The longest range one request may ask for: ten years of months, five of weeks. */
const MAX_PERIODS = { month: 120, week: 261 };

/**
 * Public performance (SPEC §9): the backlog by age now, and per period created, closed, medians and
 * on-time shares, for one service and/or area or all. Read from the statistics the stream keeps
 * (store/stats.ts): two Queries whose size depends on the range asked for, never on the number of items.
 */
export async function readStats(query: StatsQuery, now = new Date()): Promise<Stats> {
  const service = query.service ? serviceParam(query.service).code : undefined;
  const { timezone } = jurisdictionCalendar();
  const today = DateTime.fromJSDate(now, { zone: timezone });
  const to = query.to ?? (today.toISODate() as string);
  const from = query.from ?? (today.minus({ months: 11 }).startOf('month').toISODate() as string);
  if (from > to) throw new ValidationError([{ path: 'query.from', message: 'must be on or before `to`' }]);
  const periods = periodsBetween(from, to, query.interval, timezone);
  if (periods.length > MAX_PERIODS[query.interval]) {
    throw new ValidationError([
      { path: 'query.from', message: `asks for ${periods.length} ${query.interval}s; at most ${MAX_PERIODS[query.interval]} at once` },
    ]);
  }
  const scope = { service: service ?? '*', area: query.area ?? '*' };
  const [counters, backlog] = await Promise.all([
    readPeriodCounters(query.interval, scope, periods[0] as string, periods.at(-1) as string),
    readBacklogCounters(scope),
  ]);
  return {
    service,
    area: query.area,
    interval: query.interval,
    from,
    to,
    backlog: backlogByAge(backlog, today.toISODate() as string),
    series: periods.map((p) => periodFigures(p, counters.get(p))),
    total: periodFigures('all', sumCounters(counters.values())),
  };
}
