import type { Item, NotificationKind } from '../../../shared/items.js';
import { correlated } from '../../lib/correlation.js';
import { keyHash } from './hash.js';
import { eventSK, itemPK } from './items.js';

/**
 * Keys of followers and what is sent to them. Notifications and deliveries sit in the item's partition,
 * so the notifier reads an item's followers and marks its sends without a second partition.
 *
 *   ITEM#<id> SUB#<email key>                 a follower (reporter or confirmed/pending follower)
 *   TOKEN#<token> #TOKEN                      a confirm or unsubscribe token → its subscription
 *   ITEM#<id> NTF#<event or request id>#<kind> a notification: the stream hands it to the notifier (TTL)
 *   ITEM#<id> DLV#<notification>#<email key>  one email of one notification, claimed before sending (TTL)
 */
export const SUBSCRIPTION_PREFIX = 'SUB#';
export const NOTIFICATION_PREFIX = 'NTF#';
const DELIVERY_PREFIX = 'DLV#';

/** Notifications live 7 days: long enough for any stream retry, then DynamoDB's TTL removes them. */
const NOTIFICATION_TTL_SECONDS = 7 * 24 * 3600;
/**
 * An unconfirmed follow's confirm link works for 7 days from the latest request; the pending follow
 * expires with it (the link is checked against its expiry when used; TTL deletion only tidies up, late).
 */
export const CONFIRM_TTL_SECONDS = 7 * 24 * 3600;
/** When a confirm link (and the pending follow it belongs to) issued now expires, in epoch seconds (the TTL unit). */
export const confirmExpiry = (nowMs: number) => Math.floor(nowMs / 1000) + CONFIRM_TTL_SECONDS;
const DELIVERY_TTL_SECONDS = 30 * 24 * 3600;

/** A short stable key for an email address, so keys and delivery records never hold the address itself. */
export const emailKey = (email: string) => keyHash(email.trim().toLowerCase());

export const subscriptionSK = (email: string) => `${SUBSCRIPTION_PREFIX}${emailKey(email)}`;
export const subscriptionKey = (itemId: string, sk: string) => ({ PK: itemPK(itemId), SK: sk });
export const tokenKey = (token: string) => ({ PK: `TOKEN#${token}`, SK: '#TOKEN' });

export type TokenPurpose = 'confirm' | 'unsubscribe';

export function subscriptionRecord(sub: { itemId: string; email: string; [field: string]: unknown }): Record<string, unknown> {
  return { ...subscriptionKey(sub.itemId, subscriptionSK(sub.email)), entity: 'subscription', ...sub };
}

/** A token → its subscription. `expiresAt` (epoch seconds) is when it stops working, and its TTL. */
export function tokenRecord(token: string, purpose: TokenPurpose, itemId: string, email: string, expiresAt?: number) {
  return {
    ...tokenKey(token),
    entity: 'token',
    purpose,
    itemId,
    subscriptionSK: subscriptionSK(email),
    ...(expiresAt && { expiresAt }),
  };
}

/** A notification of an item's event: the stream delivers it to the notifier. */
export function eventNotificationRecord(item: Item, kind: NotificationKind, event: { id: string; at: string }): Record<string, unknown> {
  return {
    PK: itemPK(item.id),
    SK: `${NOTIFICATION_PREFIX}${event.id}#${kind}`,
    entity: 'notification',
    ...correlated(),
    kind,
    itemId: item.id,
    eventId: event.id,
    eventSK: eventSK(event),
    itemVersion: item.version,
    createdAt: event.at,
    expiresAt: Math.floor(Date.parse(event.at) / 1000) + NOTIFICATION_TTL_SECONDS,
  };
}

/** The notification that sends a pending follower their confirmation link. */
export function followRequestNotificationRecord(itemId: string, email: string, requestId: string, at: string): Record<string, unknown> {
  const kind: NotificationKind = 'subscription.requested';
  return {
    PK: itemPK(itemId),
    SK: `${NOTIFICATION_PREFIX}${requestId}#${kind}`,
    entity: 'notification',
    ...correlated(),
    kind,
    itemId,
    subscriptionSK: subscriptionSK(email),
    createdAt: at,
    expiresAt: Math.floor(Date.parse(at) / 1000) + CONFIRM_TTL_SECONDS,
  };
}

/** One email of one notification to one recipient (by email key, never the address). */
export const deliveryKey = (itemId: string, notificationSK: string, email: string) => ({
  PK: itemPK(itemId),
  SK: `${DELIVERY_PREFIX}${notificationSK.slice(NOTIFICATION_PREFIX.length)}#${emailKey(email)}`,
});
export type DeliveryKey = ReturnType<typeof deliveryKey>;

export const deliveryExpiry = (nowMs: number) => Math.floor(nowMs / 1000) + DELIVERY_TTL_SECONDS;
