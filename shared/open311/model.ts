/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): the board's services and items in the
 * specification's field names and types. Pure: the edge renders these objects as JSON or XML
 * (functions/open311/format.ts), so both formats carry exactly the same fields.
 */
import { findService, type Phase, type Service } from '../catalog/index.js';
import type { Item } from '../items.js';
import { publicText, toPublicItem } from '../public-view.js';
import { inZone, isoWithOffset } from '../sla/zoned.js';

export const GEOREPORT_SPEC = 'http://wiki.open311.org/GeoReport_v2';
export const FORMATS = ['json', 'xml'] as const;
export type Format = (typeof FORMATS)[number];

/** `services.json` entry. `keywords` is an array, as Chicago and most servers send it. */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string[];
  group: string;
}

export interface Open311Attribute {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

export interface Open311ServiceDefinition {
  service_code: string;
  attributes: Open311Attribute[];
}

/** `requests.json` entry: optional fields are absent, `lat`/`long` null without a pin and `address` '' without one (as Chicago). */
export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes?: string;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string;
  service_notice?: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime?: string;
  address: string;
  lat: number | null;
  long: number | null;
  media_url?: string;
}

export interface Open311Error {
  code: number;
  description: string;
}

/**
 * The attributes every report service takes beyond the core fields: a short title, and the caller's
 * own id for the fault, which makes a repeated report from the same key return the first request.
 */
export const SERVICE_ATTRIBUTES: readonly Open311Attribute[] = [
  {
    variable: true,
    code: 'title',
    datatype: 'string',
    required: false,
    datatype_description: 'Up to 200 characters.',
    order: 1,
    description: 'A short title for the report (the service name and address when absent).',
  },
  {
    variable: true,
    code: 'external_id',
    datatype: 'string',
    required: false,
    datatype_description: 'Up to 100 characters: letters, digits, . _ : and -.',
    order: 2,
    description: "Your system's id for this fault. Posting it again with the same API key returns the existing request.",
  },
];

/** Open while waiting or in progress; closed when done (reopening opens it again). */
export const statusOf = (phase: Phase): Open311Request['status'] => (phase === 'done' ? 'closed' : 'open');

/** Which phases an Open311 `status` filter means. */
export const phasesOf = (status: Open311Request['status']): Phase[] => (status === 'closed' ? ['done'] : ['waiting', 'in_progress']);

/**
 * A time in the jurisdiction's zone with its offset, in whole seconds, as Chicago sends them (UTC when the zone is not one
 * the platform knows; the text as given when it is not a time). Through `Intl`, not a date library:
 * every Open311 function formats times, and luxon was most of their bundles' excess.
 * @example w3cTime('2019-01-29T23:19:38Z', 'America/Chicago') // '2019-01-29T17:19:38-06:00'
 */
export function w3cTime(iso: string, timezone: string): string {
  const exact = Date.parse(iso);
  if (Number.isNaN(exact)) return iso;
  // Whole seconds, as the specification's examples and Chicago write them.
  const ms = Math.floor(exact / 1000) * 1000;
  try {
    return isoWithOffset(inZone(ms, timezone));
  } catch {
    return isoWithOffset(inZone(ms, 'UTC'));
  }
}

/** A report service as `services.json` lists it. */
export function toOpen311Service(service: Service & { keywords?: string[] }): Open311Service {
  return {
    service_code: service.code,
    service_name: service.name,
    description: service.description,
    metadata: true,
    type: 'realtime',
    keywords: service.keywords ?? [],
    group: service.group,
  };
}

export function toServiceDefinition(service: Service): Open311ServiceDefinition {
  return { service_code: service.code, attributes: SERVICE_ATTRIBUTES.map((a) => ({ ...a })) };
}

/** What the mapping needs besides the item: none of it personal. */
export interface RequestContext {
  timezone: string;
  /** The latest public note on the item (a transition's or a public comment's), if any. */
  statusNote?: string;
  /** The SLA's resolution due time, when the item has one. */
  resolutionDueAt?: string;
  /** Where the board is served (`https://board.example.gov`): photos' root-relative URLs become absolute. */
  baseUrl?: string;
}

/**
 * A report as Open311 shows it, built from the public projection (shared/public-view.ts), so it can
 * never carry a field the native public view withholds (reporter contact, staff identity, notes).
 * @example toOpen311Request(item, {timezone: 'Europe/London'}).status // 'open'
 */
export function toOpen311Request(item: Item, ctx: RequestContext): Open311Request {
  const pub = toPublicItem(item);
  const request: Open311Request = {
    service_request_id: pub.reference,
    status: statusOf(pub.phase),
    service_name: pub.serviceName,
    service_code: pub.serviceCode,
    description: pub.description,
    agency_responsible: `${findService(item.serviceCode)?.group ?? pub.serviceName} team`,
    requested_datetime: w3cTime(pub.createdAt, ctx.timezone),
    updated_datetime: w3cTime(pub.updatedAt, ctx.timezone),
    address: pub.address ?? '',
    lat: pub.location?.lat ?? null,
    long: pub.location?.lng ?? null,
  };
  if (ctx.statusNote) request.status_notes = publicText(ctx.statusNote);
  if (ctx.resolutionDueAt) request.expected_datetime = w3cTime(ctx.resolutionDueAt, ctx.timezone);
  // The report's own first photo (processed, not hidden) wins over a link the client sent with it.
  const photo = pub.photos?.[0]?.url;
  const media = photo ? `${ctx.baseUrl ?? ''}${photo}` : pub.mediaUrl;
  if (media) request.media_url = media;
  return request;
}

/**
 * The jurisdiction's Open311 id: `jurisdiction.id` when the jurisdiction names one, else its name as a
 * slug. A request naming another jurisdiction is a 404.
 * @example jurisdictionIdOf({name: 'Bristol City Council'}) // 'bristol-city-council'
 */
export function jurisdictionIdOf(jurisdiction: { name: string; id?: string }): string {
  return (
    jurisdiction.id ??
    jurisdiction.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
  );
}

export interface Discovery {
  changeset: string;
  contact: string;
  key_service: string;
  endpoints: { specification: string; url: string; changeset: string; type: 'production' | 'test'; formats: string[] }[];
}

/** When this endpoint's behaviour last changed (GeoReport v2 `changeset`). */
export const CHANGESET = '2026-12-02T00:00:00Z';

/** Service discovery for a board served at `baseUrl`. */
export function discovery(baseUrl: string): Discovery {
  return {
    changeset: CHANGESET,
    contact: `Ask the council that runs ${baseUrl} (see ${baseUrl}/).`,
    key_service: `API keys are issued by the council's administrators in the staff console (${baseUrl}/staff/).`,
    endpoints: [
      {
        specification: GEOREPORT_SPEC,
        url: `${baseUrl}/open311/v2`,
        changeset: CHANGESET,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}
