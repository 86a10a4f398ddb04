import { correlationFor, withCorrelation } from '../lib/correlation.js';
import { logger } from '../lib/logger.js';
import { escalateDue } from '../ops/escalate.js';

/**
 * The scheduled escalation job: an EventBridge rule invokes it every few minutes in AWS
 * (infra/cdk/escalation.ts); locally a timer in the local stack calls the same handler.
 */
export const handler = async (_event?: unknown, context?: { awsRequestId?: string }) =>
  // One correlation id per run: the escalation emails it causes carry it (functions/lib/correlation.ts).
  withCorrelation(correlationFor(undefined, context?.awsRequestId), async () => {
    const run = await escalateDue();
    if (run.escalated || run.skipped) logger.info('sla escalation run', { ...run });
    return run;
  });
