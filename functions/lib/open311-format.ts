import { XMLBuilder } from 'fast-xml-parser';
import type { Format, Open311Error } from '../../shared/open311/model.js';
import type { HttpResult } from './http.js';

/**
 * Renders Open311 resources. The same objects become JSON or XML with GeoReport v2's element names:
 * a list is a root element holding one element per entry (`<service_requests><request>…`), an array
 * field holds one child per value (`<attributes><attribute>…`, `<values><value>…`, `<formats><format>`),
 * except `keywords`, which GeoReport v2's XML writes as one comma-separated element.
 */
const CONTENT_TYPE: Record<Format, string> = { json: 'application/json; charset=utf-8', xml: 'text/xml; charset=utf-8' };

/** Element name of each array field's entries. */
const ENTRY: Record<string, string> = { attributes: 'attribute', values: 'value', endpoints: 'endpoint', formats: 'format' };

const builder = new XMLBuilder({ format: false, suppressEmptyNode: false, processEntities: true });

function toXmlValue(key: string, value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (key === 'keywords' && Array.isArray(value)) return value.join(', ');
  if (Array.isArray(value)) {
    const entry = ENTRY[key] ?? 'item';
    return { [entry]: value.map((v) => toXmlValue(entry, v)) };
  }
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toXmlValue(k, v)]));
  }
  return String(value);
}

/** `root` and `entry` name the XML wrapper of a list (`service_requests`/`request`); an object has only a root. */
export function renderXml(body: unknown, root: string, entry?: string): string {
  const content = Array.isArray(body) && entry ? { [entry]: body.map((b) => toXmlValue(entry, b)) } : toXmlValue(root, body);
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build({ [root]: content })}`;
}

export interface Shape {
  root: string;
  entry?: string;
}

/** A response in the asked format. Public reads pass a cache policy; everything else is not cached. */
export function open311Response(
  status: number,
  format: Format,
  body: unknown,
  shape: Shape,
  headers: Record<string, string> = {},
): HttpResult {
  return {
    statusCode: status,
    headers: { 'content-type': CONTENT_TYPE[format], 'cache-control': 'no-store', ...headers },
    body: format === 'json' ? JSON.stringify(body) : renderXml(body, shape.root, shape.entry),
  };
}

/** GeoReport v2 errors: `[{code, description}]` / `<errors><error><code/><description/></error></errors>`. */
export function open311Errors(status: number, format: Format, errors: Open311Error[], headers: Record<string, string> = {}): HttpResult {
  return open311Response(status, format, errors, { root: 'errors', entry: 'error' }, headers);
}
