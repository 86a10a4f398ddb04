import { BatchGetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Item } from '../../shared/items.js';
import { batchPut, ensureUniqueReferences, loadedItemRecord } from './bulk.js';
import { bulkDb, tableName } from './client.js';
import { EVENT_PREFIX, itemFromRecord, itemKey, itemPK, itemRecord, referenceRecord } from './keys/items.js';
import { loadShard } from './keys/stats.js';
import { loadedCounterItems } from './queue-counts.js';
import { countStatsLoaded } from './stats-stream.js';

/** The stored items with these ids (imported items have ids derived from their source): BatchGetItem, 100 a call, `concurrency` in flight. */
export async function storedItems(ids: string[], concurrency = 8): Promise<Map<string, Item>> {
  const found = new Map<string, Item>();
  const groups: string[][] = [];
  for (let i = 0; i < ids.length; i += 100) groups.push(ids.slice(i, i + 100));
  let next = 0;
  const worker = async () => {
    while (next < groups.length) {
      let keys: Record<string, unknown>[] | undefined = (groups[next++] as string[]).map(itemKey);
      for (let attempt = 0; keys?.length; attempt++) {
        if (attempt) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
        const out = await bulkDb().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys } } }));
        for (const r of out.Responses?.[tableName()] ?? []) found.set(r.id as string, itemFromRecord(r));
        keys = out.UnprocessedKeys?.[tableName()]?.Keys as Record<string, unknown>[] | undefined;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return found;
}

/**
 * Loads new imported items in bulk: two records a row, the reference (first, so an item is never found
 * without it) and the item, which carries its source history (`importedHistory`) rather than one record
 * per event. The items carry COUNTED_ON_LOAD: the importer counts them itself, once per import
 * (`countImported`), so the stream consumers do not count their arrival again. Re-writing any of these
 * records is harmless.
 */
export async function loadNewItems(items: Item[], taken: Set<string>, concurrency = 16): Promise<void> {
  if (!items.length) return;
  await ensureUniqueReferences(items, taken);
  await batchPut(items.map(referenceRecord), concurrency);
  await batchPut(
    items.map((item) => loadedItemRecord(item, { countedOnLoad: true })),
    concurrency,
  );
}

/**
 * The queue, month, area and map-cell counters and the statistics for every item an import created, in
 * one pass at its end: all of them as puts to the run's own shard (`loadId`, see keys/stats.ts), 25 a
 * BatchWriteItem call, however many rows (an UpdateItem per counter was half of a 20k-row import's time). Pass the items' counting fields
 * only (`countingFields`), so an import holds a few hundred bytes per new row, not the rows.
 */
export async function countImported(items: Item[], loadId: string): Promise<void> {
  if (!items.length) return;
  await Promise.all([batchPut(loadedCounterItems(items, loadShard(loadId)), 16), countStatsLoaded(items, loadId)]);
}

/** What the counters and statistics read of an item: everything but its texts and history. */
export function countingFields(item: Item): Item {
  const { title: _t, description: _d, importedHistory: _h, address: _a, ...rest } = item;
  return { ...rest, title: '', description: '' };
}

/**
 * Writes a changed imported item, conditioned on the version read, so a staff change made meanwhile is
 * never overwritten (the row is reported instead). Its `importedHistory` replaces the old one whole (a
 * changed close time leaves one closed event, at the new time); event records an older importer wrote
 * per event (actor import) are deleted in the same transaction. The counters follow from the stream.
 */
export async function updateImportedItem(next: Item, expectedVersion: number): Promise<'updated' | 'conflict'> {
  const legacy = await importEventKeys(next.id);
  try {
    await bulkDb().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: itemRecord(next),
              ConditionExpression: 'version = :v',
              ExpressionAttributeValues: { ':v': expectedVersion },
            },
          },
          ...legacy.slice(0, 99).map((Key) => ({ Delete: { TableName: tableName(), Key } })),
        ],
      }),
    );
    return 'updated';
  } catch (err) {
    const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
    if (reasons?.[0]?.Code === 'ConditionalCheckFailed') return 'conflict';
    throw err;
  }
}

/** Keys of the item's event records written by an import (an importer before `importedHistory`). */
async function importEventKeys(id: string): Promise<{ PK: string; SK: string }[]> {
  const keys: { PK: string; SK: string }[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await bulkDb().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :evt)',
        FilterExpression: 'actor.#type = :import',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':pk': itemPK(id), ':evt': EVENT_PREFIX, ':import': 'import' },
        ProjectionExpression: 'PK, SK',
        ExclusiveStartKey,
      }),
    );
    for (const r of page.Items ?? []) keys.push({ PK: String(r.PK), SK: String(r.SK) });
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return keys;
}
