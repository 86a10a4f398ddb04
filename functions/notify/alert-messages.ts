import { alertConfirmation, alertMatch } from '../../shared/alerts/emails.js';
import type { HistoryEvent, Item } from '../../shared/items.js';
import { config } from '../lib/env.js';
import { findAlert, matchingAlerts } from '../store/alerts.js';
import type { Notification } from '../store/notifications.js';
import type { Subscription } from '../store/subscriptions.js';
import type { Message } from './messages.js';

/** Links in alert emails: confirm, the alert's one-click stop (RFC 8058 POST), and "manage my alerts". */
export const alertLinks = {
  confirm: (token: string) => `${config().publicBaseUrl}/api/alerts/confirm?token=${token}`,
  unsubscribe: (token: string) => `${config().publicBaseUrl}/api/alerts/unsubscribe?token=${token}`,
  manage: (token: string) => `${config().publicBaseUrl}/alerts/?token=${token}`,
};

/** The confirmation email of a pending alert (nothing once it is confirmed or cancelled). */
export async function alertConfirmationMessages(n: Notification): Promise<Message[]> {
  const alert = await findAlert(n.itemId);
  if (alert?.status !== 'pending' || !alert.confirmToken) return [];
  return [{ to: alert.email, email: alertConfirmation(alert.target, alert.frequency, alertLinks.confirm(alert.confirmToken)) }];
}

/**
 * Emails to `instant` alerts a report matches when it is created or gets a public update, found
 * through the alert indexes (service, area, geohash cells refined by distance). An address that
 * already follows the item itself is left to that email; one address matched by several alerts gets
 * one email (the notifier's delivery claim is per notification and address).
 */
export async function alertMatchMessages(
  item: Item,
  facts: Parameters<typeof alertMatch>[0],
  change: 'new' | 'updated',
  event: HistoryEvent | undefined,
  followers: Subscription[] = [],
): Promise<Message[]> {
  if (item.kind !== 'report' || (event && event.visibility !== 'public')) return [];
  const following = new Set(followers.map((f) => f.email.toLowerCase()));
  const matches = await matchingAlerts({ serviceCode: item.serviceCode, areaId: item.area?.id, location: item.location });
  return matches
    .filter((m) => m.frequency === 'instant' && !following.has(m.email.toLowerCase()))
    .map((m) => {
      const unsubscribeUrl = alertLinks.unsubscribe(m.unsubscribeToken);
      return {
        to: m.email,
        email: alertMatch(facts, change, m.target, { unsubscribeUrl, manageUrl: alertLinks.manage(m.unsubscribeToken) }),
        unsubscribeUrl,
      };
    });
}
