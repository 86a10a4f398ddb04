import type { CompletedMonthsQuery } from '../../shared/schemas.js';
import { completedMonths, type MonthCount } from '../store/done-counts.js';
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
