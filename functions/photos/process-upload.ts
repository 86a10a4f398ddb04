import type { S3Event } from 'aws-lambda';
import { processUpload } from './process.js';

/** `originals/<uploadId>`: the only keys the upload policy lets anyone write. */
const ORIGINAL = /^originals\/([0-9A-HJKMNP-TV-Z]{26})$/;

/**
 * The upload bucket's ObjectCreated notification (AWS) or the S3 stand-in's (locally): process each new
 * original. A failure other than a refused photo throws, so Lambda retries the event.
 */
export async function handler(event: S3Event): Promise<void> {
  for (const record of event.Records) {
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const match = ORIGINAL.exec(key);
    if (match) await processUpload(match[1] as string);
  }
}
