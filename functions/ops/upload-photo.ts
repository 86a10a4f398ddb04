import { ulid } from 'ulid';
import { NotFoundError, ValidationError } from '../../shared/errors.js';
import type { UploadRequest } from '../../shared/photo-schemas.js';
import { type ItemPhoto, photoKeys, type UploadStatus } from '../../shared/photos.js';
import { type PresignedUpload, presignUpload } from '../store/objects.js';
import { createUpload, findUpload, findUploads } from '../store/uploads.js';
import { limitClient } from './limits.js';

/** What the citizen's form is given to upload one photo straight to the bucket. */
export interface UploadGrant extends PresignedUpload {
  uploadId: string;
}

/**
 * A citizen asks to upload a photo: counted against the client's upload limit (429 over it), recorded
 * as pending, and granted a presigned POST for one key, the declared type and at most the declared size.
 */
export async function requestUpload(input: UploadRequest, sourceIp: string): Promise<UploadGrant> {
  await limitClient('upload', sourceIp);
  const uploadId = ulid();
  const now = new Date();
  await createUpload({ uploadId, contentType: input.contentType, size: input.size, createdAt: now.toISOString() });
  return { uploadId, ...(await presignUpload(uploadId, input.contentType, input.size, now)) };
}

export interface UploadState {
  uploadId: string;
  status: UploadStatus;
  reason?: string;
  thumbUrl?: string;
}

/** Where an upload is: the form polls this after sending the file, and shows a refusal's reason. */
export async function uploadState(uploadId: string): Promise<UploadState> {
  const upload = await findUpload(uploadId);
  if (!upload) throw new NotFoundError(`There is no upload ${uploadId}: it may have expired (uploads are kept a day).`);
  const state: UploadState = { uploadId, status: upload.status };
  if (upload.reason) state.reason = upload.reason;
  // A thumbnail to preview, until a report claims it: then it is that report's to show (or hide).
  if (upload.status === 'ready' && !upload.itemId) state.thumbUrl = `/${photoKeys(uploadId).thumb}`;
  return state;
}

/**
 * Checks a new report's photos can be attached: each a processed upload no report has taken. A 400 names
 * the photo and says what to do; the create's transaction claims them (a race lost there is the same 400).
 */
export async function checkPhotos(photos: readonly ItemPhoto[] | undefined): Promise<string[]> {
  const ids = (photos ?? []).map((p) => p.id);
  if (!ids.length) return [];
  const found = await findUploads(ids);
  const errors = ids.flatMap((id, i) => {
    const upload = found.get(id);
    const path = `photos.${i}`;
    if (!upload || upload.itemId)
      return [{ path, message: 'this upload does not exist, has expired or is on another report: add the photo again' }];
    if (upload.status === 'failed') return [{ path, message: upload.reason ?? 'this photo could not be processed' }];
    if (upload.status === 'pending')
      return [{ path, message: 'this photo has not finished uploading: wait for it, or send the report without it' }];
    return [];
  });
  if (errors.length) throw new ValidationError(errors);
  return ids;
}

/** A race for an upload was lost in the create's transaction: the same 400 as checkPhotos gives. */
export const photoTaken = () =>
  new ValidationError([{ path: 'photos', message: 'a photo was taken by another report meanwhile: add it again' }]);
