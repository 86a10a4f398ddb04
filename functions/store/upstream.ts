import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { upstreamKey, upstreamPK } from './keys/upstream.js';
import { queryAllPages } from './paginate.js';

/** A report forwarded upstream: the id it has there and the status last seen there. */
export interface UpstreamRecord {
  itemId: string;
  serviceCode: string;
  upstreamId: string;
  status: 'open' | 'closed';
  syncedAt: string;
}

export async function findUpstream(serviceCode: string, itemId: string): Promise<UpstreamRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: upstreamKey(serviceCode, itemId), ConsistentRead: true }));
  return Item as UpstreamRecord | undefined;
}

/** Records a forward once: a second record for the same item (a retried stream batch) is refused and ignored. */
export async function putUpstream(record: UpstreamRecord): Promise<void> {
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...upstreamKey(record.serviceCode, record.itemId), entity: 'upstream', ...record },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  } catch (err) {
    if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
  }
}

export async function markUpstreamStatus(serviceCode: string, itemId: string, status: 'open' | 'closed', at: string): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: upstreamKey(serviceCode, itemId),
      UpdateExpression: 'SET #s = :s, syncedAt = :at',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': status, ':at': at },
    }),
  );
}

/** Every report of a service forwarded upstream (a council forwards a service's reports: thousands, read in pages). */
export async function listUpstream(serviceCode: string): Promise<UpstreamRecord[]> {
  const out: UpstreamRecord[] = [];
  for await (const page of queryAllPages({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': upstreamPK(serviceCode) },
  })) {
    out.push(...((page.Items ?? []) as UpstreamRecord[]));
  }
  return out;
}
