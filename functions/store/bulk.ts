import { BatchGetCommand, type BatchGetCommandOutput, BatchWriteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Bill } from '../../shared/bills/model.js';
import type { HistoryEvent, Item } from '../../shared/items.js';
import { newReference } from '../../shared/reference.js';
import { bulkDb, tableName } from './client.js';
import { billNumberRecord } from './keys/bills.js';
import { COUNTED_ON_LOAD, SEEDED_KEY } from './keys/counters.js';
import { eventRecord, itemRecord, referenceKey, referenceRecord } from './keys/items.js';

/**
 * An item record for a bulk load. `countedOnLoad`: the loader adds the items to the queue counters
 * itself (countBulkLoaded), so the counters' stream consumer must not count their arrival again;
 * without it, the stream counts them like any other write.
 */
export function loadedItemRecord(item: Item, opts: { countedOnLoad?: boolean } = {}): Record<string, unknown> {
  return opts.countedOnLoad ? { ...itemRecord(item), [COUNTED_ON_LOAD]: true } : itemRecord(item);
}

/**
 * Every record that stores one item with its history, for bulk loading (seed, demo bills, benchmarks):
 * the item, its reference, its events and, for a bill, its number's uniqueness record.
 */
export function recordsOf(item: Item, history: HistoryEvent[], opts: { countedOnLoad?: boolean } = {}): Record<string, unknown>[] {
  return [
    loadedItemRecord(item, opts),
    referenceRecord(item),
    ...history.map((e) => eventRecord(item.id, e)),
    ...(item.kind === 'bill' ? [billNumberRecord(item as Bill)] : []),
  ];
}

/**
 * Gives every item a reference that no stored item and no other item in `taken` has: bulk loads skip
 * the create transaction's uniqueness condition, so they must check (one BatchGetItem per 100 items).
 * Rewrites clashing references in place; every final reference ends up in `taken`.
 */
export async function ensureUniqueReferences(items: Item[], taken: Set<string>): Promise<void> {
  let pending = items;
  while (pending.length) {
    for (const item of pending) {
      while (taken.has(item.reference)) item.reference = newReference(item.reference.split('-')[0]);
      taken.add(item.reference);
    }
    const stored = await storedReferences(pending.map((i) => i.reference));
    pending = pending.filter((i) => stored.has(i.reference.toUpperCase()));
  }
}

/** Which of these references the table already holds (upper-cased). */
async function storedReferences(references: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < references.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = references.slice(i, i + 100).map(referenceKey);
    for (let attempt = 0; keys?.length; attempt++) {
      if (attempt) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      const out: BatchGetCommandOutput = await bulkDb().send(
        new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys, ProjectionExpression: 'PK' } } }),
      );
      for (const row of out.Responses?.[tableName()] ?? []) found.add(String(row.PK).slice('REF#'.length));
      keys = out.UnprocessedKeys?.[tableName()]?.Keys;
    }
  }
  return found;
}

/**
 * Writes records with BatchWriteItem, 25 at a time and `concurrency` batches in flight, retrying
 * unprocessed items. Not transactional: only for loading data no request is reading yet.
 */
export async function batchPut(records: Record<string, unknown>[], concurrency = 8, onProgress?: (done: number) => void): Promise<void> {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < records.length; i += 25) batches.push(records.slice(i, i + 25));
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < batches.length) {
      let pending = batches[next++] as Record<string, unknown>[];
      for (let attempt = 0; pending.length; attempt++) {
        const out = await bulkDb().send(
          new BatchWriteCommand({ RequestItems: { [tableName()]: pending.map((Item) => ({ PutRequest: { Item } })) } }),
        );
        const left = out.UnprocessedItems?.[tableName()] ?? [];
        done += pending.length - left.length;
        pending = left.map((r) => r.PutRequest?.Item as Record<string, unknown>);
        if (pending.length) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      }
      onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Whether demo data was loaded into this table already. */
export async function isSeeded(): Promise<boolean> {
  const { Item } = await bulkDb().send(new GetCommand({ TableName: tableName(), Key: SEEDED_KEY }));
  return Boolean(Item);
}

export async function markSeeded(count: number): Promise<void> {
  await bulkDb().send(
    new PutCommand({ TableName: tableName(), Item: { ...SEEDED_KEY, entity: 'meta', count, at: new Date().toISOString() } }),
  );
}
