import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { NotFoundError } from '../../shared/errors.js';
import type { HistoryEvent, Item } from '../../shared/items.js';
import { isReference } from '../../shared/reference.js';
import { db, tableName } from './client.js';
import { EVENT_PREFIX, eventFromRecord, ITEM_SK, idempotencyKey, itemFromRecord, itemKey, itemPK, referenceKey } from './keys/items.js';

/** Which kind of item a caller means; an item of another kind is, to that caller, absent. */
export type Kind = Item['kind'];

const absent = (idOrReference: string, kind?: Kind) =>
  new NotFoundError(`There is no ${kind === 'bill' ? 'bill' : 'item'} "${idOrReference}".`);

/** The item with this id, or undefined. One GetItem; `consistent` for a read that a write depends on. */
export async function findItem(id: string, consistent = false): Promise<Item | undefined> {
  const { Item: record } = await db().send(new GetCommand({ TableName: tableName(), Key: itemKey(id), ConsistentRead: consistent }));
  return record ? itemFromRecord(record) : undefined;
}

/** Resolves an id or a reference (as a citizen reads it out) to the item's id. */
export async function resolveItemId(idOrReference: string): Promise<string | undefined> {
  if (!isReference(idOrReference)) return idOrReference;
  const { Item: record } = await db().send(new GetCommand({ TableName: tableName(), Key: referenceKey(idOrReference) }));
  return record?.itemId as string | undefined;
}

/** The item named by an id or reference, of the kind asked for, or a NotFoundError. */
export async function getItem(idOrReference: string, opts: { kind?: Kind; consistent?: boolean } = {}): Promise<Item> {
  const id = await resolveItemId(idOrReference);
  const item = id ? await findItem(id, opts.consistent) : undefined;
  if (!item || (opts.kind && item.kind !== opts.kind)) throw absent(idOrReference, opts.kind);
  return item;
}

/** The most history events one read returns: the latest ones (an item's events are unbounded, e.g. public comments). */
export const HISTORY_LIMIT = 200;

/**
 * An item and its latest HISTORY_LIMIT events, in time order, with `historyTruncated` when older
 * events exist. One Query, newest first, reads the events and then the item record, which sorts before
 * them in its partition; only an item with more events than the limit needs a GetItem for the record.
 */
export async function getItemWithHistory(
  idOrReference: string,
  kind?: Kind,
): Promise<{ item: Item; history: HistoryEvent[]; historyTruncated: boolean }> {
  const id = await resolveItemId(idOrReference);
  if (!id) throw absent(idOrReference, kind);
  let item: Item | undefined;
  const newestFirst: HistoryEvent[] = [];
  let startKey: Record<string, unknown> | undefined;
  // HISTORY_LIMIT + 1 events tell whether there are more; a page may stop early at 1 MB, hence the loop.
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :first AND :last',
        ExpressionAttributeValues: { ':pk': itemPK(id), ':first': ITEM_SK, ':last': `${EVENT_PREFIX}\uffff` },
        ScanIndexForward: false,
        Limit: HISTORY_LIMIT + 2 - newestFirst.length,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const record of page.Items ?? []) {
      if (record.SK === ITEM_SK) item = itemFromRecord(record);
      else if (String(record.SK).startsWith(EVENT_PREFIX)) newestFirst.push(eventFromRecord(record));
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey && !item && newestFirst.length <= HISTORY_LIMIT);
  if (!item && startKey) item = await findItem(id);
  if (!item || (kind && item.kind !== kind)) throw absent(idOrReference, kind);
  // An imported item's source history lives on the item (a few events): merged in time order.
  if (item.importedHistory?.length) {
    newestFirst.push(...[...item.importedHistory].reverse());
    newestFirst.sort((a, b) => (a.at === b.at ? 0 : a.at < b.at ? 1 : -1));
  }
  return { item, history: newestFirst.slice(0, HISTORY_LIMIT).reverse(), historyTruncated: newestFirst.length > HISTORY_LIMIT };
}

/** The create an Idempotency-Key was first used for: the item it made and the hash of its body. */
export async function findIdempotentCreate(key: string): Promise<{ itemId: string; bodyHash: string } | undefined> {
  const { Item: record } = await db().send(new GetCommand({ TableName: tableName(), Key: idempotencyKey(key), ConsistentRead: true }));
  return record ? { itemId: record.itemId as string, bodyHash: record.bodyHash as string } : undefined;
}
