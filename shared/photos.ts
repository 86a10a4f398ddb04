/**
 * Photos on reports (SPEC §11, docs/photos.md). Pure: what may be uploaded, how a stored photo is named
 * and what the public is shown. Uploading (presigned POST), processing (sharp) and storage live in
 * functions/photos and the store.
 */

/** What a phone or a camera produces and a browser can send; anything else is refused before upload. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

export const PHOTO_LIMITS = {
  /** Largest original accepted, enforced by the upload policy itself (content-length-range). */
  bytes: 10 * 1024 * 1024,
  perReport: 3,
  /** Longest side of the display size and of the thumbnail. */
  displayPx: 1600,
  thumbPx: 320,
  /** Decoded pixels refused before decoding: a 10 MB PNG can claim 30000 x 30000 (a decompression bomb). */
  maxInputPixels: 50_000_000,
  /** How long a presigned POST may be used. */
  uploadSeconds: 300,
  alt: 300,
} as const;

/** Where an upload is in its life: waiting for the file, processed, or refused with a reason the citizen reads. */
export type UploadStatus = 'pending' | 'ready' | 'failed';

/** A photo as stored on its report. `id` is its upload id; its files are named after it and never change. */
export interface ItemPhoto {
  id: string;
  alt?: string;
  /** Staff hid it (a redaction of `photo:<id>`): the public no longer sees it. */
  hidden?: boolean;
}

export interface PublicPhoto {
  id: string;
  url: string;
  thumbUrl: string;
  alt?: string;
}

/** The processed files' keys (in the processed bucket, served under `/photos/` by CloudFront and the local server). */
export const photoKeys = (id: string) => ({ display: `photos/${id}/display.jpg`, thumb: `photos/${id}/thumb.jpg` });

/**
 * Where a withheld photo's files go (its report hidden, or the photo itself): a prefix of the same
 * bucket that no CloudFront behaviour or bucket policy serves. Moving back restores the same URLs.
 */
export const withheldKeys = (id: string) => ({ display: `withheld/${id}/display.jpg`, thumb: `withheld/${id}/thumb.jpg` });

/** Should a photo's files be reachable at their public URLs: only while neither it nor its report is hidden. */
export const photoServed = (item: { hidden?: boolean }, photo: ItemPhoto): boolean => !item.hidden && !photo.hidden;

/** The private key of an upload's original: never served. */
export const originalKey = (uploadId: string) => `originals/${uploadId}`;

/**
 * The public view of a report's photos: those not hidden, with root-relative immutable URLs.
 * @example publicPhotos([{ id: 'A' }, { id: 'B', hidden: true }])[0]?.thumbUrl // '/photos/A/thumb.jpg'
 */
export function publicPhotos(photos: readonly ItemPhoto[] | undefined): PublicPhoto[] | undefined {
  const shown = (photos ?? []).filter((p) => !p.hidden);
  if (!shown.length) return undefined;
  return shown.map((p) => {
    const keys = photoKeys(p.id);
    return { id: p.id, url: `/${keys.display}`, thumbUrl: `/${keys.thumb}`, ...(p.alt ? { alt: p.alt } : {}) };
  });
}
