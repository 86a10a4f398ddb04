import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod';
import { translator } from '../../shared/i18n/board.js';
import { LIMITS } from '../../shared/schemas.js';
import { parseWith } from '../../shared/validation.js';
import { CORRELATION_HEADER, correlationFor, correlationId, withCorrelation } from './correlation.js';
import { languageHeaders, requestLanguage } from './language.js';
import { logger, logInvocation } from './logger.js';
import { count, duration, flushMetrics, METRIC, type MetricName } from './metrics.js';
import { ORIGIN_HEADER, requireViaCloudFront } from './origin.js';
import { HttpError, problemResponse, toProblem } from './problem.js';
import { localizeProblem } from './problem-language.js';
import { gateStaff } from './staff-gate.js';

export type HttpEvent = APIGatewayProxyEventV2;
export type HttpResult = APIGatewayProxyStructuredResultV2;

/** What a handler receives: the raw event plus its parsed, validated body and query. */
export interface HttpRequest<B, Q> {
  event: HttpEvent;
  /** The validated body (validated when first read: destructuring it validates at once). */
  readonly body: B;
  /**
   * The same body, validated only when called. Staff operations call it after deciding who may act,
   * so a caller without rights gets 403 and learns nothing about the schema.
   */
  input: () => B;
  query: Q;
  path: Record<string, string>;
  header: (name: string) => string | undefined;
}

interface RouteOptions<BS extends z.ZodType | undefined, QS extends z.ZodType | undefined> {
  body?: BS;
  query?: QS;
  /**
   * A query the operation validates itself once it has decided the caller may act (403 before 400):
   * not parsed here, only named, so the API description and the hostile suite know it.
   */
  laterQuery?: z.ZodType;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/**
 * Middleware: every thrown error becomes problem+json in the caller's language (`Accept-Language`:
 * title, detail and common field messages; functions/lib/problem-language.ts); 5xx are logged with the
 * request id and hidden.
 */
const problems = (): MiddlewareObj<HttpEvent, HttpResult> => ({
  onError: (request) => {
    const requestId = request.context?.awsRequestId ?? request.event.requestContext?.requestId;
    const problem = toProblem(request.error, requestId);
    if (problem.status === 500)
      logger.error('unhandled error', { requestId, error: String(request.error), stack: (request.error as Error)?.stack });
    else if (problem.status > 500)
      logger.warn('answered with a retryable error', { requestId, status: problem.status, error: String(request.error) });
    const lang = requestLanguage(request.event ?? {});
    const retry = (request.error as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
    const said = localizeProblem(problem, translator(lang), typeof retry === 'number' ? retry : undefined);
    const response = problemResponse(said, request.error);
    request.response = { ...response, headers: { ...response.headers, ...languageHeaders(lang) } };
  },
});

/** Successful calls of these routes are business events worth a count of their own. */
const BUSINESS: Record<string, MetricName> = {
  'POST /api/reports': METRIC.reportsCreated,
  'POST /api/staff/reports/{id}/transitions': METRIC.transitions,
  'POST /api/staff/bills/{id}/transitions': METRIC.transitions,
  'POST /api/reports/{id}/subscriptions': METRIC.followRequests,
  'POST /api/bills/{id}/subscriptions': METRIC.followRequests,
};

/**
 * Middleware, outermost: one JSON log line per request (request id, route, status, latency; never the
 * path's values, the body or a header) and the invocation's EMF metrics. It sees the final response,
 * after `problems()` has turned an error into one.
 */
const observe = (): MiddlewareObj<HttpEvent, HttpResult> => {
  const started = new WeakMap<object, number>();
  const done = (request: { event: HttpEvent; context: Context; response: HttpResult | null | undefined }) => {
    const status = request.response?.statusCode ?? 500;
    const latencyMs = Date.now() - (started.get(request.event) ?? Date.now());
    const route = request.event.routeKey ?? 'unknown';
    logger.info('request', {
      requestId: request.context?.awsRequestId ?? request.event.requestContext?.requestId,
      route,
      status,
      latencyMs,
    });
    count(METRIC.requests);
    duration(METRIC.latency, latencyMs);
    if (status >= 500) count(METRIC.serverErrors);
    else if (status === 429) count(METRIC.rateLimited);
    else if (status >= 400) count(METRIC.clientErrors);
    const business = BUSINESS[route];
    if (business && status < 300) count(business);
    flushMetrics();
    const id = correlationId();
    if (request.response && id) request.response.headers = { ...request.response.headers, [CORRELATION_HEADER]: id };
  };
  return {
    before: (request) => {
      started.set(request.event, Date.now());
      logInvocation(request.context);
    },
    after: done,
    onError: done,
  };
};

/** Reads the JSON body: 415 unless JSON, 413 over 64 KB, 400 if it does not parse. */
export function readJsonBody(event: HttpEvent): unknown {
  const type = header(event, 'content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\s*(;|$)/i.test(type)) {
    throw new HttpError(415, 'unsupported-media-type', 'Send JSON', 'Send the body as JSON with "Content-Type: application/json".');
  }
  const raw = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
  if (Buffer.byteLength(raw, 'utf8') > LIMITS.bodyBytes) {
    throw new HttpError(413, 'payload-too-large', 'Body too large', `The body must be at most ${LIMITS.bodyBytes / 1024} KB.`);
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw new HttpError(400, 'malformed-json', 'Malformed JSON', 'The body is not valid JSON.', [
      { path: '(body)', message: 'is not valid JSON' },
    ]);
  }
}

export function header(event: HttpEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/**
 * The citizen's address: what the per-client limits count. Behind CloudFront, API Gateway's `sourceIp` is
 * the CloudFront server (shared by many citizens), so the viewer's address comes from the
 * `CloudFront-Viewer-Address` header CloudFront adds ("203.0.113.7:46532", IPv6 unbracketed), which the
 * local server adds the same way; `sourceIp` only when it is absent. Empty when the event has neither.
 */
export function sourceIp(event: HttpEvent): string {
  const viewer = header(event, 'cloudfront-viewer-address');
  const address = viewer?.slice(0, Math.max(0, viewer.lastIndexOf(':'))).replace(/^\[|\]$/g, '');
  return address || (event.requestContext?.http?.sourceIp ?? '');
}

/**
 * Wraps a route's logic: middleware first (errors → problem+json), then the origin check (the request
 * came through CloudFront: functions/lib/origin.ts), then on staff rows of the route
 * table the bearer token verified (functions/lib/staff-auth.ts, loaded by staff functions only:
 * functions/lib/staff-gate.ts), then body and query validated
 * against their schemas, then the handler with typed input.
 * @example export const handler = route({ body: commentSchema }, async ({ body }) => json(201, body));
 */
export function route<BS extends z.ZodType | undefined = undefined, QS extends z.ZodType | undefined = undefined>(
  options: RouteOptions<BS, QS>,
  fn: (req: HttpRequest<Out<BS>, Out<QS>>) => Promise<HttpResult>,
) {
  const handler = middy<HttpEvent, HttpResult, Error, Context>()
    .use(observe())
    .use(problems())
    .handler(async (event) => {
      // Only requests that came through CloudFront (or the local server playing it), then who is calling:
      // a staff route answers 401 before it looks at the body.
      await requireViaCloudFront(header(event, ORIGIN_HEADER));
      await gateStaff(event, header(event, 'authorization'));
      // Media type, size and JSON syntax are checked at once; the schema only when the body is read.
      const raw = options.body ? readJsonBody(event) : undefined;
      let parsed: { value: Out<BS> } | undefined;
      const input = (): Out<BS> => {
        parsed ??= { value: (options.body ? parseWith(options.body, raw) : undefined) as Out<BS> };
        return parsed.value;
      };
      const query = (options.query ? parseWith(options.query, event.queryStringParameters ?? {}, 'query') : undefined) as Out<QS>;
      return fn({
        event,
        get body() {
          return input();
        },
        input,
        query,
        path: pathParameters(event),
        header: (n) => header(event, n),
      });
    });
  // The schemas stay readable on the handler: test/unit/openapi.test.ts checks the OpenAPI document's
  // (functions/openapi/route-schemas.ts) are these very objects.
  return Object.assign(correlate(handler), { schemas: { body: options.body, query: options.query ?? options.laterQuery } });
}

/**
 * Runs a request's handler under its correlation id (functions/lib/correlation.ts): every log line and
 * notification record it writes carries it, and the response names it in `X-Correlation-Id`.
 */
export function correlate<R>(handler: (event: HttpEvent, context: Context) => Promise<R>) {
  return (event: HttpEvent, context: Context): Promise<R> =>
    withCorrelation(correlationFor(header(event, CORRELATION_HEADER), event.requestContext?.requestId), () => handler(event, context));
}

/** Longer than any id, reference, bill number or service code; DynamoDB refuses keys over 2 KB. */
const MAX_PATH_PARAMETER = 200;

/**
 * The path parameters, each one that could name something: one that is too long or holds control
 * characters names nothing, so it is a 404 here rather than a DynamoDB ValidationException (a 500) later.
 */
function pathParameters(event: HttpEvent): Record<string, string> {
  const params = (event.pathParameters ?? {}) as Record<string, string>;
  for (const value of Object.values(params)) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
    if (value.length > MAX_PATH_PARAMETER || /[\u0000-\u001f\u007f]/.test(value)) {
      const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
      throw new HttpError(404, 'not-found', 'Not found', `Nothing has the id, reference or code ${shown}.`);
    }
  }
  return params;
}

/** A JSON response. Public GETs pass a cache policy; everything else is not cached. */
export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(body),
  };
}

/** Short shared caching for public reads: fresh enough for a live board, cheap under load. */
export const PUBLIC_CACHE = { 'cache-control': 'public, max-age=15, stale-while-revalidate=30' };
/**
 * The map's cell counts: one URL per tile, the same for every visitor, so the CDN answers most of them.
 * A minute stale at most (counts, not the reports themselves; a hidden report's pin leaves with the list's 15 s).
 */
export const MAP_CACHE = { 'cache-control': 'public, max-age=30, stale-while-revalidate=30' };

export const etag = (version: number) => ({ etag: `"${version}"` });

/** Parses If-Match: `"7"`, `W/"7"` or `7`. Absent → undefined; malformed → 400. */
export function ifMatch(event: HttpEvent): number | undefined {
  const raw = header(event, 'if-match');
  if (raw === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(raw.trim());
  if (!match) {
    throw new HttpError(400, 'validation', 'Your request has invalid fields', 'If-Match must be an item version like "3".', [
      { path: 'header.If-Match', message: 'must be the ETag of the item, like "3"' },
    ]);
  }
  return Number(match[1]);
}
