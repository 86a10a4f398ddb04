import ngeohash from 'ngeohash';
import type { Bill } from '../../shared/bills/model.js';
import type { HistoryEvent, Item, NotificationKind } from '../../shared/items.js';
import { queueSortKey } from '../../shared/queue.js';
import { BILL_STORAGE_ONLY, billIndexAttributes } from './bill-keys.js';

/** Key layout of the single table. Only the store knows it. */
export const ITEM_SK = '#ITEM';
export const EVENT_PREFIX = 'EVT#';
export const NOTIFICATION_PREFIX = 'NTF#';
export const SUBSCRIPTION_PREFIX = 'SUB#';
/** Geohash precision of the cell index's partition key (~39 km x 20 km): a city spans a few cells. */
export const CELL_PRECISION = 4;

export const itemPK = (id: string) => `ITEM#${id}`;
export const referenceKey = (reference: string) => ({ PK: `REF#${reference.toUpperCase()}`, SK: '#REF' });
export const idempotencyKey = (key: string) => ({ PK: `IDEM#${key}`, SK: '#IDEM' });
export const eventSK = (event: Pick<HistoryEvent, 'at' | 'id'>) => `${EVENT_PREFIX}${event.at}#${event.id}`;

/** The stored record of an item: its attributes plus the keys of every index it belongs to. */
export function itemRecord(item: Item): Record<string, unknown> {
  const recency = `${item.updatedAt}#${item.id}`;
  const record: Record<string, unknown> = {
    PK: itemPK(item.id),
    SK: ITEM_SK,
    entity: 'item',
    ...item,
    phasePK: `${item.kind}#${item.phase}`,
    phaseSK: recency,
    servicePK: `${item.serviceCode}#${item.phase}`,
    serviceSK: recency,
  };
  if (item.phase === 'waiting') {
    record.queuePK = item.serviceCode;
    record.queueSK = queueSortKey(item);
  }
  if (item.location) {
    const hash = ngeohash.encode(item.location.lat, item.location.lng, 9);
    record.cellPK = `${item.kind}#${hash.slice(0, CELL_PRECISION)}`;
    record.cellSK = `${hash}#${item.id}`;
  }
  if (item.assignee) {
    record.assigneePK = item.assignee.id;
    record.assigneeSK = recency;
  }
  if (item.kind === 'bill') {
    Object.assign(record, billIndexAttributes(item as Bill));
    delete record.queuePK;
    delete record.queueSK;
  }
  return record;
}

export function eventRecord(itemId: string, event: HistoryEvent): Record<string, unknown> {
  return { PK: itemPK(itemId), SK: eventSK(event), entity: 'event', itemId, ...event };
}

/** Notifications live 7 days: long enough for any stream retry, then DynamoDB's TTL removes them. */
const NOTIFICATION_TTL_SECONDS = 7 * 24 * 3600;

export function notificationRecord(item: Item, kind: NotificationKind, event: HistoryEvent): Record<string, unknown> {
  return {
    PK: itemPK(item.id),
    SK: `${NOTIFICATION_PREFIX}${event.id}#${kind}`,
    entity: 'notification',
    kind,
    itemId: item.id,
    eventId: event.id,
    eventSK: eventSK(event),
    itemVersion: item.version,
    createdAt: event.at,
    expiresAt: Math.floor(Date.parse(event.at) / 1000) + NOTIFICATION_TTL_SECONDS,
  };
}

const STORAGE_ONLY = [
  'PK',
  'SK',
  'entity',
  'queuePK',
  'queueSK',
  'phasePK',
  'phaseSK',
  'servicePK',
  'serviceSK',
  'cellPK',
  'cellSK',
  'assigneePK',
  'assigneeSK',
  'expiresAt',
  ...BILL_STORAGE_ONLY,
];

/** Strips keys and index attributes from a stored record. */
export function fromRecord<T>(record: Record<string, unknown>): T {
  const copy = { ...record };
  for (const key of STORAGE_ONLY) delete copy[key];
  return copy as T;
}

export function itemFromRecord(record: Record<string, unknown>): Item {
  return fromRecord<Item>(record);
}

export function eventFromRecord(record: Record<string, unknown>): HistoryEvent {
  const { itemId: _itemId, ...event } = fromRecord<HistoryEvent & { itemId: string }>(record);
  return event;
}
