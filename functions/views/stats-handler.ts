import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../lib/logger.js';
import { applyStatsChanges, chunkStatsChanges, statsChangeOf } from '../store/stats-stream.js';

/**
 * The statistics' consumer: the table's stream → per service × area × period counters (store/stats-stream.ts).
 * Runs are applied in stream order; the first that fails is reported from its first record in
 * `batchItemFailures`, so Lambda (or the local poller) retries from there; markers count nothing twice.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const changes = event.Records.map(statsChangeOf).filter((c) => c !== undefined);
  for (const chunk of chunkStatsChanges(changes)) {
    try {
      await applyStatsChanges(chunk);
    } catch (err) {
      const from = chunk[0]?.sequenceNumber as string;
      logger.warn('statistics not applied; will retry', { from, error: String(err) });
      return { batchItemFailures: [{ itemIdentifier: from }] };
    }
  }
  return { batchItemFailures: [] };
};
