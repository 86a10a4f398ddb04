import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { isWriteConflict } from './errors.js';
import {
  type AlertJob,
  type DigestEntry,
  digestDoneKey,
  digestPK,
  QUEUE_SHARDS,
  queuePK,
  senderLeaseKey,
  senderStatusKey,
} from './keys/alert-queue.js';
import { emailKey } from './keys/subscriptions.js';
import { queryAllPages } from './paginate.js';

export type { AlertJob, DigestEntry } from './keys/alert-queue.js';
export { alertJobRecord, digestClaimKey, digestEntryRecord, entryAddress, QUEUE_SHARDS } from './keys/alert-queue.js';

/**
 * Writes queued alert emails or digest entries with BatchWriteItem: 25 a call, `concurrency` calls in
 * flight, unprocessed items retried with backoff. Re-writing a record is harmless (same key, same
 * content), which is what makes a retried fan-out safe.
 */
export async function putAlertRecords(records: readonly object[], concurrency = 4): Promise<void> {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < records.length; i += 25) batches.push(records.slice(i, i + 25) as Record<string, unknown>[]);
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      let pending = batches[next++] as Record<string, unknown>[];
      for (let attempt = 0; pending.length; attempt++) {
        if (attempt) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
        const out = await db().send(
          new BatchWriteCommand({ RequestItems: { [tableName()]: pending.map((Item) => ({ PutRequest: { Item } })) } }),
        );
        pending = (out.UnprocessedItems?.[tableName()] ?? []).map((r) => r.PutRequest?.Item as Record<string, unknown>);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
}

/** The oldest queued alert emails of one shard (sort keys start with the notification's ULID). */
export async function queuedJobs(shard: number, limit: number): Promise<AlertJob[]> {
  const { Items } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': queuePK(shard) },
      Limit: limit,
    }),
  );
  return (Items ?? []) as AlertJob[];
}

/** Takes sent (or moot) jobs off the queue together: BatchWriteItem deletes, 25 a call, unprocessed ones retried. */
export async function removeJobs(jobs: readonly Pick<AlertJob, 'PK' | 'SK'>[]): Promise<void> {
  for (let i = 0; i < jobs.length; i += 25) {
    let pending = jobs.slice(i, i + 25).map((j) => ({ DeleteRequest: { Key: { PK: j.PK, SK: j.SK } } }));
    for (let attempt = 0; pending.length; attempt++) {
      if (attempt) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      const out = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending } }));
      pending = (out.UnprocessedItems?.[tableName()] ?? []) as typeof pending;
    }
  }
}

/** Records by key with BatchGetItem (100 a call, unprocessed keys retried): the sender reads a page's alerts and suppressions at once. */
export async function getMany(keys: readonly { PK: string; SK: string }[]): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    let pending: Record<string, unknown>[] | undefined = keys.slice(i, i + 100);
    for (let attempt = 0; pending?.length; attempt++) {
      if (attempt) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      const out: BatchGetCommandOutput = await db().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending } } }));
      found.push(...(out.Responses?.[tableName()] ?? []));
      pending = out.UnprocessedKeys?.[tableName()]?.Keys;
    }
  }
  return found;
}

/** How many alert emails wait in the queue (COUNT queries, one page per ~1 MB; only the sender calls it). */
export async function countQueued(): Promise<number> {
  let total = 0;
  for (let shard = 0; shard < QUEUE_SHARDS; shard++) {
    for await (const page of queryAllPages({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': queuePK(shard) },
      Select: 'COUNT',
    }))
      total += page.Count ?? 0;
  }
  return total;
}

/**
 * The sender's lease: one sender at a time, so the SES rate it keeps is the board's rate. A run that
 * died keeps it only until `untilMs`; the same owner may renew it.
 */
export async function takeSenderLease(owner: string, untilMs: number, nowMs = Date.now()): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...senderLeaseKey, entity: 'alert-sender', owner, leaseUntil: untilMs },
        ConditionExpression: 'attribute_not_exists(PK) OR leaseUntil < :now OR #o = :me',
        ExpressionAttributeNames: { '#o': 'owner' },
        ExpressionAttributeValues: { ':now': nowMs, ':me': owner },
      }),
    );
    return true;
  } catch (err) {
    if (isWriteConflict(err)) return false;
    throw err;
  }
}

export async function releaseSenderLease(owner: string): Promise<void> {
  await db()
    .send(
      new DeleteCommand({
        TableName: tableName(),
        Key: senderLeaseKey,
        ConditionExpression: '#o = :me',
        ExpressionAttributeNames: { '#o': 'owner' },
        ExpressionAttributeValues: { ':me': owner },
      }),
    )
    .catch(() => undefined);
}

/** What the last sender run left: the backlog the health endpoint and the dashboard show. */
export interface SenderStatus {
  queued: number;
  sent: number;
  at: string;
}

export async function saveSenderStatus(status: SenderStatus): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...senderStatusKey, entity: 'alert-sender', ...status } }));
}

export async function senderStatus(): Promise<SenderStatus | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: senderStatusKey }));
  return Item ? { queued: Number(Item.queued), sent: Number(Item.sent), at: String(Item.at) } : undefined;
}

/** A day's digest entries, page by page in address order (an address's entries are consecutive). */
export async function* digestEntryPages(day: string): AsyncGenerator<DigestEntry[]> {
  for await (const page of queryAllPages({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': digestPK(day) },
  }))
    yield (page.Items ?? []) as DigestEntry[];
}

/** One address's entries of a day (its digest's lines). */
export async function digestEntriesOf(day: string, email: string): Promise<DigestEntry[]> {
  const entries: DigestEntry[] = [];
  for await (const page of queryAllPages({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :a)',
    ExpressionAttributeValues: { ':pk': digestPK(day), ':a': `${emailKey(email)}#` },
  }))
    entries.push(...((page.Items ?? []) as DigestEntry[]));
  return entries;
}

export async function isDigestDone(day: string): Promise<boolean> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: digestDoneKey(day), ConsistentRead: true }));
  return Boolean(Item);
}

export async function markDigestDone(day: string, sent: number): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...digestDoneKey(day),
        entity: 'digest-done',
        sent,
        at: new Date().toISOString(),
        expiresAt: Math.floor(Date.now() / 1000) + 30 * 86_400,
      },
    }),
  );
}
