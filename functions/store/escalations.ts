import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Item } from '../../shared/items.js';
import { db, tableName } from './client.js';
import { itemKey } from './keys/items.js';
import { ESCALATION_PK, slaIndexAttributes } from './keys/sla.js';

/**
 * Ids of reports whose next escalation time is at or before `now`, soonest first: one Query of the
 * sparse escalation index (never a scan), at most `limit`. The index may point early (a first response
 * by comment does not move it); the job decides on the item itself and refreshes the entry.
 */
export async function listEscalationDue(now: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'escalation',
        KeyConditionExpression: 'escalationPK = :pk AND escalationSK <= :now',
        ExpressionAttributeValues: { ':pk': ESCALATION_PK, ':now': `${now}#\uffff` },
        ProjectionExpression: 'PK',
        Limit: limit - ids.length,
        ExclusiveStartKey,
      }),
    );
    for (const row of page.Items ?? []) ids.push(String(row.PK).slice('ITEM#'.length));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey && ids.length < limit);
  return ids;
}

/**
 * Re-derives an item's SLA index entries from the item as read (only if it is still at that version):
 * an item whose entry pointed early drops out of the job's reads until its real next escalation.
 * Returns false when the item moved on meanwhile (its own write refreshed the entries).
 */
export async function refreshSlaIndex(item: Item): Promise<boolean> {
  const attrs = slaIndexAttributes(item);
  const names = ['duePK', 'dueSK', 'dueAtRiskAt', 'escalationPK', 'escalationSK'];
  const set = names.filter((n) => attrs[n] !== undefined);
  const remove = names.filter((n) => attrs[n] === undefined);
  const expression = [
    set.length ? `SET ${set.map((n) => `${n} = :${n}`).join(', ')}` : '',
    remove.length ? `REMOVE ${remove.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: itemKey(item.id),
        UpdateExpression: expression,
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': item.version, ...Object.fromEntries(set.map((n) => [`:${n}`, attrs[n]])) },
      }),
    );
    return true;
  } catch (err) {
    if (err instanceof Error && err.name === 'ConditionalCheckFailedException') return false;
    throw err;
  }
}
