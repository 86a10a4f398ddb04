import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { NotFoundError } from '../../shared/errors.js';
import type { HistoryEvent, Item } from '../../shared/items.js';
import { isReference } from '../../shared/reference.js';
import { db, tableName } from './client.js';
import { EVENT_PREFIX, eventFromRecord, ITEM_SK, idempotencyKey, itemFromRecord, itemKey, itemPK, referenceKey } from './keys/items.js';
import { queryAllPages } from './paginate.js';

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

/**
 * An item and its whole history in one query: the item record sorts first in its partition,
 * then its events in time order.
 */
export async function getItemWithHistory(idOrReference: string, kind?: Kind): Promise<{ item: Item; history: HistoryEvent[] }> {
  const id = await resolveItemId(idOrReference);
  if (!id) throw absent(idOrReference, kind);
  let item: Item | undefined;
  const history: HistoryEvent[] = [];
  const pages = queryAllPages({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :first AND :last',
    ExpressionAttributeValues: { ':pk': itemPK(id), ':first': ITEM_SK, ':last': `${EVENT_PREFIX}\uffff` },
  });
  for await (const page of pages) {
    for (const record of page.Items ?? []) {
      if (record.SK === ITEM_SK) item = itemFromRecord(record);
      else if (String(record.SK).startsWith(EVENT_PREFIX)) history.push(eventFromRecord(record));
    }
  }
  if (!item || (kind && item.kind !== kind)) throw absent(idOrReference, kind);
  return { item, history };
}

/** The create an Idempotency-Key was first used for: the item it made and the hash of its body. */
export async function findIdempotentCreate(key: string): Promise<{ itemId: string; bodyHash: string } | undefined> {
  const { Item: record } = await db().send(new GetCommand({ TableName: tableName(), Key: idempotencyKey(key), ConsistentRead: true }));
  return record ? { itemId: record.itemId as string, bodyHash: record.bodyHash as string } : undefined;
}
