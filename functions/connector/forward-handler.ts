import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../lib/logger.js';
import { forwardedServices, forwardReport } from '../ops/open311-connector.js';
import { newReportOf } from '../store/upstream-stream.js';

/**
 * The connector's stream consumer: each new report of a service configured with `open311` is filed
 * upstream, in stream order. The first that fails is reported in `batchItemFailures`, so Lambda (or the
 * local poller) retries from it: an upstream that is down delays forwarding, never loses a report, and
 * the forward record plus the external_id make a retry file nothing twice.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const upstreams = new Map(forwardedServices().map(({ service, upstream }) => [service.code, upstream]));
  for (const record of event.Records) {
    const report = newReportOf(record);
    const upstream = report && upstreams.get(report.serviceCode);
    if (!report || !upstream) continue;
    try {
      await forwardReport(report.itemId, upstream);
    } catch (err) {
      logger.warn('report not forwarded upstream; will retry', { itemId: report.itemId, error: String(err) });
      return { batchItemFailures: [{ itemIdentifier: report.sequenceNumber }] };
    }
  }
  return { batchItemFailures: [] };
};
