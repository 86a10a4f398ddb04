import * as z from 'zod';

const slug = z.string().regex(/^[a-z][a-z0-9_-]{1,40}$/, 'use lower-case letters, digits, - and _');
const lat = z.number().min(-90).max(90);
const lng = z.number().min(-180).max(180);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM (24-hour)');

/** A timezone the runtime knows (IANA name such as `America/New_York`). */
const timezone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'not an IANA timezone name (e.g. "Europe/London")');

const locale = z.string().refine((tag) => {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}, 'not a BCP 47 locale (e.g. "en-GB")');

/** SPEC §7 `jurisdiction.json`: everything that differs from one council to the next, but its services. */
export const jurisdictionSchema = z
  .object({
    id: slug,
    name: z.string().min(1),
    timezone,
    locale,
    bounds: z
      .object({ minLat: lat, minLng: lng, maxLat: lat, maxLng: lng })
      .strict()
      .refine((b) => b.minLat < b.maxLat && b.minLng < b.maxLng, 'min must be below max'),
    map: z
      .object({
        center: z.tuple([lat, lng]),
        zoom: z.number().int().min(1).max(20),
        tileUrl: z.string().min(1),
        attribution: z.string(),
      })
      .strict(),
    mail: z
      .object({ from: z.string().regex(/^([^<>]*<)?[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+>?$/, 'an email address, optionally "Name <address>"') })
      .strict(),
    workingHours: z
      .object({ days: z.array(z.number().int().min(1).max(7)).min(1), start: hhmm, end: hhmm })
      .strict()
      .refine((w) => w.start < w.end, 'start must be before end')
      .optional(),
    holidays: z.array(z.iso.date()).optional(),
    areas: z
      .object({ file: z.string().min(1), idProperty: z.string().min(1), nameProperty: z.string().min(1), label: z.string().min(1) })
      .strict()
      .optional(),
    /**
     * The languages the board speaks (ISO 639 codes, each with catalogs in shared/i18n/messages), the
     * first being the default: its pages are at the site's root, the others under `/<code>/`.
     * Absent: the locale's language alone.
     */
    languages: z
      .array(z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639 language code in lower case, e.g. "cy"'))
      .min(1)
      .refine((langs) => new Set(langs).size === langs.length, 'each language once')
      .optional(),
    /** Legislators' offices: each becomes a Cognito group `office-<id>` that shares a bill watchlist. */
    offices: z
      .array(z.object({ id: slug, name: z.string().min(1) }).strict())
      .default([])
      .refine((offices) => new Set(offices.map((o) => o.id)).size === offices.length, 'office ids must be unique'),
  })
  .strict()
  .superRefine((j, ctx) => {
    const [cLat, cLng] = j.map.center;
    const b = j.bounds;
    if (cLat < b.minLat || cLat > b.maxLat || cLng < b.minLng || cLng > b.maxLng) {
      ctx.addIssue({ code: 'custom', path: ['map', 'center'], message: 'the map centre must lie inside bounds' });
    }
  });

export type Jurisdiction = z.infer<typeof jurisdictionSchema>;
export type Bounds = Jurisdiction['bounds'];

const position = z.tuple([z.number(), z.number()]).rest(z.number());
const ring = z.array(position).min(4, 'a ring needs at least 4 positions (closed)');
const polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }).loose();
const multiPolygon = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }).loose();

/** The areas file: a GeoJSON FeatureCollection of Polygons and MultiPolygons (wards, districts). */
export const areasFileSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z
      .array(
        z
          .object({
            type: z.literal('Feature'),
            properties: z.record(z.string(), z.unknown()).nullable(),
            geometry: z.discriminatedUnion('type', [polygon, multiPolygon], { error: 'geometry must be a Polygon or MultiPolygon' }),
          })
          .loose(),
      )
      .min(1),
  })
  .loose();

export type AreasFile = z.infer<typeof areasFileSchema>;
export type AreaGeometry = AreasFile['features'][number]['geometry'];
