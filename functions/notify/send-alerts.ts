import { alertMatch } from '../../shared/alerts/emails.js';
import type { Item } from '../../shared/items.js';
import { config } from '../lib/env.js';
import { logger } from '../lib/logger.js';
import { count, METRIC } from '../lib/metrics.js';
import type { TokenBucket } from '../lib/token-bucket.js';
import { type AlertJob, QUEUE_SHARDS, queuedJobs, removeJob, takeSenderLease } from '../store/alert-queue.js';
import { findAlert } from '../store/alerts.js';
import { claimDelivery, deliveryKey, markSent, releaseDelivery } from '../store/deliveries.js';
import { findItem } from '../store/items.js';
import { markSuppressed, suppressionOf } from '../store/suppressions.js';
import { alertLinks } from './alert-messages.js';
import { sendEmail } from './ses.js';

/** Emails in flight at once: enough to keep SES busy at its rate with ~100 ms per call, few enough for a 2-core local stack. */
const IN_FLIGHT = 8;
/** Jobs read per shard per round. */
const PAGE = 25;

export interface DrainResult {
  sent: number;
  skipped: number;
  /** False when the run's time ran out with jobs left (the next run carries on). */
  finished: boolean;
}

/** What one run reads more than once (an item's 2,000 jobs read the item once). */
export class RunCache {
  private items = new Map<string, Promise<Item | undefined>>();
  item(id: string): Promise<Item | undefined> {
    let found = this.items.get(id);
    if (!found) this.items.set(id, (found = findItem(id)));
    return found;
  }
}

/**
 * Sends one queued alert email exactly once: the delivery claim (per notification and address, the
 * same record the notifier uses) is taken before SES is asked and marked after, and the job leaves the
 * queue only then. A job whose email was sent already (a retried fan-out, a sender that died after
 * SES accepted) finds the claim and is just removed. Nothing for a hidden report or a stopped alert.
 */
async function sendJob(job: AlertJob, cache: RunCache, bucket: TokenBucket): Promise<'sent' | 'skipped'> {
  const [item, alert] = await Promise.all([cache.item(job.itemId), findAlert(job.alertId)]);
  if (!item || item.hidden || alert?.status !== 'confirmed') {
    await removeJob(job);
    return 'skipped';
  }
  const key = deliveryKey(job.itemId, job.notificationSK, job.email);
  if (!(await claimDelivery(key))) {
    await removeJob(job);
    return 'skipped';
  }
  const suppression = await suppressionOf(job.email);
  if (suppression) {
    await markSuppressed(key, suppression);
    await removeJob(job);
    count(METRIC.emailsSuppressed);
    return 'skipped';
  }
  const unsubscribeUrl = alertLinks.unsubscribe(job.unsubscribeToken);
  const email = alertMatch(job.facts, job.change, job.target, { unsubscribeUrl, manageUrl: alertLinks.manage(job.unsubscribeToken) });
  await bucket.take();
  try {
    await markSent(key, await sendEmail(job.email, email, unsubscribeUrl));
  } catch (err) {
    await releaseDelivery(key);
    count(METRIC.emailsFailed);
    throw err;
  }
  await removeJob(job);
  count(METRIC.emailsSent);
  return 'sent';
}

/**
 * Drains the alert queue, oldest first in each shard, at the bucket's rate, until it is empty or the
 * deadline passes. The first SES failure ends the run (its job stays queued, its claim released): SES
 * is down or throttling, and the next run retries. Renews the sender's lease each round.
 */
export async function drainAlertQueue(bucket: TokenBucket, deadline: number, owner: string, leaseMs: number): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, skipped: 0, finished: false };
  const cache = new RunCache();
  while (Date.now() < deadline) {
    const jobs = (await Promise.all(Array.from({ length: QUEUE_SHARDS }, (_, s) => queuedJobs(s, PAGE)))).flat();
    if (!jobs.length) {
      result.finished = true;
      return result;
    }
    if (!(await takeSenderLease(owner, Date.now() + leaseMs))) return result;
    let next = 0;
    const worker = async () => {
      while (next < jobs.length && Date.now() < deadline) {
        const job = jobs[next++] as AlertJob;
        try {
          result[await sendJob(job, cache, bucket)]++;
        } catch (err) {
          next = jobs.length; // the other workers stop too: SES is failing
          throw err;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, Math.ceil(config().alertSendRate)) }, worker));
  }
  logger.info('alert sender ran out of time with jobs left', { sent: result.sent });
  return result;
}
