import type { Interval, StatsScope } from '../../shared/sla/index.js';
import { tableName } from './client.js';
import { backlogPK, periodPK } from './keys/stats.js';
import { queryAllPages } from './paginate.js';

/** A period's counters, shards added up: attribute → count. */
export type Counters = Record<string, number>;

const COUNTER_KEYS = new Set(['PK', 'SK', 'entity']);

function addInto(into: Counters, row: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(row)) if (!COUNTER_KEYS.has(k) && typeof v === 'number') into[k] = (into[k] ?? 0) + v;
}

/**
 * The counters of every period in [fromPeriod, toPeriod] of one scope: one Query of at most
 * (periods × shards) small items. Its cost depends on the range, never on how many reports there are.
 */
export async function readPeriodCounters(
  interval: Interval,
  scope: StatsScope,
  fromPeriod: string,
  toPeriod: string,
): Promise<Map<string, Counters>> {
  const periods = new Map<string, Counters>();
  const pages = queryAllPages({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': periodPK(interval, scope), ':from': `P#${fromPeriod}#`, ':to': `P#${toPeriod}#\uffff` },
  });
  for await (const page of pages) {
    for (const row of page.Items ?? []) {
      const period = String(row.SK).split('#')[1] as string;
      const counters = periods.get(period) ?? {};
      addInto(counters, row);
      periods.set(period, counters);
    }
  }
  return periods;
}

/** The backlog of one scope: open reports per local creation day (`d<yyyy-mm-dd>` → count). One Query of the shards. */
export async function readBacklogCounters(scope: StatsScope): Promise<Counters> {
  const counters: Counters = {};
  const pages = queryAllPages({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': backlogPK(scope) },
  });
  for await (const page of pages) for (const row of page.Items ?? []) addInto(counters, row);
  return counters;
}
