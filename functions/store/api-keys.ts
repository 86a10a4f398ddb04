import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { API_KEYS_PK, apiKeyKey } from './keys/api-keys.js';
import { queryAllPages } from './paginate.js';

/** An API key as stored: the secret only as its SHA-256 (hex). */
export interface StoredApiKey {
  id: string;
  name: string;
  services: string[];
  ratePerMinute: number;
  secretHash: string;
  createdAt: string;
  createdBy: string;
  revokedAt?: string;
}

const fromRecord = (r: Record<string, unknown>): StoredApiKey => {
  const { PK: _pk, SK: _sk, entity: _e, ...rest } = r;
  return rest as unknown as StoredApiKey;
};

export async function putApiKey(key: StoredApiKey): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...apiKeyKey(key.id), entity: 'api-key', ...key },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

/** One key by id, read consistently: a revocation a moment ago already counts. */
export async function findApiKey(id: string): Promise<StoredApiKey | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: apiKeyKey(id), ConsistentRead: true }));
  return Item ? fromRecord(Item) : undefined;
}

/** Every key, oldest first (a council has a handful). */
export async function listApiKeys(): Promise<StoredApiKey[]> {
  const out: StoredApiKey[] = [];
  const pages = queryAllPages({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': API_KEYS_PK },
  });
  for await (const page of pages) {
    out.push(...(page.Items ?? []).map(fromRecord));
    if (out.length >= 1000) break;
  }
  return out;
}

/** Marks a key revoked (once: a second revocation keeps the first time). False when there is no such key. */
export async function revokeApiKey(id: string, at: string): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: apiKeyKey(id),
        UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :at)',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':at': at },
      }),
    );
    return true;
  } catch (err) {
    if ((err as Error).name === 'ConditionalCheckFailedException') return false;
    throw err;
  }
}
