import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { HistoryEvent, Item, NotificationKind } from '../../shared/items.js';
import { db, tableName } from './client.js';
import { findItem } from './items.js';
import { eventFromRecord, eventKey } from './keys/items.js';
import { confirmedFollowers, findSubscription, findSubscriptionBySK, type Subscription } from './subscriptions.js';

/** A notification record as the stream delivers it. */
export interface Notification {
  SK: string;
  kind: NotificationKind;
  itemId: string;
  eventSK?: string;
  subscriptionSK?: string;
  /** The action that wrote it (functions/lib/correlation.ts): the notifier sends and logs under it. */
  correlationId?: string;
}

/** The notification a stream record inserts, or undefined for any other record or change. */
export function notificationOf(record: DynamoDBRecord): Notification | undefined {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image || image.entity?.S !== 'notification') return undefined;
  // biome-ignore lint/suspicious/noExplicitAny: the Lambda and SDK AttributeValue types differ only nominally
  return unmarshall(image as any) as Notification;
}

/** What a notification is about, as it is at send time: who to write to depends on its kind. */
export interface NotificationContext {
  item: Item;
  /** The event it announces (item.updated, sla.escalated). */
  event?: HistoryEvent;
  /** Confirmed followers (item.updated). */
  followers?: Subscription[];
  /** The reporter's own subscription (report.created) or the pending follower (subscription.requested). */
  subscription?: Subscription;
}

/** Reads everything one notification needs, side by side; undefined when the item is gone. */
export async function notificationContext(n: Notification): Promise<NotificationContext | undefined> {
  const item = await findItem(n.itemId);
  if (!item) return undefined;
  switch (n.kind) {
    case 'item.updated': {
      const [event, followers] = await Promise.all([n.eventSK ? findEvent(item.id, n.eventSK) : undefined, confirmedFollowers(item.id)]);
      return { item, event, followers };
    }
    case 'sla.escalated':
      return { item, event: n.eventSK ? await findEvent(item.id, n.eventSK) : undefined };
    case 'report.created': {
      const email = item.reporter?.email;
      return { item, subscription: email ? await findSubscription(item.id, email) : undefined };
    }
    case 'subscription.requested':
      return { item, subscription: n.subscriptionSK ? await findSubscriptionBySK(item.id, n.subscriptionSK) : undefined };
    default:
      return { item };
  }
}

async function findEvent(itemId: string, sk: string): Promise<HistoryEvent | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: eventKey(itemId, sk) }));
  return Item ? eventFromRecord(Item) : undefined;
}
