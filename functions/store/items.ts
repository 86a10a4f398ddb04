import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { NotFoundError, StaleVersionError } from '../../shared/errors.js';
import type { Change, HistoryEvent, Item } from '../../shared/items.js';
import { isReference } from '../../shared/reference.js';
import { db, tableName } from './client.js';
import { backoff, isWriteConflict } from './errors.js';
import {
  EVENT_PREFIX,
  eventFromRecord,
  eventRecord,
  ITEM_SK,
  itemFromRecord,
  itemPK,
  itemRecord,
  notificationRecord,
  referenceKey,
} from './keys.js';
import { queryAllPages } from './paginate.js';
import { queueCountWrites } from './queue-counts.js';

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/** The item with this id, or undefined. One GetItem; `consistent` for a read that a write depends on. */
export async function findItem(id: string, consistent = false): Promise<Item | undefined> {
  const { Item: record } = await db().send(
    new GetCommand({ TableName: tableName(), Key: { PK: itemPK(id), SK: ITEM_SK }, ConsistentRead: consistent }),
  );
  return record ? itemFromRecord(record) : undefined;
}

/** Resolves an id or a reference (as a citizen reads it out) to the item's id. */
export async function resolveItemId(idOrReference: string): Promise<string | undefined> {
  if (!isReference(idOrReference)) return idOrReference;
  const { Item: record } = await db().send(new GetCommand({ TableName: tableName(), Key: referenceKey(idOrReference) }));
  return record?.itemId as string | undefined;
}

/** The item named by an id or reference, or a NotFoundError. */
export async function getItem(idOrReference: string, consistent = false): Promise<Item> {
  const id = await resolveItemId(idOrReference);
  const item = id ? await findItem(id, consistent) : undefined;
  if (!item) throw new NotFoundError(`There is no item "${idOrReference}".`);
  return item;
}

/**
 * An item and its whole history in one query: the item record sorts first in its partition,
 * then its events in time order.
 */
export async function getItemWithHistory(idOrReference: string): Promise<{ item: Item; history: HistoryEvent[] }> {
  const id = await resolveItemId(idOrReference);
  if (!id) throw new NotFoundError(`There is no item "${idOrReference}".`);
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
  if (!item) throw new NotFoundError(`There is no item "${idOrReference}".`);
  return { item, history };
}

/** The writes of a change besides the item itself: its events and notification records. */
function appendWrites(change: Change): TransactItem[] {
  const event = change.events.at(-1);
  return [
    ...change.events.map((e) => ({
      Put: { TableName: tableName(), Item: eventRecord(change.item.id, e), ConditionExpression: 'attribute_not_exists(PK)' },
    })),
    ...(event
      ? change.notifications.map((kind) => ({ Put: { TableName: tableName(), Item: notificationRecord(change.item, kind, event) } }))
      : []),
  ];
}

/**
 * Writes a new item, its reference, events, notifications and queue counters in one transaction, plus
 * any extra writes (an idempotency record, kept last). The reference must not exist yet.
 */
export async function insertItem(change: Change, extra: TransactItem[] = []): Promise<void> {
  const { item } = change;
  await db().send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: tableName(), Item: itemRecord(item), ConditionExpression: 'attribute_not_exists(PK)' } },
        {
          Put: {
            TableName: tableName(),
            Item: { ...referenceKey(item.reference), entity: 'reference', itemId: item.id, kind: item.kind },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        ...appendWrites(change),
        ...queueCountWrites(undefined, item),
        ...extra,
      ],
    }),
  );
}

/**
 * Applies a change to an existing item in one transaction: the item is replaced only if it is still
 * at the version the change was computed from (`before`), so exactly one concurrent writer wins per
 * version; the queue counters move with it.
 */
export async function commitChange(change: Change, before: Item, extra: TransactItem[] = []): Promise<void> {
  await db().send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: tableName(),
            Item: itemRecord(change.item),
            ConditionExpression: 'version = :expected',
            ExpressionAttributeValues: { ':expected': before.version },
          },
        },
        ...appendWrites(change),
        ...queueCountWrites(before, change.item),
        ...extra,
      ],
    }),
  );
}

/** A condition that another item exists, checked inside the same transaction. */
export function itemExistsCheck(id: string): TransactItem {
  return { ConditionCheck: { TableName: tableName(), Key: { PK: itemPK(id), SK: ITEM_SK }, ConditionExpression: 'attribute_exists(PK)' } };
}

export interface UpdateOptions {
  /** The version the caller last saw (from If-Match); a mismatch is a StaleVersionError. */
  ifMatch?: number;
  /** Extra writes or checks for the same transaction, computed from the current item. */
  extra?: (item: Item) => TransactItem[];
}

const MAX_ATTEMPTS = 6;

/**
 * Reads an item, computes a change from it and commits it atomically. A lost race is retried on the
 * freshly read item, so the decision (e.g. "is this transition still allowed?") is always taken on
 * current state; with If-Match, a fresh read at another version is a StaleVersionError. (A race can be
 * lost on a shared record, a queue counter, while the item itself is unchanged: that is retried too.)
 */
export async function updateItem(idOrReference: string, decide: (item: Item) => Change, opts: UpdateOptions = {}): Promise<Item> {
  for (let attempt = 1; ; attempt++) {
    const current = await getItem(idOrReference, true);
    if (opts.ifMatch !== undefined && opts.ifMatch !== current.version) throw new StaleVersionError(current.version);
    const change = decide(current);
    if (change.events.length === 0) return current;
    try {
      await commitChange(change, current, opts.extra?.(current));
      return change.item;
    } catch (err) {
      if (!isWriteConflict(err)) throw err;
      if (attempt >= MAX_ATTEMPTS) throw new StaleVersionError();
      await backoff(attempt);
    }
  }
}
