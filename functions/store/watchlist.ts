import { DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Bill } from '../../shared/bills/model.js';
import { NotFoundError } from '../../shared/errors.js';
import { db, tableName } from './client.js';
import { findItem } from './items.js';
import {
  ALERT_PREFIX,
  alertKey,
  NOTE_PREFIX,
  noteKey,
  officePK,
  WATCH_PREFIX,
  watcherKey,
  watchersPK,
  watchKey,
  watchRecord,
} from './keys/bills.js';
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

/** One version of an office's note on a bill: what it said, who wrote it and when. */
export interface NoteVersion {
  note: string;
  at: string;
  by: { id: string; name: string };
}

/**
 * Stores an office's watchlist entry (new or with a changed note) in one transaction with the note's new
 * version (its history) and the bill's watcher record (which offices the notifier tells). `noteChanged`
 * false (the same note again) writes no version.
 */
export async function saveWatch(entry: WatchEntry, version: NoteVersion & { id: string }, noteChanged: boolean): Promise<void> {
  const put = (Item: Record<string, unknown>) => ({ Put: { TableName: tableName(), Item } });
  const { id, ...noteVersion } = version;
  await db().send(
    new TransactWriteCommand({
      TransactItems: [
        put(watchRecord(entry)),
        put({ ...watcherKey(entry.billId, entry.office), entity: 'watcher', office: entry.office, billId: entry.billId }),
        ...(noteChanged
          ? [put({ ...noteKey(entry.office, entry.billId, version.at, id), entity: 'note-version', billId: entry.billId, ...noteVersion })]
          : []),
      ],
    }),
  );
}

/** The versions of an office's note on a bill, newest first (at most `limit`). */
export async function noteHistory(office: string, billId: string, limit = 50): Promise<NoteVersion[]> {
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :n)',
      ExpressionAttributeValues: { ':pk': officePK(office), ':n': `${NOTE_PREFIX}${billId}#` },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map((r) => ({ note: r.note as string, at: r.at as string, by: r.by as NoteVersion['by'] }));
}

/** The offices watching a bill (one Query on its watchers partition). */
export async function watchingOffices(billId: string): Promise<string[]> {
  const offices: string[] = [];
  const pages = queryAllPages({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': watchersPK(billId) },
  });
  for await (const page of pages) offices.push(...(page.Items ?? []).map((r) => r.office as string));
  return offices;
}

/** Turns a member's watchlist alerts on or off. */
export async function setAlerts(office: string, member: { id: string; name: string }, enabled: boolean): Promise<void> {
  if (enabled)
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...alertKey(office, member.id), entity: 'alert', userId: member.id, name: member.name, since: new Date().toISOString() },
      }),
    );
  else await db().send(new DeleteCommand({ TableName: tableName(), Key: alertKey(office, member.id) }));
}

/** Whether a member has alerts on. */
export async function hasAlerts(office: string, userId: string): Promise<boolean> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: alertKey(office, userId) }));
  return Boolean(Item);
}

/** The ids of an office's members who asked for alerts. */
export async function alertMembers(office: string): Promise<string[]> {
  const ids: string[] = [];
  const pages = queryAllPages({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :a)',
    ExpressionAttributeValues: { ':pk': officePK(office), ':a': ALERT_PREFIX },
  });
  for await (const page of pages) ids.push(...(page.Items ?? []).map((r) => r.userId as string));
  return ids;
}

/** Removes a bill from an office's watchlist; a NotFoundError if it was not on it. */
export async function deleteWatch(office: string, billId: string): Promise<void> {
  const out = await db().send(new DeleteCommand({ TableName: tableName(), Key: watchKey(office, billId), ReturnValues: 'ALL_OLD' }));
  if (!out.Attributes) throw new NotFoundError('This bill is not on your office watchlist.');
  // The office stops being told about the bill; its notes' history stays, as the office's own record.
  await db().send(new DeleteCommand({ TableName: tableName(), Key: watcherKey(billId, office) }));
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
