import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { isWriteConflict } from './errors.js';
import { type DeliveryKey, deliveryExpiry } from './keys/subscriptions.js';

export { type DeliveryKey, deliveryKey } from './keys/subscriptions.js';

/**
 * One email of one notification to one recipient. Claimed with a conditional write before sending
 * and marked sent after, so a redelivered stream record finds it and sends nothing. A claim whose
 * sender died is retried once its lease runs out.
 */
const LEASE_MS = 60_000;

/** True if this process may send the email now; false if it was sent (or is being sent) already. */
export async function claimDelivery(k: DeliveryKey): Promise<boolean> {
  const now = Date.now();
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...k, entity: 'delivery', status: 'sending', leaseUntil: now + LEASE_MS, expiresAt: deliveryExpiry(now) },
        ConditionExpression: 'attribute_not_exists(PK) OR (#s = :sending AND leaseUntil < :now)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':sending': 'sending', ':now': now },
      }),
    );
    return true;
  } catch (err) {
    if (isWriteConflict(err)) return false;
    throw err;
  }
}

export async function markSent(k: DeliveryKey, messageId?: string, correlationId?: string): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: k,
      UpdateExpression: `SET #s = :sent, sentAt = :at, messageId = :m${correlationId ? ', correlationId = :c' : ''} REMOVE leaseUntil`,
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: {
        ':sent': 'sent',
        ':at': new Date().toISOString(),
        ':m': messageId ?? 'unknown',
        ...(correlationId && { ':c': correlationId }),
      },
    }),
  );
}

/** Gives a claim back after a failed send, so the retry can take it at once. */
export async function releaseDelivery(k: DeliveryKey): Promise<void> {
  await db()
    .send(
      new DeleteCommand({
        TableName: tableName(),
        Key: k,
        ConditionExpression: '#s = :sending',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':sending': 'sending' },
      }),
    )
    .catch(() => undefined);
}
