import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { config } from '../lib/env.js';
import { logger, logInvocation } from '../lib/logger.js';
import { flushMetrics, gauge, METRIC } from '../lib/metrics.js';
import { TokenBucket } from '../lib/token-bucket.js';
import { countQueued, releaseSenderLease, saveSenderStatus, takeSenderLease } from '../store/alert-queue.js';
import { sendDueDigests } from './digests.js';
import { drainAlertQueue } from './send-alerts.js';

/** How long a run may send when it is not in Lambda (the local timer): the next tick carries on. */
export const LOCAL_RUN_MS = 20_000;

export interface SenderRun {
  /** Another run held the lease: this one did nothing. */
  busy: boolean;
  sent: number;
  skipped: number;
  digests: number;
  /** Alert emails still queued when the run ended (0 when it emptied the queue). */
  queued: number;
}

/**
 * One run of the alert sender: the daily digests once they are due (07:00 jurisdiction time), then the
 * queue of `instant` alert emails, at `rate` emails a second (the SES sending rate, ALERT_SEND_RATE),
 * until both are done or the time is up. One run at a time across the board (a lease in the table), so
 * the rate holds however many runs the schedule starts. It leaves its backlog count for the health
 * endpoint and as the AlertEmailsQueued metric.
 */
export async function runAlertSender(opts: { budgetMs: number; rate?: number; now?: Date; owner?: string }): Promise<SenderRun> {
  const owner = opts.owner ?? randomUUID();
  const leaseMs = opts.budgetMs + 30_000;
  const idle: SenderRun = { busy: true, sent: 0, skipped: 0, digests: 0, queued: 0 };
  if (!(await takeSenderLease(owner, Date.now() + leaseMs))) return idle;
  try {
    const bucket = new TokenBucket(opts.rate ?? config().alertSendRate);
    const deadline = Date.now() + opts.budgetMs;
    const digests = await sendDueDigests(opts.now ?? new Date(), bucket, deadline);
    const drained = await drainAlertQueue(bucket, deadline, owner, leaseMs);
    const queued = drained.finished ? 0 : await countQueued();
    if (drained.sent || drained.skipped || queued) await saveSenderStatus({ queued, sent: drained.sent, at: new Date().toISOString() });
    gauge(METRIC.alertEmailsQueued, queued);
    return { busy: false, sent: drained.sent, skipped: drained.skipped, digests, queued };
  } finally {
    await releaseSenderLease(owner);
  }
}

/**
 * The alert sender's handler: an EventBridge rule invokes it every minute in AWS
 * (infra/cdk/alert-sender.ts); locally the local stack's timer calls the same handler every second.
 */
export const handler = async (_event?: unknown, context?: Context): Promise<SenderRun> => {
  logInvocation(context);
  try {
    const budgetMs = context ? Math.max(5000, context.getRemainingTimeInMillis() - 15_000) : LOCAL_RUN_MS;
    const run = await runAlertSender({ budgetMs });
    if (run.sent || run.digests || run.queued) logger.info('alert sender run', { ...run });
    return run;
  } finally {
    flushMetrics();
  }
};
