import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../lib/logger.js';
import { claimDelivery, deliveryKey, markSent, releaseDelivery } from '../store/deliveries.js';
import { type Message, messagesFor, type Notification, recipientId } from './messages.js';
import { sendEmail } from './ses.js';

function notificationOf(record: DynamoDBRecord): Notification | undefined {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image || image.entity?.S !== 'notification') return undefined;
  // biome-ignore lint/suspicious/noExplicitAny: the Lambda and SDK AttributeValue types differ only nominally
  return unmarshall(image as any) as Notification;
}

async function deliver(n: Notification, message: Message): Promise<void> {
  const key = deliveryKey(n.itemId, n.SK, recipientId(message.to));
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
