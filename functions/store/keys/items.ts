import ngeohash from 'ngeohash';
import { type Bill, numberKey, numberSortKey } from '../../../shared/bills/model.js';
import type { HistoryEvent, Item } from '../../../shared/items.js';
import { queueSortKey } from '../../../shared/queue.js';
import { slaIndexAttributes } from './sla.js';

/**
 * Keys of the item family: an item (report or bill) and the records that live and die with it, its
 * history events, its reference and, for creates, the idempotency record. Only the store knows them.
 *
 *   ITEM#<id>  #ITEM            the item, carrying the keys of every index it is in
 *   ITEM#<id>  EVT#<at>#<id>    one history event (sorts after #ITEM: one Query reads both)
 *   REF#<reference> #REF        reference → item id (unique)
 *   IDEM#<key> #IDEM            Idempotency-Key → item id, with the request body's hash (TTL; none for
 *                               an Open311 key's external_id, which names its request for good)
 */
export const ITEM_SK = '#ITEM';
export const EVENT_PREFIX = 'EVT#';
/** Geohash precision of the cell index's partition key (~39 km x 20 km): a city spans a few cells. */
export const CELL_PRECISION = 4;
/** Idempotency records outlive any sane client retry window, then TTL removes them. */
const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

export const itemPK = (id: string) => `ITEM#${id}`;
export const itemKey = (id: string) => ({ PK: itemPK(id), SK: ITEM_SK });
export const referenceKey = (reference: string) => ({ PK: `REF#${reference.toUpperCase()}`, SK: '#REF' });
export const idempotencyKey = (key: string) => ({ PK: `IDEM#${key}`, SK: '#IDEM' });
/** An imported item's source record: `<system>#<id>` → the item (makes re-imports idempotent). */
export const sourceKeyOf = (source: { system: string; id: string }) => `${source.system}#${source.id}`;
export const sourceRecordKey = (source: { system: string; id: string }) => ({ PK: `SRC#${sourceKeyOf(source)}`, SK: '#SRC' });
export const eventSK = (event: Pick<HistoryEvent, 'at' | 'id'>) => `${EVENT_PREFIX}${event.at}#${event.id}`;
export const eventKey = (itemId: string, eventSKValue: string) => ({ PK: itemPK(itemId), SK: eventSKValue });

/** The stored record of an item: its attributes plus the keys of every index it belongs to. */
export function itemRecord(item: Item): Record<string, unknown> {
  // Never before its creation: an item whose source gave an update before its creation sorts as created, so
  // "waiting items changed since" finds every item created since (the queue position, store/queue-counts.ts).
  const recency = `${[item.createdAt, item.updatedAt].sort()[1]}#${item.id}`;
  const record: Record<string, unknown> = {
    ...itemKey(item.id),
    entity: 'item',
    ...item,
    phasePK: `${item.kind}#${item.phase}`,
    phaseSK: recency,
    servicePK: `${item.serviceCode}#${item.phase}`,
    serviceSK: recency,
  };
  // A hidden report leaves the queue (sparse index), so the positions of the others close up.
  if (item.phase === 'waiting' && item.kind === 'report' && !item.hidden) {
    record.queuePK = item.serviceCode;
    record.queueSK = queueSortKey(item);
  }
  if (item.location) {
    const hash = ngeohash.encode(item.location.lat, item.location.lng, 9);
    record.cellPK = `${item.kind}#${hash.slice(0, CELL_PRECISION)}`;
    record.cellSK = `${hash}#${item.id}`;
  }
  if (item.area && item.kind === 'report') {
    record.areaPK = `${item.kind}#${item.area.id}#${item.phase}`;
    record.areaSK = recency;
  }
  if (item.source?.id) record.sourceKey = sourceKeyOf({ system: item.source.system, id: item.source.id });
  if (item.assignee) {
    record.assigneePK = item.assignee.id;
    record.assigneeSK = recency;
  }
  if (item.kind === 'bill') Object.assign(record, billIndexAttributes(item as Bill));
  Object.assign(record, slaIndexAttributes(item));
  return record;
}

/**
 * Index attributes of a bill record: `session` (a session's bills in number order), `agenda` (bills
 * with a scheduled vote, soonest first; sparse) and lower-case text for the `q` and `sponsor` filters.
 * Bills have no public work queue, so they carry no queue keys.
 */
function billIndexAttributes(bill: Bill): Record<string, unknown> {
  const attrs: Record<string, unknown> = {
    sessionPK: `bill#${bill.session}`,
    sessionSK: `${numberSortKey(bill.number)}#${bill.id}`,
    searchText: `${bill.number} ${numberKey(bill.number)} ${bill.title}`.toLowerCase(),
    sponsorText: `|${(bill.sponsors ?? []).map((s) => s.name.toLowerCase()).join('|')}|`,
  };
  if (bill.scheduledVote) {
    attrs.agendaPK = 'bill';
    attrs.agendaSK = `${bill.scheduledVote.at}#${bill.id}`;
  }
  return attrs;
}

export function eventRecord(itemId: string, event: HistoryEvent): Record<string, unknown> {
  return { ...eventKey(itemId, eventSK(event)), entity: 'event', itemId, ...event };
}

/** The reference's uniqueness record: a citizen reads the reference out, the store resolves it to the id. */
export function referenceRecord(item: Pick<Item, 'id' | 'reference' | 'kind'>): Record<string, unknown> {
  return { ...referenceKey(item.reference), entity: 'reference', itemId: item.id, kind: item.kind };
}

/** `nowMs` null: a permanent record (no `expiresAt`, so TTL never removes it). */
export function idempotencyRecord(
  key: string,
  bodyHash: string,
  itemId: string,
  nowMs: number | null = Date.now(),
): Record<string, unknown> {
  return {
    ...idempotencyKey(key),
    entity: 'idempotency',
    bodyHash,
    itemId,
    ...(nowMs === null ? {} : { expiresAt: Math.floor(nowMs / 1000) + IDEMPOTENCY_TTL_SECONDS }),
  };
}

/** Keys and index attributes: stripped from records on the way out. */
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
  'areaPK',
  'areaSK',
  'sourceKey',
  'sessionPK',
  'sessionSK',
  'agendaPK',
  'agendaSK',
  'searchText',
  'sponsorText',
  'expiresAt',
  'duePK',
  'dueSK',
  'dueAtRiskAt',
  'escalationPK',
  'escalationSK',
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
