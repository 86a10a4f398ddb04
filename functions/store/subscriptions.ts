import { randomBytes } from 'node:crypto';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { NotFoundError } from '../../shared/errors.js';
import { db, tableName } from './client.js';
import { isWriteConflict } from './errors.js';
import { itemPK } from './keys/items.js';
import {
  confirmExpiry,
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
  /** A pending follow: when it and its confirm link expire (epoch seconds; also its TTL). */
  expiresAt?: number;
  /** The language they followed in: their emails use it (absent on older records: the default language). */
  language?: string;
}

/** 32 random bytes: unguessable, and each token is stored with the one purpose it serves. */
const newToken = () => randomBytes(32).toString('base64url');

export async function findSubscription(itemId: string, email: string): Promise<Subscription | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: subscriptionKey(itemId, subscriptionSK(email)) }));
  return Item as Subscription | undefined;
}

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];
const put = (Item: Record<string, unknown>, condition?: string): TransactItem => ({
  Put: { TableName: tableName(), Item, ...(condition && { ConditionExpression: condition }) },
});

/**
 * Asks an address to confirm a follow: a new confirm token (valid 7 days) and the notification that
 * emails it, in one transaction. For a new follower, the pending subscription and its unsubscribe token
 * too; for one already pending (however old), the new token replaces the old one, which stops working,
 * so a pending follow someone else registered never locks the address's owner out. A confirmed
 * follower changes nothing. A concurrent request that won the race leaves this one with nothing to do.
 */
export async function requestConfirmation(
  itemId: string,
  email: string,
  existing: Subscription | undefined,
  language?: string,
): Promise<void> {
  if (existing?.status === 'confirmed') return;
  const nowMs = Date.now();
  const now = new Date(nowMs).toISOString();
  const confirmToken = newToken();
  const expiresAt = confirmExpiry(nowMs);
  const confirmWrites = [
    put(tokenRecord(confirmToken, 'confirm', itemId, email, expiresAt), 'attribute_not_exists(PK)'),
    put(followRequestNotificationRecord(itemId, email, ulid(), now)),
  ];
  const writes: TransactItem[] = existing
    ? [
        {
          Update: {
            TableName: tableName(),
            Key: subscriptionKey(itemId, subscriptionSK(email)),
            // The latest request's language: the confirmation about to go out is in it, and so is what follows.
            UpdateExpression: `SET confirmToken = :new, expiresAt = :exp${language ? ', #lang = :lang' : ''}`,
            // Unchanged since it was read: two requests at once send one new link, not two racing ones.
            ConditionExpression: existing.confirmToken ? '#s = :pending AND confirmToken = :old' : '#s = :pending',
            ExpressionAttributeNames: { '#s': 'status', ...(language && { '#lang': 'language' }) },
            ExpressionAttributeValues: {
              ...(language && { ':lang': language }),
              ':new': confirmToken,
              ':exp': expiresAt,
              ':pending': 'pending',
              ...(existing.confirmToken && { ':old': existing.confirmToken }),
            },
          },
        },
        ...(existing.confirmToken ? [{ Delete: { TableName: tableName(), Key: tokenKey(existing.confirmToken) } }] : []),
      ]
    : newPendingWrites(itemId, email, confirmToken, expiresAt, now, language);
  try {
    await db().send(new TransactWriteCommand({ TransactItems: [...writes, ...confirmWrites] }));
  } catch (err) {
    if (!isWriteConflict(err)) throw err;
  }
}

/** A new pending follower: it expires (TTL) with its confirm link unless confirmed. */
function newPendingWrites(
  itemId: string,
  email: string,
  confirmToken: string,
  expiresAt: number,
  now: string,
  language: string | undefined,
): TransactItem[] {
  const sub: Subscription = {
    itemId,
    email,
    role: 'follower',
    status: 'pending',
    confirmToken,
    unsubscribeToken: newToken(),
    createdAt: now,
    ...(language && { language }),
  };
  return [
    put(subscriptionRecord({ ...sub, expiresAt }), 'attribute_not_exists(PK)'),
    put(tokenRecord(sub.unsubscribeToken, 'unsubscribe', itemId, email), 'attribute_not_exists(PK)'),
  ];
}

const INVALID_LINK = 'This link is not valid (any more). It may have been used already, or a newer one sent.';

async function tokenTarget(token: string, purpose: TokenPurpose, nowMs = Date.now()) {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: tokenKey(token), ConsistentRead: true }));
  if (!Item || Item.purpose !== purpose) throw new NotFoundError(INVALID_LINK);
  // TTL deletes an expired token only eventually (up to days later): its expiry is checked here.
  if (typeof Item.expiresAt === 'number' && Item.expiresAt * 1000 <= nowMs) {
    throw new NotFoundError("This link has expired. Ask for updates again on the item's page to get a new one.");
  }
  return Item as { itemId: string; subscriptionSK: string };
}

/**
 * Confirms a follower from their emailed link; the confirm token is used up and the follow no longer
 * expires. Only the latest link of a pending follow confirms it. Returns the item id.
 */
export async function confirmFollower(token: string): Promise<string> {
  const { itemId, subscriptionSK: sk } = await tokenTarget(token, 'confirm');
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: subscriptionKey(itemId, sk),
              UpdateExpression: 'SET #s = :c, confirmedAt = :now REMOVE confirmToken, expiresAt',
              ConditionExpression: 'confirmToken = :token',
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: { ':c': 'confirmed', ':now': new Date().toISOString(), ':token': token },
            },
          },
          { Delete: { TableName: tableName(), Key: tokenKey(token), ConditionExpression: 'attribute_exists(PK)' } },
        ],
      }),
    );
  } catch (err) {
    if (isWriteConflict(err)) throw new NotFoundError(INVALID_LINK);
    throw err;
  }
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
