import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../lib/logger.js';
import { applyCounterChanges, chunkCounterChanges, counterChangeOf } from '../store/queue-count-stream.js';

/**
 * The queue counters' consumer: the table's stream → one transaction per run of records (a marker per
 * record that moves a counter, one update per counter touched). Runs are applied in stream order; the
 * first that fails is reported from its first record in `batchItemFailures`, so Lambda (or the local
 * poller) retries from there, and the markers make the retry count nothing twice.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const changes = event.Records.map(counterChangeOf).filter((c) => c !== undefined);
  for (const chunk of chunkCounterChanges(changes)) {
    try {
      await applyCounterChanges(chunk);
    } catch (err) {
      const from = chunk[0]?.sequenceNumber as string;
      logger.warn('queue counters not applied; will retry', { from, error: String(err) });
      return { batchItemFailures: [{ itemIdentifier: from }] };
    }
  }
  return { batchItemFailures: [] };
};
