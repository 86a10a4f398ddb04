import { type DigestChange, digestDay } from '../../shared/alerts/digest.js';
import { alertConfirmation } from '../../shared/alerts/emails.js';
import { findService } from '../../shared/catalog/index.js';
import type { ItemFacts } from '../../shared/email/templates.js';
import { translator } from '../../shared/i18n/board.js';
import type { HistoryEvent, Item } from '../../shared/items.js';
import { jurisdiction } from '../../shared/jurisdiction/index.js';
import { config } from '../lib/env.js';
import { alertJobRecord, digestEntryRecord, putAlertRecords } from '../store/alert-queue.js';
import { findAlert, matchingAlerts } from '../store/alerts.js';
import type { Notification } from '../store/notifications.js';
import type { Subscription } from '../store/subscriptions.js';
import { sitePage } from './links.js';
import { factsPerLanguage, languageOf, type Message } from './messages.js';

/** Links in alert emails: confirm, the alert's one-click stop (RFC 8058 POST), and "manage my alerts" (the site page in the alert's language). */
export const alertLinks = {
  confirm: (token: string) => `${config().publicBaseUrl}/api/alerts/confirm?token=${token}`,
  unsubscribe: (token: string) => `${config().publicBaseUrl}/api/alerts/unsubscribe?token=${token}`,
  manage: (token: string, lang?: string) => sitePage(`/alerts/?token=${token}`, lang),
};

/** The confirmation email of a pending alert (nothing once it is confirmed or cancelled), in the language it was asked for in. */
export async function alertConfirmationMessages(n: Notification): Promise<Message[]> {
  const alert = await findAlert(n.itemId);
  if (alert?.status !== 'pending' || !alert.confirmToken) return [];
  const tr = translator(languageOf(alert.language));
  return [{ to: alert.email, email: alertConfirmation(alert.target, alert.frequency, alertLinks.confirm(alert.confirmToken), tr) }];
}

/** Whether an event moved a report into a done state ("finished" in a digest). */
function finishes(item: Item, event: HistoryEvent | undefined): boolean {
  if (event?.type !== 'transition' || !event.to) return false;
  return findService(item.serviceCode)?.workflow.states.find((s) => s.id === event.to)?.phase === 'done';
}

/**
 * The fan-out (docs/notifications.md, "Alert fan-out"): the alerts a report matches when it is created
 * or gets a public update, found through the indexes (service, area, geohash cells refined by
 * distance) a page at a time, become records, never emails sent here:
 * - an `instant` alert → a queued job (functions/notify/alert-sender.ts sends the queue at the SES rate);
 * - a `daily` alert → an entry in that day's digest (sent at 07:00 by the same sender).
 * Keys come from the notification and the address, so a retried fan-out rewrites the same records.
 * An address that follows the item itself is left to that email. Returns how many records it wrote.
 */
export async function queueAlertMatches(
  n: Notification,
  item: Item,
  facts: ItemFacts,
  change: 'new' | 'updated',
  event: HistoryEvent | undefined,
  followers: Subscription[] = [],
): Promise<number> {
  if (item.kind !== 'report' || item.hidden || (event && event.visibility !== 'public')) return 0;
  const following = new Set(followers.map((f) => f.email.toLowerCase()));
  const at = event?.at ?? item.createdAt;
  // By when the fan-out runs, not when the event happened: an entry is never written into a day whose
  // digest already went out at 07:00 (a stream record handled a little late goes to the next morning's).
  const day = digestDay(new Date(), jurisdiction.timezone);
  const digestChange: DigestChange = change === 'new' ? 'new' : finishes(item, event) ? 'finished' : 'updated';
  const queuedAt = new Date().toISOString();
  // An instant alert's email is written in its language.
  const factsIn = factsPerLanguage(item, event?.to ?? item.status, facts);
  let written = 0;
  await matchingAlerts({ serviceCode: item.serviceCode, areaId: item.area?.id, location: item.location }, async (page) => {
    const records = page
      .filter((m) => !following.has(m.email.toLowerCase()))
      .map((m) =>
        m.frequency === 'daily'
          ? digestEntryRecord(day, {
              email: m.email,
              itemId: item.id,
              change: digestChange,
              alertId: m.alertId,
              target: m.target,
              unsubscribeToken: m.unsubscribeToken,
              at,
            })
          : alertJobRecord({
              itemId: item.id,
              notificationSK: n.SK,
              email: m.email,
              alertId: m.alertId,
              target: m.target,
              unsubscribeToken: m.unsubscribeToken,
              change,
              facts: factsIn(languageOf(m.language)),
              ...(m.language && { language: languageOf(m.language) }),
              queuedAt,
              ...(n.correlationId && { correlationId: n.correlationId }),
            }),
      );
    await putAlertRecords(records);
    written += records.length;
  });
  return written;
}
