import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { listAreas } from '../../shared/areas/chosen.js';
import { listServices } from '../../shared/catalog/index.js';
import type { Item } from '../../shared/items.js';
import { queueRank, queueSortKey } from '../../shared/queue.js';
import { type AreaFields, areaDeltas, rebuildAreaCounts } from './area-counts.js';
import { bulkDb, db, tableName } from './client.js';
import { type CounterKey, type Delta, netDeltas } from './deltas.js';
import { type DoneFields, doneDeltas, rebuildDoneCounts } from './done-counts.js';
import { backoff, isWriteConflict } from './errors.js';
import { COUNTERS_READY_KEY, counterPK, counterRecord, daySK, monthDaysSK, monthSK, shardSK } from './keys/counters.js';
import { cellDeltas, ensureMapCells, type MapFields } from './map-cells.js';
import { queryAllPages } from './paginate.js';

/**
 * Queue counters: how many waiting items each service has per (priority, month of creation) and per
 * (priority, day of creation). They turn an item's queue position from a count over every item ahead of
 * it (O(position): ~1,200 index entries read per GET at 100k items) into a handful of small reads.
 *
 * The counters are derived data: the stream consumer (store/queue-count-stream.ts) keeps them, a batch
 * of stream records at a time, so they trail the items by the stream's delay (about a second in AWS).
 * A position must still be right for a report just filed, so the recent past is never taken from them:
 * every item created since the start of yesterday (UTC) is counted on the queue index itself, and only
 * older items come from the counters. For each priority r up to the item's own:
 *
 *   ahead(r) = Σ counters of r for days before the window       (months before it + days of its month)
 *            + COUNT of the queue index at r within the window   (up to the item itself at its own r)
 *
 * where the window starts at the start of yesterday or, for an item older than that at its own
 * priority, at the start of its own creation day (as before the move). A create is never more than a
 * stream delay behind, so whatever the stream has not applied yet is inside the window. What can lag is
 * a change to an older report (closed, reprioritised, reopened) until the stream applies it.
 *
 * Records: see keys/counters.ts.
 */

/** What decides where an item sits in the queues. */
export type QueueFields = Pick<Item, 'kind' | 'phase' | 'serviceCode' | 'priority' | 'createdAt' | 'hidden'>;

interface Slot {
  serviceCode: string;
  rank: number;
  createdAt: string;
}

/** Where an item sits in the queues, or undefined when it is in none (not waiting, or a bill). */
function slotOf(item: QueueFields | undefined): Slot | undefined {
  // A report staff hid is in no queue (docs/moderation.md), as the queue index leaves it out.
  if (item?.kind !== 'report' || item.phase !== 'waiting' || item.hidden) return undefined;
  return { serviceCode: item.serviceCode, rank: queueRank(item.priority), createdAt: item.createdAt };
}

const slotKeys = (s: Slot) => [monthSK(s.rank, s.createdAt.slice(0, 7)), daySK(s.rank, s.createdAt.slice(0, 10))];

/** The net change to each counter when items go from `before` to `after` (either may be absent). */
export const counterDeltas = (changes: { before?: QueueFields; after?: QueueFields }[]): Delta[] =>
  netDeltas(changes, (item) => {
    const slot = slotOf(item);
    return slot ? slotKeys(slot).map((SK) => ({ PK: counterPK(slot.serviceCode), SK })) : [];
  });

/** Adds `delta` to one shard of a counter. */
export const counterUpdate = (key: CounterKey, delta: number, shard: number) => ({
  TableName: tableName(),
  Key: { PK: key.PK, SK: shardSK(key.SK, shard) },
  UpdateExpression: 'ADD n :d SET entity = :e',
  ExpressionAttributeValues: { ':d': delta, ':e': 'queue-count' },
});

/**
 * Adds bulk-loaded items (seed, benchmarks) to the counters: one UpdateItem per counter touched (so
 * pass many items at once), retried while a live transaction holds the counter. Their item records
 * carry COUNTED_ON_LOAD (bulk.ts), so the stream consumer does not count their INSERTs a second time.
 */
export async function countBulkLoaded(items: (QueueFields & DoneFields & AreaFields & MapFields)[]): Promise<void> {
  const loaded = items.map((after) => ({ after }));
  const deltas = [...counterDeltas(loaded), ...doneDeltas(loaded), ...areaDeltas(loaded), ...cellDeltas(loaded)];
  for (let i = 0; i < deltas.length; i += 16) {
    await Promise.all(
      // The bulk client: a request-path timeout (3 s) turned a loaded DynamoDB Local into a failed import halfway.
      deltas
        .slice(i, i + 16)
        .map(({ key, delta }) => withConflictRetry(() => bulkDb().send(new UpdateCommand(counterUpdate(key, delta, 0))))),
    );
  }
}

/**
 * The same counts as countBulkLoaded, as whole counter items of a shard of their own (`shard`, e.g. an
 * import's load shard): puts, 25 a BatchWriteItem call, instead of one UpdateItem per counter. Readers sum
 * every shard of a counter, so a load's shard adds to the others; a second load takes another shard.
 * Only for items no counter holds yet (their INSERT carries COUNTED_ON_LOAD).
 */
export function loadedCounterItems(items: (QueueFields & DoneFields & AreaFields & MapFields)[], shard: string): Record<string, unknown>[] {
  const loaded = items.map((after) => ({ after }));
  return [...counterDeltas(loaded), ...doneDeltas(loaded), ...areaDeltas(loaded), ...cellDeltas(loaded)]
    .filter(({ delta }) => delta !== 0)
    .map(({ key, delta }) => ({ PK: key.PK, SK: shardSK(key.SK, shard), entity: 'queue-count', n: delta }));
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

const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The counters' rows (SK and n) with SK in [from, to]. One strongly consistent Query. */
async function counterRows(serviceCode: string, from: string, to: string): Promise<{ SK: string; n: number }[]> {
  const rows: { SK: string; n: number }[] = [];
  const pages = queryAllPages({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': counterPK(serviceCode), ':from': from, ':to': to },
    ProjectionExpression: 'SK, n',
    ConsistentRead: true,
  });
  for await (const page of pages) for (const row of page.Items ?? []) rows.push({ SK: String(row.SK), n: Number(row.n ?? 0) });
  return rows;
}

/**
 * How many items the counters hold, at each priority r, with a creation day before `before[r]`. The day
 * counters of a month sort just before the month counters (`D#…` < `M#…`), so when every bound falls in
 * one month (always, for an item filed since the window's start) one Query reads both: that month's day
 * counters and the month counters, up to the item's own priority. An older item whose own day is in an
 * earlier month than the window's start needs one more Query for that month's days.
 */
async function countedBefore(serviceCode: string, before: string[]): Promise<number> {
  const top = before.length - 1;
  // Latest month first: its range runs on to the month counters; an earlier month's days are read alone.
  const months = [...new Set(before.map((d) => d.slice(0, 7)))].sort().reverse();
  const [first, ...others] = months as [string, ...string[]];
  const rows = (
    await Promise.all([
      counterRows(serviceCode, `${monthDaysSK(first)}0#`, `${monthSK(top)}\uffff`),
      ...others.map((m) => counterRows(serviceCode, `${monthDaysSK(m)}0#`, `${monthDaysSK(m)}${top}#\uffff`)),
    ])
  ).flat();
  // The first range also holds rows the position does not count: later months' days, lower priorities.
  let sum = 0;
  for (const { SK, n } of rows) {
    if (SK.startsWith('M#')) {
      const [, rank, month] = SK.split('#') as [string, string, string];
      const bound = before[Number(rank)];
      if (bound && month < bound.slice(0, 7)) sum += n;
    } else {
      const [, month, rank, dd] = SK.split('#') as [string, string, string, string];
      const bound = before[Number(rank)];
      if (bound && `${month}-${dd}` < bound && month === bound.slice(0, 7)) sum += n;
    }
  }
  return sum;
}

/**
 * How many waiting items of a service created since `since` sort before `key`: for an item filed since
 * the window's start, every priority's share of the window in one Query. Each of them was updated at or
 * after its creation, so the service's waiting items updated since `since` (the `service` index, newest
 * updates last) hold them all; the filter keeps those in the queue (the sparse queue keys: not hidden)
 * created since `since` and ahead of `key`. Reads the service's waiting items touched in the window, a
 * day or two of activity, never the whole queue.
 */
async function countRecentAhead(serviceCode: string, since: string, key: string): Promise<number> {
  let count = 0;
  const pages = queryAllPages({
    TableName: tableName(),
    IndexName: 'service',
    KeyConditionExpression: 'servicePK = :pk AND serviceSK >= :since',
    FilterExpression: 'attribute_exists(queuePK) AND createdAt >= :since AND queueSK < :key',
    ExpressionAttributeValues: { ':pk': `${serviceCode}#waiting`, ':since': since, ':key': key },
    Select: 'COUNT',
  });
  for await (const page of pages) count += page.Count ?? 0;
  return count;
}

const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * An item's 1-based place in its service's queue, or undefined when it is not waiting.
 *
 * `justFiled` (the create's answer, and its replay): exact whatever the stream has not applied yet.
 * Counters for the past before the window, the window's items from the items themselves (see the top
 * of this file): two reads in parallel whatever its priority, the second reading the service's waiting
 * items touched in the window (a day or two of the service's activity).
 *
 * Otherwise (a GET): the counters for every priority ahead of the item (all of their days, today's
 * included) and for its own priority before its own day, and one COUNT of the queue index over its own
 * priority and day up to the item. So the items read are the counter rows plus the reports of the item's
 * own day and priority filed before it, whatever the service's volume; what the stream has not applied
 * yet (a report of a higher priority filed within the last second, one that left the queue) shows once
 * it has, as docs/api.md says.
 */
export async function queuePosition(item: Item, opts: { justFiled?: boolean; now?: Date } = {}): Promise<number | undefined> {
  const slot = slotOf(item);
  if (!slot) return undefined;
  const { serviceCode, rank, createdAt } = slot;
  const ownDay = createdAt.slice(0, 10);
  const own = queueSortKey(item);
  if (!opts.justFiled) {
    // Priorities ahead: every day the counters hold (up to tomorrow, for a clock a little ahead).
    const tomorrow = dayAfter((opts.now ?? new Date()).toISOString().slice(0, 10));
    const before = Array.from({ length: rank + 1 }, (_, r) => (r === rank ? ownDay : dayAfter(tomorrow)));
    const [counted, sameDay] = await Promise.all([
      countedBefore(serviceCode, before),
      countQueued(serviceCode, `${rank}#${ownDay}`, justBefore(own)),
    ]);
    return counted + sameDay + 1;
  }
  const windowStart = dayBefore((opts.now ?? new Date()).toISOString().slice(0, 10));
  // Where the window starts at each priority up to the item's own: items created before it are counted.
  const from = Array.from({ length: rank + 1 }, (_, r) => (r === rank && ownDay < windowStart ? ownDay : windowStart));
  const recent =
    ownDay >= windowStart
      ? [countRecentAhead(serviceCode, windowStart, own)]
      : from.map((day, r) => countQueued(serviceCode, `${r}#${day}`, r === rank ? justBefore(own) : `${r}#\uffff`));
  const ahead = (await Promise.all([countedBefore(serviceCode, from), ...recent])).reduce((a, b) => a + b, 0);
  return ahead + 1;
}

/**
 * Makes sure the counters match the queues: a table written before the (sharded) counters existed (a
 * local `.local/` folder from an older version) is counted once from the queue index, then marked. Run
 * at start-up, before requests are served and before the counters' stream consumer starts; never on a
 * request path. After a rebuild the consumer must start at the stream's tip (LATEST): the records
 * already in the stream are in the recount.
 */
export async function ensureQueueCounts(): Promise<'ready' | 'rebuilt'> {
  // The map cells came later than the other counters: a table may have those and not these.
  const cells = await ensureMapCells();
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: COUNTERS_READY_KEY, ConsistentRead: true }));
  if (Item) return cells;
  const services = listServices('report').map((s) => s.code);
  for (const service of services) await rebuildService(service);
  await rebuildDoneCounts(services);
  await rebuildAreaCounts(listAreas().map((a) => a.id));
  await db().send(
    new PutCommand({ TableName: tableName(), Item: { ...COUNTERS_READY_KEY, entity: 'meta', at: new Date().toISOString() } }),
  );
  return 'rebuilt';
}

/**
 * Recounts a service's counters from the queue index (into shard 0; every other stored counter shard,
 * including one from an older layout, is set to zero). Only while nothing writes to the service and the
 * consumer is stopped: the `rebuild` of this view.
 */
export async function rebuildService(serviceCode: string): Promise<void> {
  const queued: QueueFields[] = [];
  const pages = queryAllPages({
    TableName: tableName(),
    IndexName: 'queue',
    KeyConditionExpression: 'queuePK = :svc',
    ExpressionAttributeValues: { ':svc': serviceCode },
    ProjectionExpression: 'kind, phase, serviceCode, priority, createdAt',
  });
  for await (const page of pages) queued.push(...((page.Items ?? []) as QueueFields[]));
  const counts = new Map(counterDeltas(queued.map((after) => ({ after }))).map(({ key, delta }) => [shardSK(key.SK, 0), delta]));
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

/**
 * How many waiting items a service's counters hold against how many its queue index holds: equal once
 * the stream has caught up (benchmarks and tests wait on it; the rebuild's check). O(queue): never on a
 * request path.
 */
export async function queueCountCheck(serviceCode: string): Promise<{ counted: number; queued: number }> {
  const [counted, queued] = await Promise.all([sumCounters(serviceCode, monthSK(0), monthSK(9)), countQueued(serviceCode, '0#', '9#')]);
  return { counted, queued };
}
