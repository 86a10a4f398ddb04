import { randomBytes } from 'node:crypto';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { inCircle, type Point, pointCells } from '../../shared/alerts/geo.js';
import type { Alert, CreateAlertInput } from '../../shared/alerts/schemas.js';
import { NotFoundError } from '../../shared/errors.js';
import { db, tableName } from './client.js';
import { isWriteConflict } from './errors.js';
import {
  type AlertIndexEntry,
  addressAlertKey,
  addressAlertsPK,
  alertKey,
  alertRecord,
  alertRequestNotificationRecord,
  alertTokenKey,
  alertTokenRecord,
  areaIndexPK,
  cellIndexPK,
  indexPartitions,
  indexRecords,
  serviceIndexPK,
} from './keys/alerts.js';
import { confirmExpiry } from './keys/subscriptions.js';
import { queryAllPages } from './paginate.js';

/** An alert as stored, with its link tokens. */
export type StoredAlert = Alert & { confirmToken?: string; unsubscribeToken: string; expiresAt?: number };

const newToken = () => randomBytes(32).toString('base64url');
const INVALID_LINK = 'This link is not valid (any more). It may have been used already, or the alert cancelled.';

/** How many alerts (pending or confirmed) an address holds. */
export async function countAddressAlerts(email: string): Promise<number> {
  const { Count } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': addressAlertsPK(email) },
      Select: 'COUNT',
    }),
  );
  return Count ?? 0;
}

/**
 * A new pending alert with its confirm link (valid 7 days, then the pending alert expires by TTL) and
 * its unsubscribe/manage link, in one transaction. Nothing matches it until it is confirmed.
 */
export async function createPendingAlert(input: CreateAlertInput & { language?: string }, nowMs = Date.now()): Promise<StoredAlert> {
  const expiresAt = confirmExpiry(nowMs);
  const alert: StoredAlert = {
    id: ulid(nowMs),
    email: input.email,
    target: input.target,
    frequency: input.frequency,
    ...(input.language && { language: input.language }),
    status: 'pending',
    createdAt: new Date(nowMs).toISOString(),
    confirmToken: newToken(),
    unsubscribeToken: newToken(),
    expiresAt,
  };
  const put = (Item: Record<string, unknown>) => ({
    Put: { TableName: tableName(), Item, ConditionExpression: 'attribute_not_exists(PK)' },
  });
  await db().send(
    new TransactWriteCommand({
      TransactItems: [
        put(alertRecord(alert)),
        put({ ...addressAlertKey(alert.email, alert.id), entity: 'alert-address', alertId: alert.id, expiresAt }),
        put(alertTokenRecord(alert.confirmToken as string, 'confirm', alert.id, expiresAt)),
        put(alertTokenRecord(alert.unsubscribeToken, 'unsubscribe', alert.id)),
        // The confirmation email, delivered from the stream by the notifier like every other email.
        put(alertRequestNotificationRecord(alert.id, ulid(nowMs), alert.createdAt, expiresAt)),
      ],
    }),
  );
  return alert;
}

async function alertOfToken(token: string, purpose: 'confirm' | 'unsubscribe', nowMs = Date.now()): Promise<StoredAlert> {
  const { Item: link } = await db().send(new GetCommand({ TableName: tableName(), Key: alertTokenKey(token), ConsistentRead: true }));
  if (!link || link.purpose !== purpose) throw new NotFoundError(INVALID_LINK);
  if (typeof link.expiresAt === 'number' && link.expiresAt * 1000 <= nowMs) {
    throw new NotFoundError('This link has expired. Ask for the alert again to get a new one.');
  }
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: alertKey(link.alertId), ConsistentRead: true }));
  if (!Item) throw new NotFoundError(INVALID_LINK);
  return Item as StoredAlert;
}

/**
 * Confirms an alert from its emailed link: it stops expiring, the link is used up, and it enters the
 * indexes the matcher reads, all in one transaction (a cover is at most 32 cells).
 */
export async function confirmAlert(token: string, nowMs = Date.now()): Promise<StoredAlert> {
  const alert = await alertOfToken(token, 'confirm', nowMs);
  const confirmed: StoredAlert = { ...alert, status: 'confirmed', confirmedAt: new Date(nowMs).toISOString() };
  delete confirmed.confirmToken;
  delete confirmed.expiresAt;
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: alertRecord(confirmed),
              ConditionExpression: 'confirmToken = :t',
              ExpressionAttributeValues: { ':t': token },
            },
          },
          {
            Put: {
              TableName: tableName(),
              Item: { ...addressAlertKey(alert.email, alert.id), entity: 'alert-address', alertId: alert.id },
            },
          },
          { Delete: { TableName: tableName(), Key: alertTokenKey(token) } },
          ...indexRecords(confirmed).map((Item) => ({ Put: { TableName: tableName(), Item } })),
        ],
      }),
    );
  } catch (err) {
    if (isWriteConflict(err)) throw new NotFoundError(INVALID_LINK);
    throw err;
  }
  return confirmed;
}

/** Cancels an alert from its one-click link: the alert, its index entries and its links go. */
export async function removeAlert(token: string): Promise<StoredAlert> {
  const alert = await alertOfToken(token, 'unsubscribe');
  const del = (Key: Record<string, string>) => ({ Delete: { TableName: tableName(), Key } });
  await db().send(
    new TransactWriteCommand({
      TransactItems: [
        del(alertKey(alert.id)),
        del(addressAlertKey(alert.email, alert.id)),
        del(alertTokenKey(alert.unsubscribeToken)),
        ...(alert.confirmToken ? [del(alertTokenKey(alert.confirmToken))] : []),
        ...(alert.status === 'confirmed' ? indexPartitions(alert.target).map((PK) => del({ PK, SK: alert.id })) : []),
      ],
    }),
  );
  return alert;
}

/** Every alert of the address an unsubscribe/manage link belongs to ("manage my alerts"). */
export async function addressAlertsOfToken(token: string): Promise<StoredAlert[]> {
  const alert = await alertOfToken(token, 'unsubscribe');
  const ids: string[] = [];
  for await (const page of queryAllPages({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': addressAlertsPK(alert.email) },
  }))
    ids.push(...(page.Items ?? []).map((i) => String(i.alertId)));
  const alerts = await Promise.all(
    ids.map(async (id) => (await db().send(new GetCommand({ TableName: tableName(), Key: alertKey(id) }))).Item as StoredAlert | undefined),
  );
  return alerts.filter((a): a is StoredAlert => a !== undefined);
}

/** What an item offers the matcher: its service, its area (when the jurisdiction has areas) and its pin. */
export interface MatchSubject {
  serviceCode: string;
  areaId?: string;
  location?: Point;
}

/**
 * Confirmed alerts an item matches, read through the indexes only: the service's partition, the area's,
 * and the item's cell at each cover precision (then refined by distance). Each alert once, even when
 * several of its cells or entries match. Pages through a partition, so a ward with 10,000 followers is
 * read in ~1 MB pages, a page at a time (`onPage`), never all held at once by the caller who batches.
 */
export async function matchingAlerts(
  subject: MatchSubject,
  onPage?: (entries: AlertIndexEntry[]) => Promise<void>,
): Promise<AlertIndexEntry[]> {
  const partitions = [
    serviceIndexPK(subject.serviceCode),
    ...(subject.areaId ? [areaIndexPK(subject.areaId)] : []),
    ...(subject.location ? pointCells(subject.location).map(cellIndexPK) : []),
  ];
  const seen = new Set<string>();
  const all: AlertIndexEntry[] = [];
  for (const pk of partitions) {
    for await (const page of queryAllPages({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': pk },
    })) {
      const fresh = ((page.Items ?? []) as AlertIndexEntry[]).filter((e) => {
        if (seen.has(e.alertId)) return false;
        if (e.target.type === 'circle' && !(subject.location && inCircle(e.target, subject.location))) return false;
        seen.add(e.alertId);
        return true;
      });
      if (onPage && fresh.length) await onPage(fresh);
      else all.push(...fresh);
    }
  }
  return all;
}

/** An alert by id, as stored now (the notifier reads it at send time). */
export async function findAlert(id: string): Promise<StoredAlert | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: alertKey(id), ConsistentRead: true }));
  return Item as StoredAlert | undefined;
}
