import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../lib/logger.js';
import { applyCounterChanges, chunkCounterChanges, counterChangeOf } from '../store/queue-count-stream.js';

/**
 * Items per transaction, well below DynamoDB's 100. A record now also moves up to 8 map-cell counters,
 * and DynamoDB Local holds its lock for a whole transaction: with runs of up to 100 items, 50 concurrent
 * creates timed out (3 s) behind the consumer's transactions (queue-position test, at 40 items too); at
 * 25 they pass. In AWS the same writes cost the same WCUs in smaller transactions; a batch of 100 records
 * takes a few more round trips.
 */
const TRANSACTION_ITEMS = 25;

/**
 * The queue counters' consumer: the table's stream → one transaction per run of records (a marker per
 * record that moves a counter, one update per counter touched). Runs are applied in stream order; the
 * first that fails is reported from its first record in `batchItemFailures`, so Lambda (or the local
 * poller) retries from there, and the markers make the retry count nothing twice.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const changes = event.Records.map(counterChangeOf).filter((c) => c !== undefined);
  for (const chunk of chunkCounterChanges(changes, TRANSACTION_ITEMS)) {
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
