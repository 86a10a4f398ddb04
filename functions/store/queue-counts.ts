import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { listServices } from '../../shared/catalog/index.js';
import type { Item } from '../../shared/items.js';
import { queueRank, queueSortKey } from '../../shared/queue.js';
import { db, tableName } from './client.js';
import { backoff, isWriteConflict } from './errors.js';
import { COUNTERS_READY_KEY, counterPK, counterRecord, daySK, monthSK, totalSK } from './keys/counters.js';
import { queryAllPages } from './paginate.js';

/**
 * Queue counters: how many waiting items each service has per priority, per (priority, month) and per
 * (priority, day of creation). They turn an item's queue position from a count over every item ahead of
 * it (O(position): ~1,200 index entries read per GET at 100k items) into a handful of small reads:
 *
 *   position = Σ items of more urgent priorities         (≤ 3 counters)
 *            + Σ items of my priority from earlier months (one counter per month the queue spans)
 *            + Σ items of my priority earlier this month   (≤ 30 counters)
 *            + items of my priority and day ahead of me    (a COUNT over one day's queue)
 *            + 1
 *
 * The counters change in the same TransactWriteItems as the item that enters or leaves the queue (or
 * moves in it: a priority or service change), so they are exact whenever the item is.
 *
 * Records: see keys/counters.ts.
 */

/** What decides where an item sits in the queues. */
export type QueueFields = Pick<Item, 'kind' | 'phase' | 'serviceCode' | 'priority' | 'createdAt'>;

interface Slot {
  serviceCode: string;
  rank: number;
  createdAt: string;
}

/** Where an item sits in the queues, or undefined when it is in none (not waiting, or a bill). */
function slotOf(item: QueueFields | undefined): Slot | undefined {
  if (item?.kind !== 'report' || item.phase !== 'waiting') return undefined;
  return { serviceCode: item.serviceCode, rank: queueRank(item.priority), createdAt: item.createdAt };
}

const slotKeys = (s: Slot) => [totalSK(s.rank), monthSK(s.rank, s.createdAt.slice(0, 7)), daySK(s.rank, s.createdAt.slice(0, 10))];

type CounterKey = { PK: string; SK: string };

/** The net change to each counter when items go from `before` to `after` (either may be absent). */
export function counterDeltas(changes: { before?: QueueFields; after?: QueueFields }[]): { key: CounterKey; delta: number }[] {
  const deltas = new Map<string, number>();
  const add = (slot: Slot | undefined, by: number) => {
    if (!slot) return;
    for (const sk of slotKeys(slot)) {
      const id = `${counterPK(slot.serviceCode)}\n${sk}`;
      deltas.set(id, (deltas.get(id) ?? 0) + by);
    }
  };
  for (const { before, after } of changes) {
    add(slotOf(before), -1);
    add(slotOf(after), +1);
  }
  return [...deltas]
    .filter(([, delta]) => delta !== 0)
    .map(([id, delta]) => {
      const [PK, SK] = id.split('\n') as [string, string];
      return { key: { PK, SK }, delta };
    });
}

const update = (key: CounterKey, delta: number) => ({
  TableName: tableName(),
  Key: key,
  UpdateExpression: 'ADD n :d SET entity = :e',
  ExpressionAttributeValues: { ':d': delta, ':e': 'queue-count' },
});

/** The counter updates for one item's change, to go in the change's own transaction. */
export function queueCountWrites(before: Item | undefined, after: Item) {
  return counterDeltas([{ before, after }]).map(({ key, delta }) => ({ Update: update(key, delta) }));
}

/**
 * Adds bulk-loaded items (seed, benchmarks) to the counters: one UpdateItem per counter touched (so
 * pass many items at once), retried while a live transaction holds the counter.
 */
export async function countBulkLoaded(items: QueueFields[]): Promise<void> {
  const deltas = counterDeltas(items.map((after) => ({ after })));
  for (let i = 0; i < deltas.length; i += 16) {
    await Promise.all(
      deltas.slice(i, i + 16).map(({ key, delta }) => withConflictRetry(() => db().send(new UpdateCommand(update(key, delta))))),
    );
  }
}

async function withConflictRetry<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      if (!isWriteConflict(err) || attempt >= 10) throw err;
      await backoff(attempt);
    }
  }
}

/** The sum of `n` over a service's counters with SK in [from, to]. One strongly consistent Query. */
async function sumCounters(serviceCode: string, from: string, to: string): Promise<number> {
  if (to < from) return 0;
  let sum = 0;
  const pages = queryAllPages({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': counterPK(serviceCode), ':from': from, ':to': to },
    ProjectionExpression: 'n',
    ConsistentRead: true,
  });
  for await (const page of pages) for (const row of page.Items ?? []) sum += Number(row.n ?? 0);
  return sum;
}

/**
 * A bound just below `key`: every ASCII string that sorts before `key` sorts at or before it, and `key`
 * itself sorts after it, so `BETWEEN :from AND justBefore(key)` reads from `from` up to, not including, `key`.
 */
export const justBefore = (key: string) => `${key.slice(0, -1)}${String.fromCharCode(key.charCodeAt(key.length - 1) - 1)}\uffff`;

/** How many of a service's waiting items sort in [from, to] on the queue index. COUNT: keys only. */
async function countQueued(serviceCode: string, from: string, to: string): Promise<number> {
  let count = 0;
  const pages = queryAllPages({
    TableName: tableName(),
    IndexName: 'queue',
    KeyConditionExpression: 'queuePK = :svc AND queueSK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':svc': serviceCode, ':from': from, ':to': to },
    Select: 'COUNT',
  });
  for await (const page of pages) count += page.Count ?? 0;
  return count;
}

/** An item's 1-based place in its service's queue, or undefined when it is not waiting. */
export async function queuePosition(item: Item): Promise<number | undefined> {
  const slot = slotOf(item);
  if (!slot) return undefined;
  const { serviceCode, rank, createdAt } = slot;
  const month = createdAt.slice(0, 7);
  const day = createdAt.slice(0, 10);
  const [moreUrgent, earlierMonths, earlierDays, earlierToday] = await Promise.all([
    rank > 0 ? sumCounters(serviceCode, totalSK(0), totalSK(rank - 1)) : 0,
    sumCounters(serviceCode, monthSK(rank), justBefore(monthSK(rank, month))),
    sumCounters(serviceCode, daySK(rank, month), justBefore(daySK(rank, day))),
    countQueued(serviceCode, `${rank}#${day}`, justBefore(queueSortKey(item))),
  ]);
  return moreUrgent + earlierMonths + earlierDays + earlierToday + 1;
}

/**
 * Makes sure the counters match the queues: a table written before the counters existed (a local
 * `.local/` folder from an older version) is counted once from the queue index, then marked. Run at
 * start-up, before requests are served; never on a request path.
 */
export async function ensureQueueCounts(): Promise<'ready' | 'rebuilt'> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: COUNTERS_READY_KEY, ConsistentRead: true }));
  if (Item) return 'ready';
  for (const service of listServices('report')) await rebuildService(service.code);
  await db().send(
    new PutCommand({ TableName: tableName(), Item: { ...COUNTERS_READY_KEY, entity: 'meta', at: new Date().toISOString() } }),
  );
  return 'rebuilt';
}

/** Recounts a service's counters from the queue index. Only while nothing writes to it. */
async function rebuildService(serviceCode: string): Promise<void> {
  const queued: QueueFields[] = [];
  const pages = queryAllPages({
    TableName: tableName(),
    IndexName: 'queue',
    KeyConditionExpression: 'queuePK = :svc',
    ExpressionAttributeValues: { ':svc': serviceCode },
    ProjectionExpression: 'kind, phase, serviceCode, priority, createdAt',
  });
  for await (const page of pages) queued.push(...((page.Items ?? []) as QueueFields[]));
  const counts = new Map(counterDeltas(queued.map((after) => ({ after }))).map(({ key, delta }) => [key.SK, delta]));
  // Counters no queued item accounts for any more are set to zero, not left at a stale value.
  const stored = queryAllPages({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': counterPK(serviceCode) },
    ProjectionExpression: 'SK',
    ConsistentRead: true,
  });
  for await (const page of stored) for (const row of page.Items ?? []) if (!counts.has(row.SK as string)) counts.set(row.SK as string, 0);
  for (const [SK, n] of counts) {
    await db().send(new PutCommand({ TableName: tableName(), Item: counterRecord(serviceCode, SK, n) }));
  }
}
