import { BlockList, isIP } from 'node:net';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type ClientAction, clientNetwork, type LimitWindow, mailboxOf } from '../../shared/limits.js';
import { config } from '../lib/env.js';
import { db, tableName } from './client.js';
import { type LimitKey, limitKey } from './keys/limits.js';

/** A request over a limit: which window refused it and how long until that window ends. */
export interface Refusal {
  window: LimitWindow;
  retryAfterSeconds: number;
}

/**
 * Counts one request from a client (its source IP) towards an action's limits. Undefined when it may
 * go ahead; a Refusal when a window is full, in which case that window has not counted it. Networks
 * in RATE_LIMIT_EXEMPT are not counted.
 */
export async function takeClientAllowance(action: ClientAction, sourceIp: string, nowMs = Date.now()): Promise<Refusal | undefined> {
  if (isExempt(sourceIp)) return undefined;
  return take(`client:${action}`, config().limits.perClient[action], clientNetwork(sourceIp), nowMs);
}

/** Counts one email to an unconfirmed address (by mailbox); false when the address has had its share. */
export async function takeMailAllowance(email: string, nowMs = Date.now()): Promise<boolean> {
  return (await take('mail', config().limits.mailPerAddress, mailboxOf(email), nowMs)) === undefined;
}

/**
 * One hit against each window, shortest first, stopping at the first full one (a longer window is then
 * not counted; a shorter one already counted stays counted, which only delays a client the longer
 * window refuses anyway).
 */
export async function take(scope: string, windows: LimitWindow[], subject: string, nowMs = Date.now()): Promise<Refusal | undefined> {
  for (const window of [...windows].sort((a, b) => a.seconds - b.seconds)) {
    const refusal = await takeOne(limitKey(scope, window.seconds, subject), window, nowMs);
    if (refusal) return refusal;
  }
  return undefined;
}

const RACE_ATTEMPTS = 4;

/**
 * A fixed window that opens at the subject's first hit (not on the clock, so a burst cannot straddle a
 * boundary to get twice the limit in a moment). Both writes are atomic conditional updates, so
 * concurrent requests never count past the limit; an ended window is reset by the condition, not by
 * TTL, which only tidies up (and may lag by days).
 */
async function takeOne(key: LimitKey, window: LimitWindow, nowMs: number): Promise<Refusal | undefined> {
  const windowEnds = nowMs + window.seconds * 1000;
  for (let attempt = 1; attempt <= RACE_ATTEMPTS; attempt++) {
    // No window yet (a client's first request), or it is open and has room: count this request. One
    // write for both, the common cases; `if_not_exists` leaves an open window's end where it was.
    if (
      await updateIf(
        key,
        'ADD hits :one SET windowEnds = if_not_exists(windowEnds, :ends), expiresAt = if_not_exists(expiresAt, :ttl)',
        'attribute_not_exists(PK) OR (windowEnds > :now AND hits < :limit)',
        { ':one': 1, ':now': nowMs, ':limit': window.limit, ':ends': windowEnds, ':ttl': Math.ceil(windowEnds / 1000) },
      )
    ) {
      return undefined;
    }
    // The window has ended (its record outlives it until TTL): open a new one with this request in it.
    if (
      await updateIf(key, 'SET hits = :one, windowEnds = :ends, expiresAt = :ttl', 'attribute_not_exists(PK) OR windowEnds <= :now', {
        ':one': 1,
        ':ends': windowEnds,
        ':ttl': Math.ceil(windowEnds / 1000),
        ':now': nowMs,
      })
    ) {
      return undefined;
    }
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
    if (Item && Item.windowEnds > nowMs && Item.hits >= window.limit) {
      return { window, retryAfterSeconds: Math.max(1, Math.ceil((Item.windowEnds - nowMs) / 1000)) };
    }
    // Another request opened the window between our two writes: count again.
  }
  return undefined;
}

async function updateIf(key: LimitKey, update: string, condition: string, values: Record<string, number>): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression: update,
        ConditionExpression: condition,
        ExpressionAttributeValues: values,
      }),
    );
    return true;
  } catch (err) {
    if (err instanceof Error && err.name === 'ConditionalCheckFailedException') return false;
    throw err;
  }
}

let exempt: BlockList | undefined;

function isExempt(sourceIp: string): boolean {
  if (!exempt) {
    exempt = new BlockList();
    for (const entry of config().limitExempt) {
      const [address = '', bits] = entry.split('/');
      const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      if (bits === undefined) exempt.addAddress(address, type);
      else exempt.addSubnet(address, Number(bits), type);
    }
  }
  const address = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(sourceIp)?.[1] ?? sourceIp;
  const version = isIP(address);
  return version !== 0 && exempt.check(address, version === 6 ? 'ipv6' : 'ipv4');
}
