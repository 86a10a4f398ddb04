/**
 * Open311 inputs: the form fields of `POST requests` and the query of `GET requests`, parsed into the
 * board's own create-report input, so a report filed through Open311 is cleaned and checked exactly
 * like one filed on the site. Pure.
 */
import * as z from 'zod';
import { ValidationError } from '../errors.js';
import { freeText, httpUrl } from '../fields.js';
import { type CreateReportInput, LIMITS } from '../schemas.js';

/** Form fields GeoReport v2 defines for `POST requests`; anything else is a 400 naming it. */
const FIELDS = new Set([
  'api_key',
  'jurisdiction_id',
  'service_code',
  'lat',
  'long',
  'address_string',
  'address_id',
  'email',
  'device_id',
  'account_id',
  'first_name',
  'last_name',
  'phone',
  'description',
  'media_url',
]);
const ATTRIBUTES = new Set(['title', 'external_id']);

const coordinate = (max: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d{1,3}(\.\d+)?$/, 'must be a decimal number of degrees like 41.8781')
    .transform(Number)
    .pipe(z.number().min(-max, `must be between -${max} and ${max}`).max(max, `must be between -${max} and ${max}`));

export const open311PostSchema = z
  .object({
    api_key: z.string().min(1, 'an API key is required').max(200),
    jurisdiction_id: z.string().max(200).optional(),
    service_code: z.string().min(1, 'name a service: see services.json').max(100),
    lat: coordinate(90).optional(),
    long: coordinate(180).optional(),
    address_string: freeText({ max: LIMITS.address }).optional(),
    address_id: z.string().max(200).optional(),
    email: z.email('must be an email address like name@example.org').max(254).optional(),
    device_id: z.string().max(200).optional(),
    account_id: z.string().max(200).optional(),
    first_name: freeText({ max: 50 }).optional(),
    last_name: freeText({ max: 50 }).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{5,40}$/, 'must be a phone number of digits, spaces, +, ( ) and -')
      .optional(),
    description: freeText({ max: 4000, shape: 'multiline' }).optional(),
    media_url: httpUrl(2000).optional(),
    attribute: z
      .object({
        title: freeText({ max: LIMITS.title }).optional(),
        external_id: z
          .string()
          .regex(/^[A-Za-z0-9._:-]{1,100}$/, 'must be 1-100 letters, digits, . _ : or -')
          .optional(),
      })
      .strict()
      .default({}),
  })
  .superRefine((v, ctx) => {
    if ((v.lat === undefined) !== (v.long === undefined))
      ctx.addIssue({ code: 'custom', path: [v.lat === undefined ? 'lat' : 'long'], message: 'send lat and long together' });
    if (v.lat === undefined && !v.address_string && !v.address_id)
      ctx.addIssue({ code: 'custom', path: ['lat'], message: 'send lat and long, or address_string, to say where' });
  });
export type Open311Post = z.output<typeof open311PostSchema>;

/**
 * Form fields → an object for open311PostSchema: `attribute[code]=value` becomes `attribute.code`;
 * repeated or unknown fields are refused by name (a typo must not silently drop a field).
 * @example formFields('service_code=pothole&attribute%5Btitle%5D=Hole') // {service_code:'pothole', attribute:{title:'Hole'}}
 */
export function formFields(body: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const attribute: Record<string, string> = {};
  const errors: { path: string; message: string }[] = [];
  for (const [name, value] of new URLSearchParams(body)) {
    const attr = /^attribute\[([^\]]*)\]$/.exec(name);
    const seen = attr ? attr[1]! in attribute : name in out;
    if (attr && !ATTRIBUTES.has(attr[1]!))
      errors.push({ path: name, message: 'is not an attribute of this service: see services/{code}.json' });
    else if (!attr && !FIELDS.has(name)) errors.push({ path: name, message: 'is not a GeoReport v2 field' });
    else if (seen) errors.push({ path: name, message: 'is sent more than once' });
    else if (attr) attribute[attr[1]!] = value;
    else out[name] = value;
    if (errors.length >= 10) break;
  }
  if (errors.length) throw new ValidationError(errors);
  return Object.keys(attribute).length ? { ...out, attribute } : out;
}

/** The board's create-report input for a parsed Open311 post (contact kept private, as on the site). */
export function toCreateReportInput(post: Open311Post, serviceName: string): CreateReportInput {
  const name = [post.first_name, post.last_name].filter(Boolean).join(' ') || undefined;
  const reporter = post.email || post.phone || name ? { name, email: post.email, phone: post.phone } : undefined;
  return {
    serviceCode: post.service_code,
    description: post.description ?? `${serviceName} reported through Open311.`,
    title: post.attribute.title,
    location: post.lat !== undefined && post.long !== undefined ? { lat: post.lat, lng: post.long } : undefined,
    address: post.address_string,
    reporter:
      reporter && (Object.fromEntries(Object.entries(reporter).filter(([, v]) => v !== undefined)) as CreateReportInput['reporter']),
  };
}

const w3cDate = z
  .string()
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s)), {
    message: 'must be a W3C date time like 2026-01-31T09:00:00-06:00',
  })
  .transform((s) => new Date(s).toISOString());

/** `GET requests` query parameters. Dates are W3C times; the window may span at most 90 days. */
export const open311ListQuerySchema = z
  .object({
    jurisdiction_id: z.string().max(200).optional(),
    /** Some clients send their key on every call; a read needs none. */
    api_key: z.string().max(200).optional(),
    service_request_id: z
      .string()
      .max(2000)
      .transform((s) =>
        s
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().min(1).max(64)).min(1, 'name at least one request').max(100, 'name at most 100 requests'))
      .optional(),
    service_code: z
      .string()
      .max(1000)
      .transform((s) =>
        s
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().min(1).max(100)).min(1).max(20, 'name at most 20 services'))
      .optional(),
    start_date: w3cDate.optional(),
    end_date: w3cDate.optional(),
    status: z
      .string()
      .transform((s) => [...new Set(s.split(',').map((x) => x.trim()))])
      .pipe(z.array(z.enum(['open', 'closed'], 'must be open, closed or open,closed')))
      .optional(),
  })
  .strict();
export type Open311ListQuery = z.output<typeof open311ListQuerySchema>;

/** Days the default window covers and the widest window a query may ask for (GeoReport v2's advice). */
export const WINDOW_DAYS = 90;
/** Most requests one `GET requests` answers (GeoReport v2's advice). */
export const MAX_REQUESTS = 1000;

/**
 * The time window a list covers: the last 90 days by default; from start_date (or 90 days before
 * end_date) to end_date (or 90 days after start_date, or now). Wider than 90 days is a 400.
 */
export function requestWindow(q: Pick<Open311ListQuery, 'start_date' | 'end_date'>, now: Date): { from: string; to: string } {
  const span = WINDOW_DAYS * 86_400_000;
  const end = q.end_date ? Date.parse(q.end_date) : q.start_date ? Math.min(Date.parse(q.start_date) + span, now.getTime()) : now.getTime();
  const start = q.start_date ? Date.parse(q.start_date) : end - span;
  if (start > end) throw new ValidationError([{ path: 'start_date', message: 'must be before end_date' }]);
  if (end - start > span) throw new ValidationError([{ path: 'end_date', message: `the window may span at most ${WINDOW_DAYS} days` }]);
  return { from: new Date(start).toISOString(), to: new Date(end).toISOString() };
}
