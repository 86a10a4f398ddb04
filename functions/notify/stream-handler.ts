import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { correlationId, withCorrelation } from '../lib/correlation.js';
import { logger, logInvocation } from '../lib/logger.js';
import { count, flushMetrics, METRIC } from '../lib/metrics.js';
import { claimDelivery, deliveryKey, markSent, releaseDelivery } from '../store/deliveries.js';
import { type Notification, notificationOf } from '../store/notifications.js';
import { markSuppressed, suppressionOf } from '../store/suppressions.js';
import { type Message, messagesFor } from './messages.js';
import { sendEmail } from './ses.js';

async function deliver(n: Notification, message: Message): Promise<void> {
  const key = deliveryKey(n.itemId, n.SK, message.to);
  if (!(await claimDelivery(key))) return;
  // An address SES reported as bouncing or complaining (functions/ses-events) is never mailed again:
  // the delivery record says so, instead of the email.
  const suppression = await suppressionOf(message.to);
  if (suppression) {
    await markSuppressed(key, suppression);
    count(METRIC.emailsSuppressed);
    logger.info('email skipped: address suppressed', { notification: n.SK, itemId: n.itemId, because: suppression.reason });
    return;
  }
  try {
    const messageId = await sendEmail(message.to, message.email, message.unsubscribeUrl, correlationId());
    await markSent(key, messageId, correlationId());
    count(METRIC.emailsSent);
  } catch (err) {
    await releaseDelivery(key);
    count(METRIC.emailsFailed);
    throw err;
  }
}

/**
 * The notifier: consumes the table's stream and emails what each notification record asks for.
 * Records are handled in order; the first that fails is reported in `batchItemFailures`, so Lambda
 * (or the local poller) retries from there, and delivery records make those retries send nothing twice.
 */
export const handler = async (event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> => {
  logInvocation(context);
  try {
    for (const record of event.Records) {
      const n = notificationOf(record);
      if (!n) continue;
      try {
        // Under the id of the request that caused it: its log lines, delivery records and SES tags carry it.
        await withCorrelation(n.correlationId, async () => {
          for (const message of await messagesFor(n)) await deliver(n, message);
        });
      } catch (err) {
        logger.warn('notification failed; will retry', {
          notification: n.SK,
          itemId: n.itemId,
          error: String(err),
          ...(n.correlationId && { correlationId: n.correlationId }),
        });
        return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber as string }] };
      }
    }
    return { batchItemFailures: [] };
  } finally {
    flushMetrics();
  }
};
