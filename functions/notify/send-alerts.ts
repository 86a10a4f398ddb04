import { alertMatch } from '../../shared/alerts/emails.js';
import { translator } from '../../shared/i18n/board.js';
import type { Item } from '../../shared/items.js';
import { config } from '../lib/env.js';
import { logger } from '../lib/logger.js';
import { count, METRIC } from '../lib/metrics.js';
import type { TokenBucket } from '../lib/token-bucket.js';
import { type AlertJob, getMany, QUEUE_SHARDS, queuedJobs, removeJobs, takeSenderLease } from '../store/alert-queue.js';
import { claimDelivery, deliveryKey, markSent, releaseDelivery } from '../store/deliveries.js';
import { findItem } from '../store/items.js';
import { alertKey } from '../store/keys/alerts.js';
import { suppressionKey } from '../store/keys/suppressions.js';
import { markSuppressed, type Suppression } from '../store/suppressions.js';
import { alertLinks } from './alert-messages.js';
import { languageOf } from './messages.js';
import { sendEmail } from './ses.js';

/** Emails in flight at once: enough to keep SES busy at its rate with ~100 ms per call, few enough for a 2-core local stack. */
const IN_FLIGHT = 8;
/** Jobs read per shard per round. */
const PAGE = 25; // ×4 shards: 100 jobs, one BatchGetItem of their alerts and one of their suppressions

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
    const known = this.items.get(id);
    if (known) return known;
    const found = findItem(id);
    this.items.set(id, found);
    return found;
  }
}

/** What a page of jobs needs besides the item: which alerts still run and which addresses are suppressed (two BatchGetItems). */
interface PageFacts {
  liveAlerts: Set<string>;
  suppressed: Map<string, Suppression>;
}

async function pageFacts(jobs: AlertJob[]): Promise<PageFacts> {
  const alertIds = [...new Set(jobs.map((j) => j.alertId))];
  const emails = [...new Set(jobs.map((j) => j.email.trim().toLowerCase()))];
  const [alerts, suppressions] = await Promise.all([getMany(alertIds.map(alertKey)), getMany(emails.map(suppressionKey))]);
  const byKey = new Map(emails.map((e) => [suppressionKey(e).PK, e]));
  return {
    liveAlerts: new Set(alerts.filter((a) => a.status === 'confirmed').map((a) => String(a.id))),
    suppressed: new Map(
      suppressions.map((s) => [byKey.get(String(s.PK)) as string, { reason: s.reason, at: s.at, detail: s.detail } as Suppression]),
    ),
  };
}

/**
 * Sends one queued alert email exactly once: the delivery claim (per notification and address, the
 * same record the notifier uses) is taken before SES is asked and marked after; the job leaves the
 * queue after that (the caller removes a page's jobs together). A job whose email was sent already (a
 * retried fan-out, a sender that died after SES accepted) finds the claim and is just removed.
 * Nothing for a hidden report or a stopped alert; a suppressed address gets a suppressed claim.
 */
async function sendJob(job: AlertJob, facts: PageFacts, cache: RunCache, bucket: TokenBucket): Promise<'sent' | 'skipped'> {
  const item = await cache.item(job.itemId);
  if (!item || item.hidden || !facts.liveAlerts.has(job.alertId)) return 'skipped';
  const key = deliveryKey(job.itemId, job.notificationSK, job.email);
  if (!(await claimDelivery(key))) return 'skipped';
  const suppression = facts.suppressed.get(job.email.trim().toLowerCase());
  if (suppression) {
    await markSuppressed(key, suppression);
    count(METRIC.emailsSuppressed);
    return 'skipped';
  }
  const unsubscribeUrl = alertLinks.unsubscribe(job.unsubscribeToken);
  const lang = languageOf(job.language);
  const manageUrl = alertLinks.manage(job.unsubscribeToken, lang);
  const email = alertMatch(job.facts, job.change, job.target, { unsubscribeUrl, manageUrl }, translator(lang));
  await bucket.take();
  try {
    await markSent(key, await sendEmail(job.email, email, unsubscribeUrl, job.correlationId), job.correlationId);
  } catch (err) {
    await releaseDelivery(key);
    count(METRIC.emailsFailed);
    throw err;
  }
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
    const facts = await pageFacts(jobs);
    const done: AlertJob[] = [];
    let next = 0;
    const worker = async () => {
      while (next < jobs.length && Date.now() < deadline) {
        const job = jobs[next++] as AlertJob;
        try {
          result[await sendJob(job, facts, cache, bucket)]++;
          done.push(job);
        } catch (err) {
          next = jobs.length; // the other workers stop too: SES is failing
          throw err;
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, Math.ceil(config().alertSendRate)) }, worker));
    } finally {
      // Handled jobs leave the queue even when a later one failed; the failed one stays for the next run.
      await removeJobs(done);
    }
  }
  logger.info('alert sender ran out of time with jobs left', { sent: result.sent });
  return result;
}
