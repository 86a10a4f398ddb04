import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Bill } from '../../shared/bills/model.js';
import { NotFoundError } from '../../shared/errors.js';
import { db, tableName } from './client.js';
import { findItem } from './items.js';
import { officePK, WATCH_PREFIX, watchKey, watchRecord } from './keys/bills.js';
import { queryAllPages } from './paginate.js';

/**
 * A tracked bill on an office's watchlist, with the office's private note. Stored in the office's own
 * partition (`OFFICE#<office>`), never in the bill's: no public read path can reach it.
 */
export interface WatchEntry {
  office: string;
  billId: string;
  note: string;
  addedAt: string;
  updatedAt: string;
  updatedBy: string;
}

const strip = (r: Record<string, unknown>): WatchEntry => {
  const { PK: _pk, SK: _sk, entity: _e, ...entry } = r;
  return entry as unknown as WatchEntry;
};

export async function findWatch(office: string, billId: string): Promise<WatchEntry | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: watchKey(office, billId) }));
  return Item ? strip(Item) : undefined;
}

/** Stores an office's watchlist entry (new or with a changed note). */
export async function saveWatch(entry: WatchEntry): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: watchRecord(entry) }));
}

/** Removes a bill from an office's watchlist; a NotFoundError if it was not on it. */
export async function deleteWatch(office: string, billId: string): Promise<void> {
  const out = await db().send(new DeleteCommand({ TableName: tableName(), Key: watchKey(office, billId), ReturnValues: 'ALL_OLD' }));
  if (!out.Attributes) throw new NotFoundError('This bill is not on your office watchlist.');
}

/** The office's tracked bills with their notes, each with the bill as it is now. One Query, then one GetItem per bill. */
export async function listWatch(office: string): Promise<{ entry: WatchEntry; bill?: Bill }[]> {
  const entries: WatchEntry[] = [];
  const pages = queryAllPages({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :w)',
    ExpressionAttributeValues: { ':pk': officePK(office), ':w': WATCH_PREFIX },
  });
  for await (const page of pages) entries.push(...(page.Items ?? []).map(strip));
  return Promise.all(entries.map(async (entry) => ({ entry, bill: (await findItem(entry.billId)) as Bill | undefined })));
}
