import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { SenderStatus } from './alert-queue.js';
import { db, tableName } from './client.js';
import { senderStatusKey } from './keys/alert-queue.js';

/**
 * The probe reads the alert sender's status record (functions/notify/alert-sender.ts): one read that
 * proves the table answers and, when the sender has run, says how many alert emails wait (the backlog).
 */
export interface StoreProbe {
  ok: boolean;
  alerts?: SenderStatus;
}

/**
 * Whether the table answers one GetItem within `timeoutMs`. A health check must answer faster than
 * the requests it vouches for, so it does not wait out the SDK's retries.
 */
export async function probeStore(timeoutMs: number): Promise<StoreProbe> {
  try {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: senderStatusKey }), {
      abortSignal: AbortSignal.timeout(timeoutMs),
    });
    return Item ? { ok: true, alerts: { queued: Number(Item.queued), sent: Number(Item.sent), at: String(Item.at) } } : { ok: true };
  } catch {
    return { ok: false };
  }
}
