import { BatchGetCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { UploadStatus } from '../../shared/photos.js';
import { db, tableName } from './client.js';
import { UPLOAD_TTL_SECONDS, uploadKey } from './keys/moderation.js';

/** A presigned upload as stored: what was promised, and what processing made of it. */
export interface Upload {
  uploadId: string;
  contentType: string;
  size: number;
  status: UploadStatus;
  /** Why processing refused the file, in words the citizen reads. */
  reason?: string;
  /** The report that attached it: an upload is attached once. */
  itemId?: string;
  createdAt: string;
}

const fromRecord = (r: Record<string, unknown>): Upload => {
  const { PK: _pk, SK: _sk, entity: _e, expiresAt: _x, ...rest } = r;
  return rest as unknown as Upload;
};

/** Records a new upload, pending its file. */
export async function createUpload(upload: Pick<Upload, 'uploadId' | 'contentType' | 'size' | 'createdAt'>): Promise<void> {
  const expiresAt = Math.floor(Date.parse(upload.createdAt) / 1000) + UPLOAD_TTL_SECONDS;
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...uploadKey(upload.uploadId), entity: 'upload', ...upload, status: 'pending', expiresAt },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

export async function findUpload(uploadId: string): Promise<Upload | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: uploadKey(uploadId), ConsistentRead: true }));
  return Item ? fromRecord(Item) : undefined;
}

/** Several uploads at once (a report's photos: 3 at most). */
export async function findUploads(uploadIds: readonly string[]): Promise<Map<string, Upload>> {
  if (!uploadIds.length) return new Map();
  const { Responses } = await db().send(
    new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: uploadIds.map(uploadKey), ConsistentRead: true } } }),
  );
  const found = (Responses?.[tableName()] ?? []).map(fromRecord);
  return new Map(found.map((u) => [u.uploadId, u]));
}

/**
 * Processing's verdict on an upload that is still pending: `ready`, or `failed` with the reason. Returns
 * false when there is no such pending upload (an unknown key, or an event delivered twice).
 */
export async function settleUpload(
  uploadId: string,
  outcome: { status: 'ready' } | { status: 'failed'; reason: string },
): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: uploadKey(uploadId),
        UpdateExpression: outcome.status === 'failed' ? 'SET #s = :s, reason = :r' : 'SET #s = :s',
        ConditionExpression: 'attribute_exists(PK) AND #s = :pending',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':s': outcome.status,
          ':pending': 'pending',
          ...(outcome.status === 'failed' ? { ':r': outcome.reason } : {}),
        },
      }),
    );
    return true;
  } catch (err) {
    if ((err as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw err;
  }
}

/** The write that claims a ready upload for a report, inside the report's create transaction (commit.ts). */
export function claimUploadUpdate(uploadId: string, itemId: string) {
  return {
    TableName: tableName(),
    Key: uploadKey(uploadId),
    UpdateExpression: 'SET itemId = :item',
    ConditionExpression: 'attribute_exists(PK) AND #s = :ready AND attribute_not_exists(itemId)',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':item': itemId, ':ready': 'ready' },
  };
}
