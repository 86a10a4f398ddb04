import fc from 'fast-check';
import * as z from 'zod';
import { type RouteDefinition, routeKey } from '../../../functions/routes.js';
import { bodyValue, hostileString, type JsonSchema, queryValue } from './arbitraries.js';
import { inputsOf } from './inputs.js';

/** What each generated stream of requests aims at: items of its own, so its state checks are its own. */
export interface HostileContext {
  reportId: string;
  reference: string;
  billId: string;
  billNumber: string;
  /** The session this stream's bill creates are steered into, so refused ones can be counted. */
  session: string;
  tokens: { roads: string; clerk: string; admin: string; expired: string };
  /** Makes this run's Idempotency-Keys unique across runs against the same table. */
  nonce: string;
}

export interface HostileRequest {
  route: RouteDefinition;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** The item the request writes to, when it is one of the context's. */
  target?: 'report' | 'bill';
  /** The Idempotency-Key of a create, when a valid one was sent. */
  idempotencyKey?: string;
  /** The session a bill create names, when it is the context's. */
  billSession?: string;
}

const toJson = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** Percent-encodes any string, lone surrogates included (as the bytes a client would send). */
export const encodeSegment = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  }
};

/**
 * fetch refuses header values with control characters (but tab) or characters past Latin-1: keep the
 * rest of the junk. Control bytes in headers go down a raw socket in protocol-errors.test.ts.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the bytes fetch refuses
const sendable = (s: string) => s.replace(/[\u0000-\u0008\u000a-\u001f\u007f]|[^\u0000-\u00ff]/g, '?').slice(0, 8000);

/** Small boxes only: a large one is defect 1 (issue 14), kept in the corpus until it is fixed. */
const smallBbox = fc
  .tuple(
    fc.double({ min: -2.7, max: -2.5, noNaN: true }),
    fc.double({ min: 51.4, max: 51.5, noNaN: true }),
    fc.double({ min: 0.001, max: 0.05, noNaN: true }),
  )
  .map(([lng, lat, size]) => `${lng},${lat},${lng + size},${lat + size}`);
const brokenBbox = fc.constantFrom(
  '1,2,3',
  'a,b,c,d',
  '-181,0,0,1',
  '0,0,0,0',
  '10,10,-10,-10',
  '1,2,3,4,5',
  'NaN,0,1,1',
  'Infinity,0,1,1',
  '',
);

/** Open311 ids carry their format: `pothole.json`, `RF-1234567.xml`. */
const OPEN311_PARAMS = new Set(['service_code', 'service_request_id', 'token']);

function idFor(ctx: HostileContext, param: string): fc.Arbitrary<string> {
  if (OPEN311_PARAMS.has(param)) {
    const known = fc.constantFrom('pothole', 'street-light', 'no-such-service', ctx.reference, ctx.reportId, ctx.billNumber, 'RF-0000000');
    const suffixed = fc.tuple(known, fc.constantFrom('.json', '.xml', '.json', '.xml', '', '.html', '.JSON')).map(([id, f]) => `${id}${f}`);
    return fc.oneof({ weight: 4, arbitrary: suffixed }, { weight: 2, arbitrary: hostileString });
  }
  const known =
    param === 'serviceCode'
      ? fc.constantFrom('pothole', 'street-light', 'no-such-service')
      : fc.constantFrom(ctx.reportId, ctx.reference, ctx.billId, ctx.billNumber, 'RF-0000000', '01J0000000000000000000000Z');
  return fc.oneof({ weight: 4, arbitrary: known }, { weight: 2, arbitrary: hostileString });
}

function queryFor(schema: JsonSchema | undefined): fc.Arbitrary<string> {
  if (!schema?.properties) return fc.constantFrom('', '', '', '?unexpected=1');
  const entries = Object.entries(schema.properties);
  const validOf = Object.fromEntries(entries.map(([k, s]) => [k, k === 'bbox' ? smallBbox : queryValue(s, k, 'valid')]));
  // A few parameters at a time, as a client sends them (a cursor only comes from a previous page).
  const choosable = entries.map(([k]) => k).filter((k) => k !== 'cursor');
  const valid = fc
    .subarray(choosable, { maxLength: Math.min(3, choosable.length) })
    .chain((keys) => fc.record(Object.fromEntries(keys.map((k) => [k, validOf[k] as fc.Arbitrary<string>]))));
  // One parameter hostile, the rest as a client would send them: each refusal names one thing.
  const broken = fc
    .tuple(
      valid,
      fc.constantFrom(...entries.map(([k]) => k)),
      fc.oneof(
        hostileString.filter((s) => s.length < 8_000),
        brokenBbox,
      ),
    )
    .map(([p, k, v]) => ({ ...p, [k]: v }));
  const extra = fc.oneof(
    { weight: 4, arbitrary: fc.constant(null) },
    {
      weight: 1,
      arbitrary: fc.tuple(
        fc.constantFrom('__proto__', 'unknown', 'limit', ''),
        hostileString.filter((s) => s.length < 200),
      ),
    },
  );
  const rawTail = fc.constantFrom('', '', '', '', '&%ZZ=%ff', '&limit=1&limit=2', '&&&=');
  return fc.tuple(fc.oneof(valid, broken), extra, rawTail).map(([p, e, tail]) => {
    const search = new URLSearchParams(p as Record<string, string>);
    if (e) search.append(e[0], e[1]);
    const text = `${search.toString()}${tail}`;
    return text ? `?${text}` : '';
  });
}

const RAW_BODIES: (string | Uint8Array)[] = [
  '',
  '{',
  'null',
  '[]',
  '"text"',
  '{"a":1',
  '{"__proto__":{"isAdmin":true}}',
  `{"description":"${'A'.repeat(70 * 1024)}"}`,
  new Uint8Array([0xff, 0xfe, 0x7b, 0x7d]),
  'List-Unsubscribe=One-Click',
];

function bodyFor(schema: JsonSchema | undefined): fc.Arbitrary<string | Uint8Array | undefined> {
  const raw = fc.constantFrom(...RAW_BODIES);
  if (!schema) return fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: raw });
  const json = bodyValue(schema).map((v) => JSON.stringify(v) ?? 'null');
  return fc.oneof({ weight: 8, arbitrary: json }, { weight: 2, arbitrary: raw });
}

/** A form body from a schema's fields: valid-ish values, one hostile, sometimes an unknown field or raw junk. */
function formBodyFor(schema: JsonSchema | undefined): fc.Arbitrary<string | Uint8Array | undefined> {
  const fields = Object.entries(schema?.properties ?? {}).filter(([k]) => k !== 'attribute');
  const valid = fc.record(Object.fromEntries(fields.map(([k, s]) => [k, queryValue(s, k, 'valid')])), { requiredKeys: [] });
  const form = fc
    .tuple(
      valid,
      fc.option(
        fc.tuple(
          fc.constantFrom(...fields.map(([k]) => k), 'attribute[external_id]', 'attribute[title]', 'attribute[x]', 'other'),
          hostileString.filter((v) => v.length < 5000),
        ),
      ),
    )
    .map(([p, extra]) => {
      const search = new URLSearchParams(p as Record<string, string>);
      if (extra) search.set(extra[0], extra[1]);
      return search.toString();
    });
  return fc.oneof({ weight: 8, arbitrary: form }, { weight: 2, arbitrary: fc.constantFrom(...RAW_BODIES) });
}

function headersFor(route: RouteDefinition, ctx: HostileContext, hasBody: boolean): fc.Arbitrary<Record<string, string>> {
  const { tokens } = ctx;
  const staffAuth = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(tokens.roads, tokens.clerk, tokens.admin).map((t) => `Bearer ${t}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(undefined, 'Bearer', 'Bearer junk.junk.junk', `Bearer ${tokens.expired}`, 'Basic YWRtaW46YWRtaW4='),
    },
    { weight: 1, arbitrary: fc.constant(`Bearer ${tokens.admin.slice(0, -4)}AAAA`) },
  );
  const auth = route.auth === 'staff' ? staffAuth : fc.constantFrom(undefined, undefined, undefined, 'Bearer junk');
  const contentType = hasBody
    ? fc.oneof(
        { weight: 6, arbitrary: fc.constant('application/json') },
        {
          weight: 2,
          arbitrary: fc.constantFrom(
            undefined,
            'text/plain',
            'application/x-www-form-urlencoded',
            'application/json; charset=utf-16',
            'application/vnd.api+json',
            'multipart/form-data; boundary=x',
            'application/jsonx',
          ),
        },
      )
    : fc.constant(undefined);
  const accept = fc.constantFrom(undefined, undefined, 'application/json', 'text/html', '*/*', 'application/problem+json', 'image/png');
  const ifMatch = fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom('"1"', 'W/"2"', '*', '"abc"', '-1', '"99999999999999999999999"', '"1", "2"', '') },
    { weight: 1, arbitrary: hostileString },
  );
  const junk = fc.option(hostileString, { freq: 4 });
  return fc.record({ auth, contentType, accept, ifMatch, junk }).map(({ auth, contentType, accept, ifMatch, junk }) => {
    const h: Record<string, string> = {};
    if (auth !== undefined) h.authorization = sendable(auth);
    if (contentType !== undefined) h['content-type'] = contentType;
    if (accept !== undefined) h.accept = accept;
    if (ifMatch !== undefined) h['if-match'] = sendable(ifMatch);
    if (junk !== null) h['x-junk'] = sendable(junk);
    return h;
  });
}

const schemas = new Map<string, { body?: JsonSchema; query?: JsonSchema }>();
function jsonSchemasOf(route: RouteDefinition) {
  const key = routeKey(route);
  let found = schemas.get(key);
  if (!found) {
    const inputs = inputsOf(route);
    if (!inputs) throw new Error(`${key} has no entry in functions/openapi/route-schemas.ts: add its body and query schemas`);
    found = { body: inputs.body && toJson(inputs.body), query: inputs.query && toJson(inputs.query) };
    schemas.set(key, found);
  }
  return found;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** One request for a route: path parameters, query, headers and body, each valid-ish or hostile. */
export function requestFor(route: RouteDefinition, ctx: HostileContext): fc.Arbitrary<HostileRequest> {
  const { body, query } = jsonSchemasOf(route);
  const params = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
  const hasBody = WRITES.has(route.method);
  const idemKey = fc.oneof(
    { weight: 5, arbitrary: fc.uuid().map((u) => `hostile-${ctx.nonce}-${u}`) },
    { weight: 1, arbitrary: fc.constantFrom('', 'has space', 'x'.repeat(300), 'é-latin1') },
  );
  return fc
    .record({
      ids: fc.tuple(...params.map((p) => idFor(ctx, p))),
      query: queryFor(query),
      headers: headersFor(route, ctx, hasBody),
      body: hasBody ? (route.path.startsWith('/open311/') ? formBodyFor(body) : bodyFor(body)) : fc.constant(undefined),
      idemKey: routeKey(route) === 'POST /api/reports' ? idemKey : fc.constant(undefined),
    })
    .map(({ ids, query: search, headers, body: payload, idemKey: key }) => {
      let path = route.path;
      params.forEach((p, i) => {
        path = path.replace(`{${p}}`, encodeSegment(ids[i] as string));
      });
      const req: HostileRequest = { route, method: route.method, path: `${path}${search}`, headers, body: payload };
      // Open311 posts are forms (GeoReport v2); JSON and other media types must still be refused in its error format.
      if (route.path.startsWith('/open311/') && hasBody && headers['content-type'] === 'application/json')
        req.headers['content-type'] = 'application/x-www-form-urlencoded';
      const id = ids[0];
      if (WRITES.has(route.method) && route.path.startsWith('/api/staff/reports/{id}') && (id === ctx.reportId || id === ctx.reference))
        req.target = 'report';
      if (WRITES.has(route.method) && route.path.startsWith('/api/staff/bills/{id}') && (id === ctx.billId || id === ctx.billNumber))
        req.target = 'bill';
      if (key !== undefined) {
        req.headers['idempotency-key'] = sendable(key);
        if (/^[\x21-\x7e]{1,255}$/.test(key)) req.idempotencyKey = key;
      }
      if (routeKey(route) === 'POST /api/staff/bills' && typeof payload === 'string') {
        // Steer valid-looking bill creates into this stream's session, so a refused one can be counted.
        req.body = payload.replace(/"session":"[\w.-]{1,40}"/, `"session":"${ctx.session}"`);
        if (req.body.includes(`"session":"${ctx.session}"`)) req.billSession = ctx.session;
      }
      return req;
    });
}
