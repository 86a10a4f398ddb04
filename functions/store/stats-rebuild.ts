import { BatchWriteCommand, GetCommand, PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { PHASES } from '../../shared/catalog/index.js';
import type { Item } from '../../shared/items.js';
import { batchPut } from './bulk.js';
import { bulkDb, tableName } from './client.js';
import { itemFromRecord } from './keys/items.js';
import { STATS_READY_KEY, shardedSK } from './keys/stats.js';
import { statsDeltas } from './stats-stream.js';

/** Items read per page of the rebuild: what it holds at once besides the counters. */
const PAGE = 500;

/**
 * Recounts the statistics from the items themselves (the `rebuild` of this view): for a table whose
 * items predate the stats consumer, or whose stream trimmed before the consumer read it. Reads every
 * report a page at a time through the phase index (never the whole table in memory: what it holds is
 * the counters, bounded by services × areas × periods, not by reports), puts the counts into shard 0 of
 * each counter item, then deletes every other stats counter item (other shards, import shards, scopes no
 * report counts any more), and marks the table. Idempotent: a second run writes the same items and
 * deletes nothing. Only while the stats consumer is stopped; it then starts at the stream's tip (what
 * the stream holds is in the recount).
 */
export async function rebuildStats(opts: { concurrency?: number } = {}): Promise<{ items: number; counterItems: number; deleted: number }> {
  const counters = new Map<string, Map<string, number>>();
  let items = 0;
  for (const phase of PHASES) {
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      // The bulk client: no request-path timeout for an offline recount on a busy table.
      const page = await bulkDb().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: 'phase',
          KeyConditionExpression: 'phasePK = :pk',
          ExpressionAttributeValues: { ':pk': `report#${phase}` },
          Limit: PAGE,
          ExclusiveStartKey,
        }),
      );
      ExclusiveStartKey = page.LastEvaluatedKey;
      const reports = (page.Items ?? []).map((r) => itemFromRecord(r) as Item);
      items += reports.length;
      for (const [key, attrs] of statsDeltas(reports.map((after) => ({ after })))) {
        const into = counters.get(key) ?? new Map<string, number>();
        for (const [attr, n] of attrs) into.set(attr, (into.get(attr) ?? 0) + n);
        counters.set(key, into);
      }
    } while (ExclusiveStartKey);
  }
  const kept = new Set<string>();
  const records = [...counters].map(([key, attrs]) => {
    const [PK, prefix] = key.split('\n') as [string, string];
    const SK = shardedSK(prefix, 0);
    kept.add(`${PK}\n${SK}`);
    return { PK, SK, entity: 'stats', ...Object.fromEntries([...attrs].filter(([, n]) => n !== 0)) };
  });
  await batchPut(records, opts.concurrency ?? 8);
  const deleted = await deleteStatsItemsExcept(kept);
  await bulkDb().send(
    new PutCommand({ TableName: tableName(), Item: { ...STATS_READY_KEY, entity: 'meta', at: new Date().toISOString(), items } }),
  );
  return { items, counterItems: records.length, deleted };
}

/**
 * Deletes every stats counter item (`STATS#…`) whose key is not in `kept`. A Scan of keys only, a page
 * at a time: the rebuild is an offline command, and stats items of every scope must be found, including
 * those of a service or area no report names any more.
 */
async function deleteStatsItemsExcept(kept: Set<string>): Promise<number> {
  let deleted = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await bulkDb().send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: 'begins_with(PK, :stats)',
        ExpressionAttributeValues: { ':stats': 'STATS#' },
        ProjectionExpression: 'PK, SK',
        ExclusiveStartKey,
      }),
    );
    const stale = (page.Items ?? []).filter((r) => !kept.has(`${r.PK}\n${r.SK}`)).map((r) => ({ PK: r.PK, SK: r.SK }));
    for (let i = 0; i < stale.length; i += 25) {
      let pending = stale.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
      for (let attempt = 0; pending.length; attempt++) {
        if (attempt) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
        const out = await bulkDb().send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending } }));
        pending = (out.UnprocessedItems?.[tableName()] ?? []) as typeof pending;
      }
    }
    deleted += stale.length;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return deleted;
}

/**
 * Makes sure the statistics hold every item: a table without the stats marker (written before the
 * stats consumer, or a local data folder from an older version) is recounted once. Run at start-up,
 * before the stats consumer starts, as `ensureQueueCounts` is; after a rebuild the consumer starts at
 * the stream's tip.
 */
export async function ensureStats(): Promise<'ready' | 'rebuilt'> {
  const { Item } = await bulkDb().send(new GetCommand({ TableName: tableName(), Key: STATS_READY_KEY, ConsistentRead: true }));
  if (Item) return 'ready';
  await rebuildStats();
  return 'rebuilt';
}
