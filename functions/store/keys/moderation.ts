/**
 * Keys of photo uploads and the moderation queue. Only the store knows them.
 *
 *   UPLOAD#<uploadId>  #UPLOAD        a presigned upload: status pending → ready | failed (reason), the
 *                                     report that claimed it (itemId), expiresAt (TTL, a day)
 *   MODQ               FLAG#<itemId>  a report's open flags: count, the latest reasons, its service;
 *                                     one partition, read whole by the staff console's moderation tab
 */
export const uploadKey = (uploadId: string) => ({ PK: `UPLOAD#${uploadId}`, SK: '#UPLOAD' });

/** An unclaimed upload is forgotten after a day (as the originals bucket's lifecycle rule forgets the file). */
export const UPLOAD_TTL_SECONDS = 24 * 3600;

export const MODERATION_QUEUE_PK = 'MODQ';
export const flagKey = (itemId: string) => ({ PK: MODERATION_QUEUE_PK, SK: `FLAG#${itemId}` });

/** How many reasons an open flag record keeps (the count goes on): a record stays small whatever the traffic. */
export const FLAG_REASONS_KEPT = 20;
