import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Item } from '../../shared/items.js';
import { db, tableName } from './client.js';
import { type Delta, netDeltas } from './deltas.js';
import { counterRecord, doneCounterPK, monthSK } from './keys/counters.js';
import { queryAllPages } from './paginate.js';

/**
 * Finished reports per month (the month of their last change, as the phase and service indexes order
 * them, so a month's count and the month's list agree), per service and for all services: the
 * `/completed/` page's month index. Derived data kept by the same stream consumer as the queue counters
 * (store/queue-count-stream.ts), with the same markers and shards; a reader sums one small partition.
 *
 *   DONE#<service | *>  M#<yyyy-mm>#<shard>  n
 */

/** What decides which month a finished item is counted in. */
export type DoneFields = Pick<Item, 'kind' | 'phase' | 'serviceCode' | 'updatedAt' | 'hidden'>;

/** The month counters a (finished) report is in, or none. */
function doneKeys(item: DoneFields | undefined): { PK: string; SK: string }[] {
  if (item?.kind !== 'report' || item.phase !== 'done' || item.hidden) return [];
  const sk = monthSK(0, item.updatedAt.slice(0, 7));
  return [
    { PK: doneCounterPK(item.serviceCode), SK: sk },
    { PK: doneCounterPK(), SK: sk },
  ];
}

/** The net change to each month counter when items go from `before` to `after`. */
export const doneDeltas = (changes: { before?: DoneFields; after?: DoneFields }[]): Delta[] => netDeltas(changes, doneKeys);

export interface MonthCount {
  /** `yyyy-mm` */
  month: string;
  count: number;
}

/** Finished reports per month, newest month first, of one service or all: one strongly consistent Query. */
export async function completedMonths(serviceCode?: string): Promise<MonthCount[]> {
  const counts = new Map<string, number>();
  const pages = queryAllPages({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': doneCounterPK(serviceCode) },
    ProjectionExpression: 'SK, n',
  });
  for await (const page of pages) {
    for (const row of page.Items ?? []) {
      const month = String(row.SK).split('#')[2] as string;
      counts.set(month, (counts.get(month) ?? 0) + Number(row.n ?? 0));
    }
  }
  return [...counts]
    .filter(([, count]) => count > 0)
    .map(([month, count]) => ({ month, count }))
    .sort((a, b) => (a.month < b.month ? 1 : -1));
}

/**
 * Recounts every month counter from the phase index (`report#done`): the `rebuild` of this view. Shard 0
 * gets the count, every other stored shard zero. Only while nothing writes and the consumer is stopped.
 */
export async function rebuildDoneCounts(serviceCodes: string[]): Promise<void> {
  const done: DoneFields[] = [];
  const pages = queryAllPages({
    TableName: tableName(),
    IndexName: 'phase',
    KeyConditionExpression: 'phasePK = :pk',
    ExpressionAttributeValues: { ':pk': 'report#done' },
    ProjectionExpression: 'kind, phase, serviceCode, updatedAt, #hidden',
    ExpressionAttributeNames: { '#hidden': 'hidden' },
  });
  for await (const page of pages) done.push(...((page.Items ?? []) as DoneFields[]));
  const counts = new Map(doneDeltas(done.map((after) => ({ after }))).map(({ key, delta }) => [`${key.PK}\n${key.SK}#0`, delta]));
  for (const pk of [doneCounterPK(), ...serviceCodes.map((c) => doneCounterPK(c))]) {
    const stored = queryAllPages({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ProjectionExpression: 'SK',
    });
    for await (const page of stored) {
      for (const row of page.Items ?? []) if (!counts.has(`${pk}\n${row.SK}`)) counts.set(`${pk}\n${row.SK}`, 0);
    }
  }
  for (const [id, n] of counts) {
    const [PK, SK] = id.split('\n') as [string, string];
    await db().send(new PutCommand({ TableName: tableName(), Item: { ...counterRecord('', SK, n), PK } }));
  }
}
