import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import type { DeliveryKey } from './keys/subscriptions.js';
import { type SuppressionReason, suppressionKey, suppressionRecord } from './keys/suppressions.js';

export type { SuppressionReason } from './keys/suppressions.js';

export interface Suppression {
  reason: SuppressionReason;
  at: string;
  detail?: string;
}

/**
 * Records that SES must not be asked to mail an address again. Written whole each time (a later
 * complaint replaces an earlier bounce): the latest reason is the one an operator needs.
 */
export async function suppress(
  email: string,
  reason: SuppressionReason,
  at: string,
  detail?: string,
  sesMessageId?: string,
): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: suppressionRecord(email, reason, at, detail, sesMessageId) }));
}

/** Why an address is suppressed, or undefined if it may be mailed. */
export async function suppressionOf(email: string): Promise<Suppression | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: suppressionKey(email) }));
  if (!Item) return undefined;
  return { reason: Item.reason, at: Item.at, ...(Item.detail && { detail: Item.detail }) };
}

/** Closes a claimed delivery without sending, saying why: the record shows the email was skipped, not lost. */
export async function markSuppressed(k: DeliveryKey, suppression: Suppression): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: k,
      UpdateExpression: 'SET #s = :suppressed, skippedAt = :at, skippedBecause = :why REMOVE leaseUntil',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':suppressed': 'suppressed', ':at': new Date().toISOString(), ':why': suppression.reason },
    }),
  );
}
