import { randomBytes } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Bill, RollCallEntry } from '../../shared/bills/model.js';
import type { Change, Item } from '../../shared/items.js';
import { db, tableName } from './client.js';
import { CommitError, type CommitFailure, cancellationCodes } from './errors.js';
import { clearFlagsDelete } from './flags.js';
import { billNumberRecord, rollCallRecord } from './keys/bills.js';
import { eventRecord, idempotencyRecord, itemKey, itemRecord, referenceRecord } from './keys/items.js';
import { escalationRecord } from './keys/sla.js';
import { eventNotificationRecord, subscriptionRecord, tokenRecord } from './keys/subscriptions.js';
import { claimUploadUpdate } from './uploads.js';

/**
 * Everything one use case writes, committed as one transaction: all of it or none of it.
 * The operation decides the change; the store only knows how each part is kept.
 */
export interface ChangeSet {
  /** The item as it will be, the history events it appends and the notifications they cause. */
  change: Change;
  /** The item as read, for an update: committed only if it is still at that version. Absent for a new item. */
  before?: Item;
  /** A new report's reporter who asked for updates: a confirmed follower from the start. */
  reporterFollow?: { email: string; language?: string };
  /**
   * A create under an Idempotency-Key: a second create with the same key fails with `idempotency-key-used`.
   * `permanent`: the record never expires (an Open311 key's external_id names its request for good).
   */
  idempotency?: { key: string; bodyHash: string; permanent?: boolean };
  /** A new bill claims its number in its session: a number taken fails with `bill-number-taken`. */
  claimBillNumber?: boolean;
  /** A new report's photos: each upload must be ready and unclaimed, and is claimed by it (`upload-unavailable`). */
  claimUploads?: readonly string[];
  /** A moderation decision closes the report's open flags with it. */
  clearFlags?: boolean;
  /** A recorded vote's roll call. */
  rollCall?: { voteId: string; at: string; entries: RollCallEntry[] };
  /** An SLA escalation claims its level on the item: a level claimed before fails with `escalated-already`. */
  escalation?: { level: string };
}

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];
/** A write and what its failed condition means. */
type Write = { write: TransactItem; failure?: CommitFailure };

const newToken = () => randomBytes(32).toString('base64url');
const absentPK = { ConditionExpression: 'attribute_not_exists(PK)' };

function put(Item: Record<string, unknown>, condition: object = {}): TransactItem {
  return { Put: { TableName: tableName(), Item, ...condition } };
}

function writesOf(set: ChangeSet): Write[] {
  const { change, before } = set;
  const { item } = change;
  const writes: Write[] = [
    before
      ? {
          write: put(itemRecord(item), {
            ConditionExpression: 'version = :expected',
            ExpressionAttributeValues: { ':expected': before.version },
          }),
          failure: 'stale',
        }
      : { write: put(itemRecord(item), absentPK), failure: 'stale' },
  ];
  if (!before) writes.push({ write: put(referenceRecord(item), absentPK), failure: 'reference-taken' });
  for (const e of change.events) writes.push({ write: put(eventRecord(item.id, e), absentPK), failure: 'stale' });
  const last = change.events.at(-1);
  if (last) for (const kind of change.notifications) writes.push({ write: put(eventNotificationRecord(item, kind, last)) });
  if (set.reporterFollow) writes.push(...reporterFollowWrites(item, set.reporterFollow.email, set.reporterFollow.language));
  if (set.claimBillNumber) writes.push({ write: put(billNumberRecord(item as Bill), absentPK), failure: 'bill-number-taken' });
  if (set.rollCall) {
    const { voteId, at, entries } = set.rollCall;
    writes.push({ write: put(rollCallRecord(item.id, { id: voteId, at }, entries)) });
  }
  for (const uploadId of set.claimUploads ?? []) {
    writes.push({ write: { Update: claimUploadUpdate(uploadId, item.id) }, failure: 'upload-unavailable' });
  }
  if (set.clearFlags) writes.push({ write: { Delete: clearFlagsDelete(item.id) } });
  if (set.escalation) {
    const record = escalationRecord(item.id, set.escalation.level, item.updatedAt);
    writes.push({ write: put(record, absentPK), failure: 'escalated-already' });
  }
  if (set.idempotency) {
    const { key, bodyHash, permanent } = set.idempotency;
    const record = idempotencyRecord(key, bodyHash, item.id, permanent ? null : Date.now());
    writes.push({ write: put(record, absentPK), failure: 'idempotency-key-used' });
  }
  return writes;
}

function reporterFollowWrites(item: Item, email: string, language: string | undefined): Write[] {
  const unsubscribeToken = newToken();
  const now = item.createdAt;
  const sub = {
    itemId: item.id,
    email,
    role: 'reporter',
    status: 'confirmed',
    unsubscribeToken,
    createdAt: now,
    confirmedAt: now,
    ...(language && { language }),
  };
  return [{ write: put(subscriptionRecord(sub)) }, { write: put(tokenRecord(unsubscribeToken, 'unsubscribe', item.id, email), absentPK) }];
}

/**
 * Appends events (and their notifications) to an item without replacing it: the item's version goes up
 * by one and its recency keys move to the events' time, with no dependency on what else it holds. Two
 * appends never invalidate each other, so neither needs to read and decide again: for changes, like a
 * comment, that do not depend on the item's state. Fails `stale` when the item is gone, its service is no
 * longer `serviceCode` (the caller was authorised for that one), or, with `expectedVersion`, it has moved on.
 */
export async function append(set: {
  change: Change;
  serviceCode: string;
  expectedVersion?: number;
  firstResponseAt?: string;
}): Promise<void> {
  const { change, serviceCode, expectedVersion, firstResponseAt } = set;
  // A public comment may be the first response (shared/sla): recorded once, whichever append comes first.
  const firstResponse = firstResponseAt ? ', sla.firstRespondedAt = if_not_exists(sla.firstRespondedAt, :fr)' : '';
  const { item } = change;
  // A public comment becomes the item's latest public note (Open311 status_notes on lists, no history read).
  const note = item.lastPublicNote && change.events.some((e) => e.id === item.lastPublicNote?.eventId) ? item.lastPublicNote : undefined;
  const lastNote = note ? ', lastPublicNote = :note' : '';
  const recency = `${item.updatedAt}#${item.id}`;
  const update: TransactItem = {
    Update: {
      TableName: tableName(),
      Key: itemKey(item.id),
      UpdateExpression: `SET updatedAt = :at, phaseSK = :r, serviceSK = :r, assigneeSK = :r${firstResponse}${lastNote} ADD version :one`,
      ConditionExpression: `attribute_exists(PK) AND serviceCode = :svc${expectedVersion === undefined ? '' : ' AND version = :expected'}`,
      ExpressionAttributeValues: {
        ':at': item.updatedAt,
        ':r': recency,
        ':one': 1,
        ':svc': serviceCode,
        ...(expectedVersion === undefined ? {} : { ':expected': expectedVersion }),
        ...(firstResponseAt ? { ':fr': firstResponseAt } : {}),
        ...(note ? { ':note': note } : {}),
      },
    },
  };
  const writes: Write[] = [{ write: update, failure: 'stale' }];
  for (const e of change.events) writes.push({ write: put(eventRecord(item.id, e), absentPK), failure: 'stale' });
  const last = change.events.at(-1);
  if (last) for (const kind of change.notifications) writes.push({ write: put(eventNotificationRecord(item, kind, last)) });
  await send(writes);
}

/** Which failure wins when several conditions failed: the one that tells the operation most. */
const PRECEDENCE: CommitFailure[] = [
  'escalated-already',
  'idempotency-key-used',
  'upload-unavailable',
  'bill-number-taken',
  'reference-taken',
  'stale',
];

/** Commits a change set in one TransactWriteItems; a refused one is a CommitError naming why, with nothing written. */
export async function commit(set: ChangeSet): Promise<void> {
  await send(writesOf(set));
}

async function send(writes: Write[]): Promise<void> {
  try {
    await db().send(new TransactWriteCommand({ TransactItems: writes.map((w) => w.write) }));
  } catch (err) {
    const codes = cancellationCodes(err);
    if (!codes) throw err;
    const failed = new Set(writes.filter((_, i) => codes[i] === 'ConditionalCheckFailed').map((w) => w.failure ?? 'stale'));
    const reason = PRECEDENCE.find((f) => failed.has(f));
    if (reason) throw new CommitError(reason);
    if (codes.includes('TransactionConflict')) throw new CommitError('contention');
    throw err;
  }
}
