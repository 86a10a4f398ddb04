import type { SNSEvent } from 'aws-lambda';
import { withCorrelation } from '../lib/correlation.js';
import { logger } from '../lib/logger.js';
import { count, flushMetrics, METRIC } from '../lib/metrics.js';
import { suppress } from '../store/suppressions.js';
import { classify, correlationOf } from './events.js';

/**
 * SES bounce and complaint events (configuration set → SNS → here): each permanently bouncing or
 * complaining address gets a suppression record, which the notifier checks before every send
 * (functions/notify/stream-handler.ts). A store failure throws, so SNS retries the message; a message
 * the board does not act on is logged and dropped. Addresses are never logged.
 */
export const handler = async (event: SNSEvent): Promise<void> => {
  try {
    for (const record of event.Records) {
      // Logged under the id of the action that sent the email, so the bounce joins its trail.
      await withCorrelation(correlationOf(record.Sns.Message), async () => {
        const outcome = classify(record.Sns.Message);
        if ('ignore' in outcome) {
          logger.info('SES notification needs no suppression', { why: outcome.ignore, snsMessageId: record.Sns.MessageId });
          return;
        }
        for (const s of outcome.suppress) {
          await suppress(s.email, s.reason, s.at, s.detail, s.sesMessageId);
          count(s.reason === 'bounce' ? METRIC.addressesBounced : METRIC.addressesComplained);
          logger.info('address suppressed', { reason: s.reason, detail: s.detail, sesMessageId: s.sesMessageId });
        }
      });
    }
  } finally {
    flushMetrics();
  }
};
