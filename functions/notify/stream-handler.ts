import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../lib/logger.js';
import { claimDelivery, deliveryKey, markSent, releaseDelivery } from '../store/deliveries.js';
import { type Notification, notificationOf } from '../store/notifications.js';
import { type Message, messagesFor } from './messages.js';
import { sendEmail } from './ses.js';

async function deliver(n: Notification, message: Message): Promise<void> {
  const key = deliveryKey(n.itemId, n.SK, message.to);
  if (!(await claimDelivery(key))) return;
  try {
    const messageId = await sendEmail(message.to, message.email, message.unsubscribeUrl);
    await markSent(key, messageId);
  } catch (err) {
    await releaseDelivery(key);
    throw err;
  }
}

/**
 * The notifier: consumes the table's stream and emails what each notification record asks for.
 * Records are handled in order; the first that fails is reported in `batchItemFailures`, so Lambda
 * (or the local poller) retries from there, and delivery records make those retries send nothing twice.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  for (const record of event.Records) {
    const n = notificationOf(record);
    if (!n) continue;
    try {
      for (const message of await messagesFor(n)) await deliver(n, message);
    } catch (err) {
      logger.warn('notification failed; will retry', { notification: n.SK, itemId: n.itemId, error: String(err) });
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber as string }] };
    }
  }
  return { batchItemFailures: [] };
};
