import * as z from 'zod';
import { PHASES } from '../catalog/index.js';

/** How many entries a feed carries: the newest changes, as feed readers poll often. */
export const FEED_SIZE = 50;

/** An area id as the areas file names it (a ward code, a district number). */
const areaId = z.string().regex(/^[\w.:-]{1,100}$/, 'must be an area id from the areas file, like E05001979');

/** `GET /api/feeds/reports.atom`: the same filters as the report list, minus paging. */
export const reportsFeedQuerySchema = z
  .object({
    service: z.string().min(1).max(100).optional(),
    area: areaId.optional(),
    phase: z.enum(PHASES).optional(),
  })
  .strict();
export type ReportsFeedQuery = z.output<typeof reportsFeedQuerySchema>;

/** `GET /api/feeds/bills.atom`: bills by phase or session. */
export const billsFeedQuerySchema = z
  .object({
    phase: z.enum(PHASES).optional(),
    session: z
      .string()
      .regex(/^[\w.-]{1,40}$/, 'must be a session name like 2025-2026')
      .optional(),
  })
  .strict();
export type BillsFeedQuery = z.output<typeof billsFeedQuerySchema>;

/** The votes calendar of the whole board, or of one legislative session. */
export const votesCalendarQuerySchema = billsFeedQuerySchema.pick({ session: true });
export type VotesCalendarQuery = z.output<typeof votesCalendarQuerySchema>;
