import * as z from 'zod';
import { defaultLanguage, languages } from '../../shared/i18n/board.js';
import { ROUTES, type RouteDefinition, routeKey } from '../routes.js';
import { ROUTE_SCHEMAS, type RouteSchemas } from './route-schemas.js';

type Json = Record<string, unknown>;

const toSchema = (schema: z.ZodType) => {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  return rest;
};

/** RFC 9457 problem details, as every native error is. */
const PROBLEM = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
    requestId: { type: 'string' },
  },
};

/** GeoReport v2 errors (JSON; the XML form is `<errors><error><code/><description/></error></errors>`). */
const OPEN311_ERRORS = {
  type: 'array',
  minItems: 1,
  items: { type: 'object', required: ['code', 'description'], properties: { code: { type: 'integer' }, description: { type: 'string' } } },
};

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid input: `errors` names each field and what to fix',
  401: 'No, invalid or expired token',
  403: 'Signed in but not allowed (or, for Open311, no valid api_key)',
  404: 'Unknown id, reference or code',
  409: 'Not allowed from the current state, or a conflicting earlier request',
  412: 'If-Match names a stale version',
  413: 'Body over 64 KB',
  415: 'Body is not JSON (Open311: not form-encoded)',
  429: 'Rate limited: Retry-After says when to try again',
};

/** Which errors a route can answer, from what it reads and who may call it. */
export function errorStatuses(route: RouteDefinition, schemas: RouteSchemas): number[] {
  const out = new Set<number>();
  if (schemas.body || schemas.query) out.add(400);
  if (route.path.includes('{')) out.add(404);
  if (route.auth === 'staff') {
    out.add(401);
    out.add(403);
  }
  if (schemas.body) {
    out.add(413);
    out.add(415);
  }
  if (route.auth === 'staff' && route.access === 'write' && route.path.includes('{id}')) {
    out.add(409);
    out.add(412);
  }
  if (route.auth === 'public' && route.method === 'POST' && schemas.body) out.add(429);
  if (route.path.startsWith('/open311/')) {
    out.add(404); // jurisdiction_id that is not ours; an id without .json/.xml
    if (route.method === 'POST') out.add(403);
  }
  return [...out].sort();
}

/** Media types of a route's answers: an Open311 path names its format, an Open311 id may carry either. */
function open311Media(route: RouteDefinition, json: Json): Json {
  const xml = { 'text/xml': { schema: { type: 'string' } } };
  if (route.path.endsWith('.xml')) return xml;
  if (route.path.endsWith('.json')) return { 'application/json': json };
  return { 'application/json': json, ...xml };
}

function operation(route: RouteDefinition, schemas: RouteSchemas): Json {
  const open311 = schemas.answers === 'open311';
  const errorContent = open311
    ? open311Media(route, { schema: { $ref: '#/components/schemas/Open311Errors' } })
    : {
        'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
        // Email links answer a browser with a page, errors included.
        ...(schemas.answers === 'link' ? { 'text/html': { schema: { type: 'string' } } } : {}),
      };
  const success =
    schemas.answers === 'none'
      ? { description: 'Done' }
      : schemas.answers === 'link'
        ? {
            description: 'A page for a browser (Accept: text/html) or JSON',
            content: { 'text/html': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'object' } } },
          }
        : open311
          ? {
              description: 'GeoReport v2 resource (docs/open311.md)',
              content: open311Media(route, { schema: { type: ['array', 'object'] } }),
            }
          : schemas.answers === 'json-or-csv'
            ? {
                description: 'JSON, or CSV with format=csv',
                content: { 'application/json': { schema: { type: 'object' } }, 'text/csv': { schema: { type: 'string' } } },
              }
            : schemas.answers === 'atom' || schemas.answers === 'calendar'
              ? {
                  description: schemas.answers === 'atom' ? 'An Atom 1.0 feed (RFC 4287)' : 'An iCalendar document (RFC 5545)',
                  content: { [schemas.answers === 'atom' ? 'application/atom+xml' : 'text/calendar']: { schema: { type: 'string' } } },
                }
              : { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } };
  const responses: Json = { [String(schemas.ok)]: success };
  // An Open311 POST repeating an attribute[external_id] answers 200 with the first request.
  if (open311 && route.method === 'POST')
    responses['200'] = { ...success, description: 'The request this key already filed with this external_id' };
  for (const status of errorStatuses(route, schemas))
    responses[String(status)] = { description: ERROR_TEXT[status], content: errorContent };
  responses.default = { description: 'Any other error (e.g. 503 busy, with Retry-After)', content: errorContent };
  const parameters: Json[] = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
    ...(open311 ? { description: 'The id followed by .json or .xml' } : {}),
  }));
  // Problems, labels and messages of the native API come in the language asked for (Content-Language says which).
  if (!open311) parameters.push({ $ref: '#/components/parameters/AcceptLanguage' });
  if (schemas.query) {
    const query = toSchema(schemas.query) as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema });
    }
  }
  const op: Json = {
    operationId: routeKey(route).replace(/[^A-Za-z0-9]+/g, '_'),
    tags: [route.path.startsWith('/open311/') ? 'Open311' : route.auth === 'staff' ? 'Staff' : 'Public'],
    responses,
  };
  if (parameters.length) op.parameters = parameters;
  if (route.auth === 'staff') op.security = [{ cognito: [] }];
  if (schemas.body) {
    op.requestBody = {
      required: true,
      content: { [open311 ? 'application/x-www-form-urlencoded' : 'application/json']: { schema: toSchema(schemas.body) } },
    };
  }
  return op;
}

/** A route without schemas in ROUTE_SCHEMAS: a defect the unit test reports by name. */
export class MissingRouteSchemas extends Error {}

let built: Json | undefined;

/**
 * The OpenAPI 3.1 document for every route of the route table, generated from the zod schemas the
 * handlers validate with (zod 4's JSON Schema output). Built once per process.
 */
export function openApiDocument(): Json {
  if (built) return built;
  const paths: Record<string, Json> = {};
  for (const route of ROUTES) {
    const schemas = ROUTE_SCHEMAS[routeKey(route)];
    if (!schemas) throw new MissingRouteSchemas(`${routeKey(route)} has no entry in functions/openapi/route-schemas.ts`);
    paths[route.path] ??= {};
    (paths[route.path] as Json)[route.method.toLowerCase()] = operation(route, schemas);
  }
  built = {
    openapi: '3.1.0',
    info: {
      title: 'civicboard API',
      version: '1',
      description: 'The board’s native JSON API (errors are RFC 9457 problem+json) and its Open311 GeoReport v2 endpoint.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: { Problem: PROBLEM, Open311Errors: OPEN311_ERRORS },
      parameters: {
        AcceptLanguage: {
          name: 'Accept-Language',
          in: 'header',
          required: false,
          schema: { type: 'string' },
          description: `The language of problem titles and details, field messages and the council's labels (service names, state labels): one of ${languages.join(', ')}, else ${defaultLanguage}. Codes, ids, states and phases never change. The answer's Content-Language names the language used.`,
        },
      },
      securitySchemes: {
        cognito: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A Cognito ID token of a staff member' },
      },
    },
  };
  return built;
}
