import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { StaffActor } from '../../shared/actor.js';
import type { Bill } from '../../shared/bills/model.js';
import { NotFoundError } from '../../shared/errors.js';
import { officePK, WATCH_PREFIX, watchSK } from './bill-keys.js';
import { db, tableName } from './client.js';
import { findItem } from './items.js';
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

export async function getWatch(office: string, billId: string): Promise<WatchEntry | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: { PK: officePK(office), SK: watchSK(billId) } }));
  return Item ? strip(Item) : undefined;
}

/** Adds a bill to the office's watchlist or updates its note. */
export async function putWatch(office: string, bill: Bill, note: string, actor: StaffActor): Promise<WatchEntry> {
  const now = new Date().toISOString();
  const existing = await getWatch(office, bill.id);
  const entry: WatchEntry = { office, billId: bill.id, note, addedAt: existing?.addedAt ?? now, updatedAt: now, updatedBy: actor.id };
  await db().send(
    new PutCommand({ TableName: tableName(), Item: { PK: officePK(office), SK: watchSK(bill.id), entity: 'watch', ...entry } }),
  );
  return entry;
}

export async function deleteWatch(office: string, billId: string): Promise<void> {
  const out = await db().send(
    new DeleteCommand({ TableName: tableName(), Key: { PK: officePK(office), SK: watchSK(billId) }, ReturnValues: 'ALL_OLD' }),
  );
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
