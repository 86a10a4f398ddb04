import type { Item } from '../items.js';
import { bucketOf, daysBetween } from './histogram.js';
import { dayOf, type Interval, periodOf } from './periods.js';

/** Which slice of the statistics a counter belongs to: one service or all (`*`), one area or all (`*`). */
export interface StatsScope {
  service: string;
  area: string;
}

/**
 * One counter an item adds 1 to: a per-period counter (`interval` + `period`) or a backlog counter
 * (open items by local creation day). Attributes: `created`, `closed`, `c<bucket>` (days to close),
 * `rDue`/`rOn` (closed with a due time / on time), `fr`, `f<bucket>` (days to first response),
 * `fDue`/`fOn`; backlog: `d<yyyy-mm-dd>`.
 */
export type Contribution =
  | { kind: 'period'; scope: StatsScope; interval: Interval; period: string; attr: string }
  | { kind: 'backlog'; scope: StatsScope; attr: string };

export const INTERVALS: Interval[] = ['month', 'week'];

/** An item's area id, when it has one (areas come from the jurisdiction's areas file). */
const areaOf = (item: Item) => (item as Item & { area?: { id: string } }).area?.id;

function scopes(item: Item): StatsScope[] {
  const area = areaOf(item);
  const services = [item.serviceCode, '*'];
  const areas = area ? [area, '*'] : ['*'];
  return services.flatMap((service) => areas.map((a) => ({ service, area: a })));
}

/**
 * Every counter a report adds to the statistics, as it stands (bills add none). The stream consumer
 * applies the difference between a record's new and old images, so reopening, re-closing or moving a
 * report to another service moves its counts with it.
 * @example contributions(report, 'Europe/London').filter((c) => c.attr === 'created').length // 8
 */
export function contributions(item: Item | undefined, timezone: string): Contribution[] {
  if (item?.kind !== 'report') return [];
  const out: Contribution[] = [];
  const sla = item.sla;
  const closed = item.phase === 'done' && item.closedAt ? item.closedAt : undefined;
  for (const scope of scopes(item)) {
    for (const interval of INTERVALS) {
      const add = (at: string, attr: string) =>
        out.push({ kind: 'period', scope, interval, period: periodOf(at, interval, timezone), attr });
      add(item.createdAt, 'created');
      if (closed) {
        add(closed, 'closed');
        add(closed, `c${bucketOf(daysBetween(item.createdAt, closed))}`);
        if (sla?.resolutionDueAt) {
          add(closed, 'rDue');
          if (closed <= sla.resolutionDueAt) add(closed, 'rOn');
        }
      }
      const answered = sla?.firstRespondedAt;
      if (answered) {
        add(answered, 'fr');
        add(answered, `f${bucketOf(daysBetween(item.createdAt, answered))}`);
        if (sla.firstResponseDueAt) {
          add(answered, 'fDue');
          if (answered <= sla.firstResponseDueAt) add(answered, 'fOn');
        }
      }
    }
    if (!closed) out.push({ kind: 'backlog', scope, attr: `d${dayOf(item.createdAt, timezone)}` });
  }
  return out;
}
