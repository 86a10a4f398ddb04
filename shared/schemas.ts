import * as z from 'zod';
import { PHASES } from './catalog/index.js';
import { freeText } from './fields.js';
import { MAP_PRECISIONS, type MapPrecision, TILE_DROP } from './map-cells.js';
import { reportPhotosSchema } from './photo-schemas.js';
import { PRIORITIES } from './queue.js';

/** Limits every write route enforces; the site uses the same numbers for its form hints. */
export const LIMITS = {
  bodyBytes: 64 * 1024,
  description: 5000,
  title: 200,
  address: 300,
  note: 5000,
  name: 100,
  phone: 40,
  pageSize: 100,
  maxPageSize: 1000,
} as const;

/** One line of free text (a title, a name, an address): cleaned and checked by freeText. */
const line = (max: number) => freeText({ max });
/** Free text that may span lines (a description, a note, a comment). */
const paragraphs = (max: number) => freeText({ max, shape: 'multiline' });

export const locationSchema = z
  .object({
    lat: z.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90'),
    lng: z.number().min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180'),
  })
  .strict();
export type Location = z.infer<typeof locationSchema>;

export const prioritySchema = z.enum(PRIORITIES);

export const reporterSchema = z
  .object({
    name: line(LIMITS.name).optional(),
    email: z.email('must be an email address like name@example.org').max(254).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{5,40}$/, 'must be a phone number of digits, spaces, +, ( ) and -')
      .optional(),
  })
  .strict();
export type Reporter = z.infer<typeof reporterSchema>;

export const createReportSchema = z
  .object({
    serviceCode: z.string().min(1, 'choose a service'),
    description: paragraphs(LIMITS.description),
    title: line(LIMITS.title).optional(),
    location: locationSchema.optional(),
    address: line(LIMITS.address).optional(),
    reporter: reporterSchema.optional(),
    subscribe: z.boolean().optional(),
    photos: reportPhotosSchema.optional(),
  })
  .strict();
export type CreateReportInput = z.infer<typeof createReportSchema>;

export const transitionSchema = z
  .object({
    to: z.string().min(1, 'name the state to move to'),
    note: paragraphs(LIMITS.note).optional(),
    resolution: z.string().min(1).optional(),
    duplicateOf: z.string().min(1).max(64).optional(),
  })
  .strict();
export type TransitionInput = z.infer<typeof transitionSchema>;

export const VISIBILITIES = ['public', 'internal'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const commentSchema = z
  .object({
    body: paragraphs(LIMITS.note),
    visibility: z.enum(VISIBILITIES, 'must be "public" or "internal"'),
  })
  .strict();
export type CommentInput = z.infer<typeof commentSchema>;

export const patchReportSchema = z
  .object({
    priority: prioritySchema.optional(),
    /** A staff username, or null to unassign. */
    assignee: z.string().min(1).max(128).nullable().optional(),
    serviceCode: z.string().min(1).optional(),
    title: line(LIMITS.title).optional(),
    location: locationSchema.optional(),
    /** Hide the report from the public, or show it again (shared/moderation.ts). */
    hidden: z.boolean().optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'send at least one of priority, assignee, serviceCode, title, location, hidden');
export type PatchReportInput = z.infer<typeof patchReportSchema>;

/** A list's `limit` query parameter: how many items a page holds. */
export const limit = z.coerce
  .number({ error: `must be a whole number from 1 to ${LIMITS.maxPageSize}` })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(LIMITS.maxPageSize, `must be at most ${LIMITS.maxPageSize}`)
  .default(LIMITS.pageSize);

const isoTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 time like 2026-01-31T09:00:00Z' });

export const bboxSchema = z.string().transform((s, ctx) => {
  const parts = s.split(',').map(Number);
  const [minLng, minLat, maxLng, maxLat] = parts as [number, number, number, number];
  const valid =
    parts.length === 4 &&
    parts.every(Number.isFinite) &&
    minLng >= -180 &&
    maxLng <= 180 &&
    minLat >= -90 &&
    maxLat <= 90 &&
    minLng < maxLng &&
    minLat < maxLat;
  if (!valid) {
    ctx.addIssue({ code: 'custom', message: 'must be minLng,minLat,maxLng,maxLat with min < max, in degrees' });
    return z.NEVER;
  }
  return { minLng, minLat, maxLng, maxLat };
});
export type BBox = z.output<typeof bboxSchema>;

/** A calendar month, `yyyy-mm` (UTC). */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2026-11');

export const listReportsQuerySchema = z
  .object({
    service: z.string().min(1).optional(),
    phase: z.enum(PHASES).optional(),
    bbox: bboxSchema.optional(),
    updatedSince: isoTime.optional(),
    /** Last changed in this month (UTC): for finished reports, the month they were finished. */
    month: monthSchema.optional(),
    /** In this area (ward, district) of the jurisdiction's areas file. */
    area: z.string().min(1).max(61).optional(),
    limit,
    cursor: z.string().min(1).optional(),
  })
  .strict()
  .refine((q) => !(q.month && q.updatedSince), { path: ['month'], message: 'use month or updatedSince, not both' });

export const completedMonthsQuerySchema = z.object({ service: z.string().min(1).optional() }).strict();
export type CompletedMonthsQuery = z.output<typeof completedMonthsQuerySchema>;

/** `GET /api/map/cells`: one tile of map cells (shared/map-cells.ts): the cells of `precision` under `tile`. */
export const mapCellsQuerySchema = z
  .object({
    precision: z.coerce
      .number({ error: `must be one of ${MAP_PRECISIONS.join(', ')}` })
      .refine((p): p is MapPrecision => (MAP_PRECISIONS as readonly number[]).includes(p), `must be one of ${MAP_PRECISIONS.join(', ')}`),
    tile: z.string().regex(/^[0-9b-hjkmnp-z]{1,8}$/, 'must be a geohash (digits and lower-case letters except a, i, l, o)'),
    service: z.string().min(1).max(64).optional(),
  })
  .strict()
  .refine((q) => q.tile.length === q.precision - TILE_DROP, {
    path: ['tile'],
    message: `must be ${TILE_DROP} characters shorter than precision`,
  });
export type MapCellsQuery = z.output<typeof mapCellsQuerySchema>;
export type ListReportsQuery = z.output<typeof listReportsQuerySchema>;

export const queueQuerySchema = z.object({ limit, cursor: z.string().min(1).optional() }).strict();
export type QueueQuery = z.output<typeof queueQuerySchema>;

export const staffListQuerySchema = z
  .object({
    service: z.string().min(1).optional(),
    status: z.string().min(1).optional(),
    phase: z.enum(PHASES).optional(),
    priority: prioritySchema.optional(),
    assignee: z.string().min(1).optional(),
    /** Only reports whose promise is at risk or breached now (soonest due first). */
    sla: z.enum(['at_risk', 'breached']).optional(),
    /** `due`: soonest due first (reports with a promise only); default: most recently changed first. */
    sort: z.enum(['recent', 'due']).optional(),
    area: z.string().min(1).max(61).optional(),
    /** The team whose queue items are in (catalog routing). */
    team: z.string().min(1).max(41).optional(),
    limit,
    cursor: z.string().min(1).optional(),
  })
  .strict();
export type StaffListQuery = z.output<typeof staffListQuerySchema>;

/** An Idempotency-Key header: opaque, printable, at most 255 characters. */
export const idempotencyKeySchema = z.string().regex(/^[\x21-\x7e]{1,255}$/, 'must be 1-255 printable ASCII characters');

/** Following a report or a bill: the address the confirmation link goes to. */
export const followSchema = z.object({ email: z.email('must be an email address like name@example.org').max(254) }).strict();

/** The token of a confirm or unsubscribe link from an email. */
export const linkTokenQuerySchema = z.object({ token: z.string().min(20).max(100) }).strict();
