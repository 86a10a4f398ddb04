import * as z from 'zod';
import { locationSchema } from '../schemas.js';
import { MAX_RADIUS_METERS, MIN_RADIUS_METERS } from './geo.js';

/** How many alerts one address may hold: enough for home, work and a few services, not a harvest. */
export const MAX_ALERTS_PER_ADDRESS = 10;

/** What an alert follows (SPEC §12): a service, an area (ward) or a circle around a point. */
export const alertTargetSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('service'), serviceCode: z.string().min(1).max(100) }).strict(),
  z
    .object({
      type: z.literal('area'),
      areaId: z.string().regex(/^[\w.:-]{1,100}$/, 'must be an area id from the areas file, like E05001979'),
    })
    .strict(),
  z
    .object({
      type: z.literal('circle'),
      center: locationSchema,
      radiusMeters: z
        .number({ error: `must be a distance in metres from ${MIN_RADIUS_METERS} to ${MAX_RADIUS_METERS}` })
        .int('must be a whole number of metres')
        .min(MIN_RADIUS_METERS, `must be at least ${MIN_RADIUS_METERS} m`)
        .max(MAX_RADIUS_METERS, `must be at most ${MAX_RADIUS_METERS} m (5 km)`),
    })
    .strict(),
]);
export type AlertTarget = z.output<typeof alertTargetSchema>;

export const FREQUENCIES = ['instant', 'daily'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** `POST /api/alerts`: follow a service, an area or a circle, emailed at once or in a daily digest. */
export const createAlertSchema = z
  .object({
    email: z.email('must be an email address like name@example.org').max(254),
    target: alertTargetSchema,
    frequency: z.enum(FREQUENCIES).default('instant'),
  })
  .strict();
export type CreateAlertInput = z.output<typeof createAlertSchema>;

/** An alert as stored. */
export interface Alert {
  id: string;
  email: string;
  target: AlertTarget;
  frequency: Frequency;
  status: 'pending' | 'confirmed';
  createdAt: string;
  confirmedAt?: string;
  /** The language it was asked for in: its emails use it (absent on older alerts: the default language). */
  language?: string;
}
