import { randomBytes } from 'node:crypto';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { NotFoundError } from '../../shared/errors.js';
import { db, tableName } from './client.js';
import { cancellationCodes } from './errors.js';
import { itemPK } from './keys/items.js';
import {
  CONFIRM_TTL_SECONDS,
  followRequestNotificationRecord,
  SUBSCRIPTION_PREFIX,
  subscriptionKey,
  subscriptionRecord,
  subscriptionSK,
  type TokenPurpose,
  tokenKey,
  tokenRecord,
} from './keys/subscriptions.js';
import { queryAllPages } from './paginate.js';

/** A follower of an item. The reporter who asked for updates is one too, confirmed from the start. */
export interface Subscription {
  itemId: string;
  email: string;
  role: 'reporter' | 'follower';
  status: 'pending' | 'confirmed';
  confirmToken?: string;
  unsubscribeToken: string;
  createdAt: string;
  confirmedAt?: string;
}

/** 32 random bytes: unguessable, and each token is stored with the one purpose it serves. */
const newToken = () => randomBytes(32).toString('base64url');

export async function findSubscription(itemId: string, email: string): Promise<Subscription | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: subscriptionKey(itemId, subscriptionSK(email)) }));
  return Item as Subscription | undefined;
}

/**
 * Adds a pending follower: the subscription, its tokens and the notification that sends the
 * confirmation email, in one transaction. An address that already follows (or is pending) changes
 * nothing, including a concurrent identical request that won the race.
 */
export async function addPendingFollower(itemId: string, email: string): Promise<void> {
  if (await findSubscription(itemId, email)) return;
  const now = new Date().toISOString();
  const sub: Subscription = {
    itemId,
    email,
    role: 'follower',
    status: 'pending',
    confirmToken: newToken(),
    unsubscribeToken: newToken(),
    createdAt: now,
  };
  const put = (Item: Record<string, unknown>, condition = true) => ({
    Put: { TableName: tableName(), Item, ...(condition && { ConditionExpression: 'attribute_not_exists(PK)' }) },
  });
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          put(subscriptionRecord({ ...sub })),
          put(tokenRecord(sub.confirmToken as string, 'confirm', itemId, email, CONFIRM_TTL_SECONDS)),
          put(tokenRecord(sub.unsubscribeToken, 'unsubscribe', itemId, email)),
          put(followRequestNotificationRecord(itemId, email, ulid(), now), false),
        ],
      }),
    );
  } catch (err) {
    if (!cancellationCodes(err)?.includes('ConditionalCheckFailed')) throw err;
  }
}

async function tokenTarget(token: string, purpose: TokenPurpose) {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: tokenKey(token), ConsistentRead: true }));
  if (!Item || Item.purpose !== purpose) throw new NotFoundError('This link is not valid (any more). It may have been used already.');
  return Item as { itemId: string; subscriptionSK: string };
}

/** Confirms a follower from their emailed link; the confirm token is used up. Returns the item id. */
export async function confirmFollower(token: string): Promise<string> {
  const { itemId, subscriptionSK: sk } = await tokenTarget(token, 'confirm');
  await db().send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: tableName(),
            Key: subscriptionKey(itemId, sk),
            UpdateExpression: 'SET #s = :c, confirmedAt = :now REMOVE confirmToken',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':c': 'confirmed', ':now': new Date().toISOString() },
          },
        },
        { Delete: { TableName: tableName(), Key: tokenKey(token) } },
      ],
    }),
  );
  return itemId;
}

/** Ends a subscription from its one-click link: no further email to that address about that item. */
export async function removeFollower(token: string): Promise<string> {
  const { itemId, subscriptionSK: sk } = await tokenTarget(token, 'unsubscribe');
  const { Item: sub } = await db().send(new GetCommand({ TableName: tableName(), Key: subscriptionKey(itemId, sk) }));
  const confirmToken = (sub as Subscription | undefined)?.confirmToken;
  await db().send(
    new TransactWriteCommand({
      TransactItems: [
        { Delete: { TableName: tableName(), Key: subscriptionKey(itemId, sk) } },
        { Delete: { TableName: tableName(), Key: tokenKey(token) } },
        ...(confirmToken ? [{ Delete: { TableName: tableName(), Key: tokenKey(confirmToken) } }] : []),
      ],
    }),
  );
  return itemId;
}

/** Every confirmed follower of an item. */
export async function confirmedFollowers(itemId: string): Promise<Subscription[]> {
  const subs: Subscription[] = [];
  const pages = queryAllPages({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sub)',
    FilterExpression: '#s = :c',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':pk': itemPK(itemId), ':sub': SUBSCRIPTION_PREFIX, ':c': 'confirmed' },
  });
  for await (const page of pages) subs.push(...((page.Items ?? []) as Subscription[]));
  return subs;
}

export async function findSubscriptionBySK(itemId: string, sk: string): Promise<Subscription | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: subscriptionKey(itemId, sk), ConsistentRead: true }));
  return Item as Subscription | undefined;
}
