import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';

/** A key no record has: reading it costs half a read unit and proves the table answers. */
const PROBE_KEY = { PK: 'HEALTH#probe', SK: '#HEALTH' };

/**
 * Whether the table answers one GetItem within `timeoutMs`. A health check must answer faster than
 * the requests it vouches for, so it does not wait out the SDK's retries.
 */
export async function storeAnswers(timeoutMs: number): Promise<boolean> {
  try {
    await db().send(new GetCommand({ TableName: tableName(), Key: PROBE_KEY }), { abortSignal: AbortSignal.timeout(timeoutMs) });
    return true;
  } catch {
    return false;
  }
}
