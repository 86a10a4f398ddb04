import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { getService } from '../../shared/catalog/index.js';
import * as templates from '../../shared/email/templates.js';
import type { HistoryEvent, Item } from '../../shared/items.js';
import { statusLabel } from '../../shared/public-view.js';
import { findStaffMember } from '../directory/cognito.js';
import { db, tableName } from '../store/client.js';
import { findItem } from '../store/items.js';
import { eventFromRecord, itemPK } from '../store/keys.js';
import { confirmedSubscribers, findSubscription, getSubscriptionBySK } from '../store/subscriptions.js';
import { links } from './links.js';

/** A notification record as the stream delivers it. */
export interface Notification {
  SK: string;
  kind: 'report.created' | 'item.updated' | 'item.assigned' | 'subscription.requested';
  itemId: string;
  eventSK?: string;
  subscriptionSK?: string;
}

/** One email to send: who, what, and the one-click unsubscribe link if it has one. */
export interface Message {
  to: string;
  email: templates.Email;
  unsubscribeUrl?: string;
}

/** A short stable id for a recipient, so delivery records never hold the address itself. */
export const recipientId = (email: string) => createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 24);

function facts(item: Item, status = item.status): templates.ItemFacts {
  const service = getService(item.serviceCode);
  return {
    reference: item.reference,
    title: item.title,
    serviceName: service.name,
    statusLabel: statusLabel(service, status),
    trackUrl: links.track(item.reference),
  };
}

async function getEvent(itemId: string, sk: string): Promise<HistoryEvent | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: { PK: itemPK(itemId), SK: sk } }));
  return Item ? eventFromRecord(Item) : undefined;
}

/**
 * Works out the emails a notification causes, reading the item and its followers at send time.
 * Internal events never produce a public email, whatever record asked for it.
 */
export async function messagesFor(n: Notification): Promise<Message[]> {
  const item = await findItem(n.itemId);
  if (!item) return [];
  switch (n.kind) {
    case 'report.created': {
      const email = item.reporter?.email;
      if (!email) return [];
      const sub = await findSubscription(item.id, email);
      const unsubscribeUrl = sub ? links.unsubscribe(sub.unsubscribeToken) : undefined;
      return [{ to: email, email: templates.acknowledgement(facts(item), unsubscribeUrl), unsubscribeUrl }];
    }
    case 'item.updated': {
      const event = n.eventSK ? await getEvent(item.id, n.eventSK) : undefined;
      if (event?.visibility !== 'public') return [];
      // A bill's vote event names the stage it left (from) and, if it moved the bill, the one it entered (to).
      const stage = event.type === 'vote' ? (event.to ?? event.from) : event.type === 'transition' ? event.to : undefined;
      const itemFacts = facts(item, stage ?? item.status);
      return (await confirmedSubscribers(item.id)).map((sub) => {
        const unsubscribeUrl = links.unsubscribe(sub.unsubscribeToken);
        const email =
          item.kind === 'bill'
            ? templates.billUpdate(itemFacts, event.note, unsubscribeUrl)
            : templates.update(itemFacts, { kind: event.type === 'comment' ? 'comment' : 'status', note: event.note }, unsubscribeUrl);
        return { to: sub.email, email, unsubscribeUrl };
      });
    }
    case 'item.assigned': {
      const member = item.assignee ? await findStaffMember(item.assignee.id) : undefined;
      return member?.email ? [{ to: member.email, email: templates.assignment(facts(item), links.staff(item.id)) }] : [];
    }
    case 'subscription.requested': {
      const sub = n.subscriptionSK ? await getSubscriptionBySK(item.id, n.subscriptionSK) : undefined;
      if (sub?.status !== 'pending' || !sub.confirmToken) return [];
      return [{ to: sub.email, email: templates.confirmation(facts(item), links.confirm(sub.confirmToken)) }];
    }
    default:
      return [];
  }
}
