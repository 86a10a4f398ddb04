import { logger } from '../lib/logger.js';
import { escalateDue } from '../ops/escalate.js';

/**
 * The scheduled escalation job: an EventBridge rule invokes it every few minutes in AWS
 * (infra/cdk/escalation.ts); locally a timer in the local stack calls the same handler.
 */
export const handler = async () => {
  const run = await escalateDue();
  if (run.escalated || run.skipped) logger.info('sla escalation run', { ...run });
  return run;
};
