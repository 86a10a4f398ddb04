import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { Item } from '../../shared/items.js';
import { contributions, jurisdictionCalendar } from '../../shared/sla/index.js';
import { batchPut } from './bulk.js';
import { bulkDb, db, tableName } from './client.js';
import { backoff, cancellationCodes, isWriteConflict } from './errors.js';
import { COUNTED_ON_LOAD } from './keys/counters.js';
import { counterItemOf, loadShard, STATS_SHARDS, shardedSK, statsAppliedMarker } from './keys/stats.js';

/**
 * The statistics' side of the table stream: what each record changes in the stats counters (the
 * difference between what the item contributes after and before), and applying a run of records as
 * one transaction with a marker per record (idempotent per stream record, as the queue counters are:
 * see store/queue-count-stream.ts for why markers rather than a checkpoint).
 */
export interface StatsChange {
  eventId: string;
  sequenceNumber: string;
  /** Net +/- per counter item (`PK\nSKPrefix`) and attribute. */
  deltas: Map<string, Map<string, number>>;
}

type Image = NonNullable<NonNullable<DynamoDBRecord['dynamodb']>['NewImage']>;

function itemImage(image: Image | undefined): Item | undefined {
  if (image?.entity?.S !== 'item') return undefined;
  // biome-ignore lint/suspicious/noExplicitAny: the Lambda and SDK AttributeValue types differ only nominally
  return unmarshall(image as any) as Item;
}

/** The net change to the counters when items go from `before` to `after`. */
export function statsDeltas(changes: { before?: Item; after?: Item }[]): Map<string, Map<string, number>> {
  const { timezone } = jurisdictionCalendar();
  const deltas = new Map<string, Map<string, number>>();
  const add = (item: Item | undefined, by: number) => {
    for (const c of contributions(item, timezone)) {
      const { PK, SKPrefix } = counterItemOf(c);
      const key = `${PK}\n${SKPrefix}`;
      const attrs = deltas.get(key) ?? new Map<string, number>();
      attrs.set(c.attr, (attrs.get(c.attr) ?? 0) + by);
      deltas.set(key, attrs);
    }
  };
  for (const { before, after } of changes) {
    add(before, -1);
    add(after, +1);
  }
  for (const [key, attrs] of deltas) {
    for (const [attr, n] of attrs) if (n === 0) attrs.delete(attr);
    if (attrs.size === 0) deltas.delete(key);
  }
  return deltas;
}

/** What a stream record changes in the statistics; undefined when nothing (most records). */
export function statsChangeOf(record: DynamoDBRecord): StatsChange | undefined {
  const before = itemImage(record.dynamodb?.OldImage);
  const after = itemImage(record.dynamodb?.NewImage);
  if (!before && !after) return undefined;
  // A bulk-loaded item's arrival was counted by its loader (countStatsBulkLoaded).
  if (record.eventName === 'INSERT' && (after as Record<string, unknown> | undefined)?.[COUNTED_ON_LOAD]) return undefined;
  const deltas = statsDeltas([{ before, after }]);
  if (!deltas.size) return undefined;
  return { eventId: record.eventID as string, sequenceNumber: record.dynamodb?.SequenceNumber as string, deltas };
}

const MAX_TRANSACTION_ITEMS = 100;
/**
 * Records per transaction at most: one record moves up to 9 attributes of a period's item, and the
 * attributes of one item must fit one UpdateExpression (4 KB: ~300 `#aN :vN` pairs), since a
 * transaction may not touch an item twice. 50 records: at most ~110 distinct attributes per item.
 */
const MAX_RECORDS = 50;

/** Splits changes, in stream order, into runs that fit one transaction: a marker per change plus one update per counter item. */
export function chunkStatsChanges(changes: StatsChange[], limit = MAX_TRANSACTION_ITEMS): StatsChange[][] {
  const chunks: StatsChange[][] = [];
  let chunk: StatsChange[] = [];
  let items = new Set<string>();
  for (const change of changes) {
    const grown = new Set([...items, ...change.deltas.keys()]);
    if (chunk.length && (chunk.length + 1 + grown.size > limit || chunk.length >= MAX_RECORDS)) {
      chunks.push(chunk);
      chunk = [];
      items = new Set(change.deltas.keys());
    } else items = grown;
    chunk.push(change);
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

/** One ADD per counter item, of every attribute the run moves on it. */
function updateOf(key: string, attrs: Map<string, number>, shard: number) {
  const [PK, prefix] = key.split('\n') as [string, string];
  const entries = [...attrs];
  return {
    TableName: tableName(),
    Key: { PK, SK: shardedSK(prefix, shard) },
    UpdateExpression: `SET entity = :e ADD ${entries.map((_, i) => `#a${i} :v${i}`).join(', ')}`,
    ExpressionAttributeNames: Object.fromEntries(entries.map(([attr], i) => [`#a${i}`, attr])),
    ExpressionAttributeValues: { ':e': 'stats', ...Object.fromEntries(entries.map(([, n], i) => [`:v${i}`, n])) },
  };
}

function net(changes: StatsChange[]): Map<string, Map<string, number>> {
  const all = new Map<string, Map<string, number>>();
  for (const change of changes) {
    for (const [key, attrs] of change.deltas) {
      const into = all.get(key) ?? new Map<string, number>();
      for (const [attr, n] of attrs) into.set(attr, (into.get(attr) ?? 0) + n);
      all.set(key, into);
    }
  }
  for (const [key, attrs] of all) {
    for (const [attr, n] of attrs) if (n === 0) attrs.delete(attr);
    if (!attrs.size) all.delete(key);
  }
  return all;
}

/**
 * Applies a run of changes in one transaction: a marker per change and one update per counter item,
 * to one shard picked at random. Changes already applied (a redelivery) are dropped and the rest retried.
 */
export async function applyStatsChanges(chunk: StatsChange[], nowMs = Date.now()): Promise<{ applied: number }> {
  let pending = chunk;
  for (let attempt = 1; pending.length; attempt++) {
    const shard = Math.floor(Math.random() * STATS_SHARDS);
    const markers = pending.map((c) => ({
      Put: { TableName: tableName(), Item: statsAppliedMarker(c.eventId, nowMs), ConditionExpression: 'attribute_not_exists(PK)' },
    }));
    const updates = [...net(pending)].map(([key, attrs]) => ({ Update: updateOf(key, attrs, shard) }));
    try {
      await db().send(new TransactWriteCommand({ TransactItems: [...markers, ...updates] }));
      return { applied: pending.length };
    } catch (err) {
      const codes = cancellationCodes(err);
      if (!codes) throw err;
      const seen = pending.filter((_, i) => codes[i] === 'ConditionalCheckFailed');
      if (seen.length) pending = pending.filter((c) => !seen.includes(c));
      else if (codes.includes('TransactionConflict') && attempt < 10) await backoff(attempt);
      else throw err;
    }
  }
  return { applied: 0 };
}

/** Adds bulk-loaded items (seed, benchmarks) to the statistics: one UpdateItem per counter item touched (shard 0). */
export async function countStatsBulkLoaded(items: Item[]): Promise<void> {
  // One UpdateExpression holds a bounded number of attributes: a big load splits an item's into several updates.
  const deltas = [...statsDeltas(items.map((after) => ({ after })))].flatMap(([key, attrs]) => {
    const entries = [...attrs];
    const parts: [string, Map<string, number>][] = [];
    for (let i = 0; i < entries.length; i += 100) parts.push([key, new Map(entries.slice(i, i + 100))]);
    return parts;
  });
  for (let i = 0; i < deltas.length; i += 16) {
    await Promise.all(
      deltas.slice(i, i + 16).map(async ([key, attrs]) => {
        for (let attempt = 1; ; attempt++) {
          try {
            // The bulk client: a request-path timeout (3 s) turned a loaded DynamoDB Local into a failed load halfway.
            return await bulkDb().send(new UpdateCommand(updateOf(key, attrs, 0)));
          } catch (err) {
            if (!isWriteConflict(err) || attempt >= 10) throw err;
            await backoff(attempt);
          }
        }
      }),
    );
  }
}

/**
 * Adds a bulk load's items (an import run) to the statistics as puts to the load's own shard
 * (keys/stats.ts `loadShard`): one BatchWriteItem per 25 counter items, against one UpdateItem each.
 * Idempotent for one load id (the same puts again); a second load of the same items must not be counted
 * again (their records carry COUNTED_ON_LOAD and an import only counts the items it created).
 */
export async function countStatsLoaded(items: Item[], loadId: string, concurrency = 16): Promise<void> {
  const shard = loadShard(loadId);
  const records = [...statsDeltas(items.map((after) => ({ after })))].map(([key, attrs]) => {
    const [PK, prefix] = key.split('\n') as [string, string];
    return { PK, SK: shardedSK(prefix, shard), entity: 'stats', ...Object.fromEntries([...attrs].filter(([, n]) => n !== 0)) };
  });
  await batchPut(records, concurrency);
}
