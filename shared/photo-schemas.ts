import * as z from 'zod';
import { freeText } from './fields.js';
import { PHOTO_LIMITS, PHOTO_TYPES } from './photos.js';

/** Request schemas of the photo routes (kept apart from shared/photos.ts so the site's form bundles no zod). */

export const uploadRequestSchema = z
  .object({
    contentType: z.enum(PHOTO_TYPES, `must be one of ${PHOTO_TYPES.join(', ')}`),
    size: z
      .int('must be the file size in bytes')
      .min(1, 'must be at least 1 byte')
      .max(PHOTO_LIMITS.bytes, `a photo may be at most ${PHOTO_LIMITS.bytes / 1024 / 1024} MB`),
  })
  .strict();
export type UploadRequest = z.infer<typeof uploadRequestSchema>;

/** Upload ids are ULIDs: 26 Crockford base-32 characters. */
export const uploadIdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be an upload id from POST /api/reports/uploads');

/** A report's `photos`: upload ids, or `{uploadId, alt}` with the citizen's description of the photo. */
export const reportPhotoSchema = z.union([
  uploadIdSchema,
  z.object({ uploadId: uploadIdSchema, alt: freeText({ max: PHOTO_LIMITS.alt }).optional() }).strict(),
]);
export const reportPhotosSchema = z
  .array(reportPhotoSchema)
  .max(PHOTO_LIMITS.perReport, `a report may have at most ${PHOTO_LIMITS.perReport} photos`)
  .refine(
    (list) => new Set(list.map((p) => (typeof p === 'string' ? p : p.uploadId))).size === list.length,
    'the same photo is listed twice',
  );
export type ReportPhotoInput = z.infer<typeof reportPhotoSchema>;
