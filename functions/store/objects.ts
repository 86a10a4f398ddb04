import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { originalKey, PHOTO_LIMITS } from '../../shared/photos.js';
import { config, localCredentials } from '../lib/env.js';
import { traced } from '../lib/tracing.js';

/**
 * The photo buckets (docs/photos.md): uploads land, private, in the upload bucket through a presigned
 * POST; processing writes the public sizes to the photo bucket, which CloudFront serves under /photos/.
 * Locally both live in the S3 stand-in (infra/local/s3.ts), which enforces the same POST policies.
 */
let client: S3Client | undefined;

function s3(): S3Client {
  const { region, s3Endpoint } = config();
  client ??= traced(new S3Client({ region, endpoint: s3Endpoint, forcePathStyle: Boolean(s3Endpoint), ...localCredentials(s3Endpoint) }));
  return client;
}

export interface PresignedUpload {
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
}

/**
 * A presigned POST for one upload: only this key, only this Content-Type, at most `maxBytes`, for
 * PHOTO_LIMITS.uploadSeconds. S3 refuses anything else, whoever sends it.
 */
export async function presignUpload(uploadId: string, contentType: string, maxBytes: number, now = new Date()): Promise<PresignedUpload> {
  const key = originalKey(uploadId);
  const { url, fields } = await createPresignedPost(s3(), {
    Bucket: config().uploadBucket,
    Key: key,
    Conditions: [
      ['eq', '$key', key],
      ['eq', '$Content-Type', contentType],
      ['content-length-range', 1, maxBytes],
    ],
    Fields: { 'Content-Type': contentType },
    Expires: PHOTO_LIMITS.uploadSeconds,
  });
  return { url, fields, expiresAt: new Date(now.getTime() + PHOTO_LIMITS.uploadSeconds * 1000).toISOString() };
}

/** An upload's original bytes, or undefined when there is none (or it is larger than any upload may be). */
export async function readOriginal(uploadId: string): Promise<Buffer | undefined> {
  try {
    const out = await s3().send(new GetObjectCommand({ Bucket: config().uploadBucket, Key: originalKey(uploadId) }));
    if ((out.ContentLength ?? 0) > PHOTO_LIMITS.bytes) return undefined;
    return Buffer.from(await (out.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
  } catch (err) {
    if ((err as { name?: string }).name === 'NoSuchKey') return undefined;
    throw err;
  }
}

/** A processed size, public and immutable under its key (its name is the upload's id: a new photo gets a new name). */
export async function writePhoto(key: string, body: Buffer, contentType: string): Promise<void> {
  await s3().send(
    new PutObjectCommand({
      Bucket: config().photoBucket,
      Key: key,
      Body: body,
      ContentType: contentType,
      CacheControl: 'public, max-age=31536000, immutable',
    }),
  );
}
