import { DateTime } from 'luxon';
import { type DigestAlert, type DigestLine, dailyDigest, dueDigestDay, strongestChange } from '../../shared/alerts/digest.js';
import { describeAlertTarget } from '../../shared/alerts/emails.js';
import { translator } from '../../shared/i18n/board.js';
import { jurisdiction } from '../../shared/jurisdiction/index.js';
import { count, METRIC } from '../lib/metrics.js';
import type { TokenBucket } from '../lib/token-bucket.js';
import { type DigestEntry, digestClaimKey, digestEntryPages, entryAddress, isDigestDone, markDigestDone } from '../store/alert-queue.js';
import { findAlert } from '../store/alerts.js';
import { claimDelivery, markSent, releaseDelivery } from '../store/deliveries.js';
import { markSuppressed, suppressionOf } from '../store/suppressions.js';
import { alertLinks } from './alert-messages.js';
import { facts, languageOf } from './messages.js';
import { RunCache } from './send-alerts.js';
import { sendEmail } from './ses.js';

/** Days whose digests this process has seen finished: saves a read per run for the rest of the day. */
const finished = new Set<string>();

/**
 * One subscriber's digest of `day`, exactly once: a claim per address and day (DIGESTDLV#<day>) taken
 * before SES is asked and marked after, so a retried or restarted run, or two at once, send it once.
 * Items are read as they are now (status, redactions); hidden ones and stopped alerts are left out, and
 * if nothing is left nothing is sent. Returns 1 if an email went out.
 */
export async function sendDigest(day: string, entries: DigestEntry[], bucket: TokenBucket, cache = new RunCache()): Promise<number> {
  const address = (entries[0] as DigestEntry).email;
  const key = digestClaimKey(day, address);
  if (!(await claimDelivery(key))) return 0;
  const alertIds = [...new Set(entries.map((e) => e.alertId))];
  const live = (await Promise.all(alertIds.map((id) => findAlert(id)))).filter((a) => a?.status === 'confirmed' && a.frequency === 'daily');
  const byItem = new Map<string, DigestEntry[]>();
  for (const e of entries.filter((e) => live.some((a) => a?.id === e.alertId))) byItem.set(e.itemId, [...(byItem.get(e.itemId) ?? []), e]);
  // One digest per address, in the language of its newest alert (the address's latest choice).
  const lang = languageOf(live.reduce((a, b) => ((b?.createdAt ?? '') > (a?.createdAt ?? '') ? b : a), live[0])?.language);
  const tr = translator(lang);
  const lines: DigestLine[] = [];
  for (const [itemId, changes] of byItem) {
    const item = await cache.item(itemId);
    if (item && !item.hidden) lines.push({ ...facts(item, item.status, lang), change: strongestChange(changes.map((c) => c.change)) });
  }
  if (!lines.length) {
    await markSent(key, 'nothing-to-send');
    return 0;
  }
  const suppression = await suppressionOf(address);
  if (suppression) {
    await markSuppressed(key, suppression);
    count(METRIC.emailsSuppressed);
    return 0;
  }
  const alerts: DigestAlert[] = live.map((a) => ({
    description: describeAlertTarget(a!.target, tr),
    unsubscribeUrl: alertLinks.unsubscribe(a!.unsubscribeToken),
  }));
  const first = live[0]!;
  const name = tr.text('jurisdiction.name', jurisdiction.name);
  const email = dailyDigest(name, day, lines, alerts, alertLinks.manage(first.unsubscribeToken, lang), tr);
  await bucket.take();
  try {
    // The one-click header stops the first alert; the body has a stop link for each, and the manage page.
    await markSent(key, await sendEmail(address, email, alertLinks.unsubscribe(first.unsubscribeToken)));
  } catch (err) {
    await releaseDelivery(key);
    count(METRIC.emailsFailed);
    throw err;
  }
  count(METRIC.digestsSent);
  return 1;
}

/** Sends every digest of one day not sent yet, address by address; marks the day done when it got through it all in time. */
export async function sendDigestsOf(day: string, bucket: TokenBucket, deadline: number): Promise<{ sent: number; finished: boolean }> {
  const cache = new RunCache();
  let sent = 0;
  let group: DigestEntry[] = [];
  for await (const page of digestEntryPages(day)) {
    for (const entry of page) {
      if (group.length && entryAddress(entry.SK) !== entryAddress((group[0] as DigestEntry).SK)) {
        if (Date.now() > deadline) return { sent, finished: false };
        sent += await sendDigest(day, group, bucket, cache);
        group = [];
      }
      group.push(entry);
    }
  }
  if (group.length) sent += await sendDigest(day, group, bucket, cache);
  await markDigestDone(day, sent);
  finished.add(day);
  return { sent, finished: true };
}

/**
 * The daily digests due at `now`: from 07:00 jurisdiction time, today's (and yesterday's, if no run got
 * through it: a sender that was down all morning still sends it, late). Nothing before 07:00.
 */
export async function sendDueDigests(now: Date, bucket: TokenBucket, deadline: number): Promise<number> {
  const today = dueDigestDay(now, jurisdiction.timezone);
  if (!today) return 0;
  const yesterday = DateTime.fromISO(today).minus({ days: 1 }).toISODate() as string;
  let sent = 0;
  for (const day of [yesterday, today]) {
    if (finished.has(day)) continue;
    if (await isDigestDone(day)) {
      finished.add(day);
      continue;
    }
    const run = await sendDigestsOf(day, bucket, deadline);
    sent += run.sent;
    if (!run.finished) break;
  }
  return sent;
}
