import { createHash, randomBytes } from 'node:crypto';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { NotFoundError } from '../../shared/errors.js';
import { db, tableName } from './client.js';
import { cancellationCodes } from './errors.js';
import { itemPK, NOTIFICATION_PREFIX, SUBSCRIPTION_PREFIX } from './keys.js';
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

type Purpose = 'confirm' | 'unsubscribe';

/** 32 random bytes: unguessable, and each token is stored with the one purpose it serves. */
const newToken = () => randomBytes(32).toString('base64url');
const emailHash = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
export const subscriptionSK = (email: string) => `${SUBSCRIPTION_PREFIX}${emailHash(email)}`;
const tokenKey = (token: string) => ({ PK: `TOKEN#${token}`, SK: '#TOKEN' });
const CONFIRM_TTL_SECONDS = 7 * 24 * 3600;

function tokenPut(token: string, purpose: Purpose, itemId: string, sk: string, ttlSeconds?: number) {
  return {
    Put: {
      TableName: tableName(),
      Item: {
        ...tokenKey(token),
        entity: 'token',
        purpose,
        itemId,
        subscriptionSK: sk,
        ...(ttlSeconds && { expiresAt: Math.floor(Date.now() / 1000) + ttlSeconds }),
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

/** Writes that make the reporter a confirmed follower, for the create transaction. */
export function reporterSubscriptionWrites(itemId: string, email: string, now: string) {
  const unsubscribeToken = newToken();
  const sk = subscriptionSK(email);
  const sub: Subscription = { itemId, email, role: 'reporter', status: 'confirmed', unsubscribeToken, createdAt: now, confirmedAt: now };
  return [
    { Put: { TableName: tableName(), Item: { PK: itemPK(itemId), SK: sk, entity: 'subscription', ...sub } } },
    tokenPut(unsubscribeToken, 'unsubscribe', itemId, sk),
  ];
}

export async function findSubscription(itemId: string, email: string): Promise<Subscription | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: { PK: itemPK(itemId), SK: subscriptionSK(email) } }));
  return Item as Subscription | undefined;
}

/**
 * Asks to follow an item: a pending subscription, its tokens and a notification that sends the
 * confirmation email, in one transaction. An address that already follows (or is pending) changes
 * nothing, and the caller cannot tell the difference.
 */
export async function requestSubscription(itemId: string, email: string): Promise<void> {
  if (await findSubscription(itemId, email)) return;
  const now = new Date().toISOString();
  const sk = subscriptionSK(email);
  const sub: Subscription = {
    itemId,
    email,
    role: 'follower',
    status: 'pending',
    confirmToken: newToken(),
    unsubscribeToken: newToken(),
    createdAt: now,
  };
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: { PK: itemPK(itemId), SK: sk, entity: 'subscription', ...sub },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          tokenPut(sub.confirmToken as string, 'confirm', itemId, sk, CONFIRM_TTL_SECONDS),
          tokenPut(sub.unsubscribeToken, 'unsubscribe', itemId, sk),
          {
            Put: {
              TableName: tableName(),
              Item: {
                PK: itemPK(itemId),
                SK: `${NOTIFICATION_PREFIX}${ulid()}#subscription.requested`,
                entity: 'notification',
                kind: 'subscription.requested',
                itemId,
                subscriptionSK: sk,
                createdAt: now,
                expiresAt: Math.floor(Date.now() / 1000) + CONFIRM_TTL_SECONDS,
              },
            },
          },
        ],
      }),
    );
  } catch (err) {
    // A concurrent identical request won the race: the subscription exists, which is all we wanted.
    if (!cancellationCodes(err)?.includes('ConditionalCheckFailed')) throw err;
  }
}

async function tokenRecord(token: string, purpose: Purpose) {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: tokenKey(token), ConsistentRead: true }));
  if (!Item || Item.purpose !== purpose) throw new NotFoundError('This link is not valid (any more). It may have been used already.');
  return Item as { itemId: string; subscriptionSK: string };
}

/** Confirms a follower from their emailed link; the confirm token is used up. Returns the item id. */
export async function confirmSubscription(token: string): Promise<string> {
  const { itemId, subscriptionSK: sk } = await tokenRecord(token, 'confirm');
  await db().send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: tableName(),
            Key: { PK: itemPK(itemId), SK: sk },
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
export async function unsubscribe(token: string): Promise<string> {
  const { itemId, subscriptionSK: sk } = await tokenRecord(token, 'unsubscribe');
  const { Item: sub } = await db().send(new GetCommand({ TableName: tableName(), Key: { PK: itemPK(itemId), SK: sk } }));
  const confirmToken = (sub as Subscription | undefined)?.confirmToken;
  await db().send(
    new TransactWriteCommand({
      TransactItems: [
        { Delete: { TableName: tableName(), Key: { PK: itemPK(itemId), SK: sk } } },
        { Delete: { TableName: tableName(), Key: tokenKey(token) } },
        ...(confirmToken ? [{ Delete: { TableName: tableName(), Key: tokenKey(confirmToken) } }] : []),
      ],
    }),
  );
  return itemId;
}

/** Every confirmed follower of an item. */
export async function confirmedSubscribers(itemId: string): Promise<Subscription[]> {
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

export async function getSubscriptionBySK(itemId: string, sk: string): Promise<Subscription | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: { PK: itemPK(itemId), SK: sk }, ConsistentRead: true }));
  return Item as Subscription | undefined;
}
