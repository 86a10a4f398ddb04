import { BatchGetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { HistoryEvent, Item } from '../../shared/items.js';
import { batchPut, ensureUniqueReferences, loadedItemRecord } from './bulk.js';
import { bulkDb, tableName } from './client.js';

import { eventRecord, itemFromRecord, itemKey, itemRecord, referenceRecord } from './keys/items.js';
import { countBulkLoaded } from './queue-counts.js';
import { countStatsBulkLoaded } from './stats-stream.js';

/** The stored items with these ids (imported items have ids derived from their source): BatchGetItem, 100 a call. */
export async function storedItems(ids: string[]): Promise<Map<string, Item>> {
  const found = new Map<string, Item>();
  for (let i = 0; i < ids.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = ids.slice(i, i + 100).map(itemKey);
    for (let attempt = 0; keys?.length; attempt++) {
      if (attempt) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      const out = await bulkDb().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys } } }));
      for (const r of out.Responses?.[tableName()] ?? []) found.set(r.id as string, itemFromRecord(r));
      keys = out.UnprocessedKeys?.[tableName()]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return found;
}

/**
 * Loads new imported items in bulk: references made unique first, then their references and history
 * (BatchWriteItem), then the items themselves, so an item never appears without its history; then the
 * queue, month and area counters and the statistics for them in one pass (the items carry COUNTED_ON_LOAD,
 * so the stream consumers do not count their arrival again). Re-writing any of these records is harmless.
 */
export async function loadNewItems(entries: { item: Item; events: HistoryEvent[] }[], taken: Set<string>, concurrency = 16): Promise<void> {
  if (!entries.length) return;
  await ensureUniqueReferences(
    entries.map((e) => e.item),
    taken,
  );
  await batchPut(
    entries.flatMap(({ item, events }) => [referenceRecord(item), ...events.map((e) => eventRecord(item.id, e))]),
    concurrency,
  );
  await batchPut(
    entries.map(({ item }) => loadedItemRecord(item, { countedOnLoad: true })),
    concurrency,
  );
  await countBulkLoaded(entries.map((e) => e.item));
  await countStatsBulkLoaded(entries.map((e) => e.item));
}

/**
 * Writes a changed imported item: its new events first, then the item, conditioned on the version read,
 * so a staff change made meanwhile is never overwritten (the row is reported instead). The counters
 * follow from the stream, as for any change.
 */
export async function updateImportedItem(next: Item, events: HistoryEvent[], expectedVersion: number): Promise<'updated' | 'conflict'> {
  await batchPut(events.map((e) => eventRecord(next.id, e)));
  try {
    await bulkDb().send(
      new PutCommand({
        TableName: tableName(),
        Item: itemRecord(next),
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': expectedVersion },
      }),
    );
    return 'updated';
  } catch (err) {
    if ((err as { name?: string }).name === 'ConditionalCheckFailedException') return 'conflict';
    throw err;
  }
}
