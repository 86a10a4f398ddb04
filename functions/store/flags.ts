import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Item } from '../../shared/items.js';
import { db, tableName } from './client.js';
import { FLAG_REASONS_KEPT, flagKey, MODERATION_QUEUE_PK } from './keys/moderation.js';
import { queryAllPages } from './paginate.js';

/** One citizen's flag as the moderation queue keeps it. */
export interface FlagReason {
  at: string;
  reason: string;
  /** The public comment it is about, by event id. */
  comment?: string;
}

/** A report's open flags: the moderation queue's row. */
export interface OpenFlags {
  itemId: string;
  reference: string;
  serviceCode: string;
  count: number;
  firstAt: string;
  lastAt: string;
  /** The latest FLAG_REASONS_KEPT reasons. */
  reasons: FlagReason[];
}

/**
 * Adds a flag to a report's open flags (one record per report, counted atomically). The reasons list is
 * capped: past it only the count and the time go up, so no amount of flagging grows a record without end.
 */
export async function addFlag(item: Pick<Item, 'id' | 'reference' | 'serviceCode'>, flag: FlagReason): Promise<void> {
  const base = {
    TableName: tableName(),
    Key: flagKey(item.id),
    // count and reference are DynamoDB reserved words.
    ExpressionAttributeNames: { '#n': 'count', '#ref': 'reference' },
  };
  const common = 'SET entity = :e, itemId = :id, #ref = :ref, serviceCode = :svc, lastAt = :at, firstAt = if_not_exists(firstAt, :at)';
  const values = { ':e': 'flags', ':id': item.id, ':ref': item.reference, ':svc': item.serviceCode, ':at': flag.at, ':one': 1 };
  try {
    await db().send(
      new UpdateCommand({
        ...base,
        UpdateExpression: `${common}, reasons = list_append(if_not_exists(reasons, :none), :r) ADD #n :one`,
        ConditionExpression: 'attribute_not_exists(reasons) OR size(reasons) < :kept',
        ExpressionAttributeValues: { ...values, ':none': [], ':r': [flag], ':kept': FLAG_REASONS_KEPT },
      }),
    );
  } catch (err) {
    if ((err as { name?: string }).name !== 'ConditionalCheckFailedException') throw err;
    await db().send(new UpdateCommand({ ...base, UpdateExpression: `${common} ADD #n :one`, ExpressionAttributeValues: values }));
  }
}

/** The moderation queue: every report with open flags, most flagged first. One Query of one small partition. */
export async function listOpenFlags(): Promise<OpenFlags[]> {
  const rows: OpenFlags[] = [];
  const pages = queryAllPages({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': MODERATION_QUEUE_PK },
  });
  for await (const page of pages) {
    for (const r of page.Items ?? []) {
      const { PK: _pk, SK: _sk, entity: _e, ...row } = r;
      rows.push(row as OpenFlags);
    }
  }
  return rows.sort((a, b) => b.count - a.count || a.firstAt.localeCompare(b.firstAt));
}

/** The write that closes a report's open flags, inside the transaction that records the resolution (commit.ts). */
export function clearFlagsDelete(itemId: string) {
  return { TableName: tableName(), Key: flagKey(itemId) };
}

/** A report's open flags, if it has any. */
export async function openFlagsOf(itemId: string): Promise<OpenFlags | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: flagKey(itemId), ConsistentRead: true }));
  if (!Item) return undefined;
  const { PK: _pk, SK: _sk, entity: _e, ...row } = Item;
  return row as OpenFlags;
}
