import { photoKeys } from '../../shared/photos.js';
import { logger } from '../lib/logger.js';
import { readOriginal, writePhoto } from '../store/objects.js';
import { findUpload, settleUpload } from '../store/uploads.js';
import { PhotoRefusedError, processPhoto } from './image.js';

/**
 * What happens when an original lands in the upload bucket: decode, make the public sizes, record the
 * verdict on the upload (`ready`, or `failed` with a reason the citizen's form shows). Idempotent: an
 * upload already settled is left alone, so a redelivered event does nothing.
 */
export async function processUpload(uploadId: string): Promise<'ready' | 'failed' | 'skipped'> {
  const upload = await findUpload(uploadId);
  if (upload?.status !== 'pending') return 'skipped';
  const original = await readOriginal(uploadId);
  if (!original) {
    await settleUpload(uploadId, { status: 'failed', reason: 'The photo did not arrive. Try adding it again.' });
    return 'failed';
  }
  try {
    const photo = await processPhoto(original);
    const keys = photoKeys(uploadId);
    await Promise.all([writePhoto(keys.display, photo.display, 'image/jpeg'), writePhoto(keys.thumb, photo.thumb, 'image/jpeg')]);
    await settleUpload(uploadId, { status: 'ready' });
    return 'ready';
  } catch (err) {
    if (!(err instanceof PhotoRefusedError)) throw err;
    logger.info('photo refused', { uploadId, reason: err.message });
    await settleUpload(uploadId, { status: 'failed', reason: err.message });
    return 'failed';
  }
}
