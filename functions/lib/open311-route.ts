import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { BusyError, TooManyRequestsError, UnavailableError, ValidationError } from '../../shared/errors.js';
import { FORMATS, type Format } from '../../shared/open311/model.js';
import { LIMITS } from '../../shared/schemas.js';
import { correlate, type HttpEvent, type HttpResult, header } from './http.js';
import { logger } from './logger.js';
import { open311Errors } from './open311-format.js';
import { ORIGIN_HEADER, requireViaCloudFront } from './origin.js';
import { HttpError, toProblem } from './problem.js';

export interface Open311Request {
  event: HttpEvent;
  format: Format;
  /** The path parameter without its `.json`/`.xml` suffix, for `services/{code}.json`-style routes. */
  id?: string;
  query: Record<string, string>;
  /** The form-encoded body's fields (415 unless form-encoded, 413 over 64 KB), read when called. */
  form: () => string;
}

/** `requests.xml` → xml; `pothole.json` (a path parameter) → xml/json and the id before it. */
function formatOf(event: HttpEvent): { format: Format; id?: string } {
  const param = Object.values(event.pathParameters ?? {})[0];
  const subject = param ?? event.rawPath ?? event.requestContext?.http?.path ?? '';
  const match = /^(.*)\.([a-z]+)$/.exec(subject);
  const format = match?.[2] as Format | undefined;
  if (!match || !format || !FORMATS.includes(format)) {
    throw new FormatError(`Add .json or .xml to ${param ? 'the id' : 'the resource'} to choose the format, e.g. requests.json.`);
  }
  if (param !== undefined && (match[1]!.length === 0 || match[1]!.length > 200)) throw new FormatError('Nothing has that id.');
  return { format, id: param === undefined ? undefined : match[1] };
}

class FormatError extends Error {}

function readForm(event: HttpEvent): string {
  const type = header(event, 'content-type') ?? '';
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) {
    throw new HttpError(
      415,
      'unsupported-media-type',
      'Send a form',
      'Send the fields form-encoded (application/x-www-form-urlencoded), as GeoReport v2 says.',
    );
  }
  const raw = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
  if (Buffer.byteLength(raw, 'utf8') > LIMITS.bodyBytes) {
    throw new HttpError(413, 'payload-too-large', 'Body too large', `The body must be at most ${LIMITS.bodyBytes / 1024} KB.`);
  }
  return raw;
}

/** What to tell the client: GeoReport v2 has one description per error; field errors become one each. */
function errorsOf(err: unknown, requestId?: string): { status: number; errors: { code: number; description: string }[] } {
  const problem = toProblem(err, requestId);
  if (err instanceof ValidationError && err.errors.length) {
    return { status: 400, errors: err.errors.map((e) => ({ code: 400, description: `${e.path}: ${e.message}` })) };
  }
  return { status: problem.status, errors: [{ code: problem.status, description: problem.detail }] };
}

/**
 * Wraps an Open311 route: the same origin check as the native API, the format from the path's suffix,
 * and every error in GeoReport v2's format (in the asked format; JSON when the format is unknowable),
 * with its status, Retry-After on 429/503, and 5xx detail hidden.
 */
export function open311Route(fn: (req: Open311Request) => Promise<HttpResult>) {
  const handler = middy<HttpEvent, HttpResult, Error, Context>().handler(async (event, context) => {
    let format: Format = /\.xml$/.test(event.rawPath ?? '') ? 'xml' : 'json';
    try {
      requireViaCloudFront(header(event, ORIGIN_HEADER));
      const parsed = formatOf(event);
      format = parsed.format;
      let body: string | undefined;
      return await fn({
        event,
        format,
        id: parsed.id,
        query: (event.queryStringParameters ?? {}) as Record<string, string>,
        form: () => {
          body ??= readForm(event);
          return body;
        },
      });
    } catch (err) {
      if (err instanceof FormatError) return open311Errors(404, format, [{ code: 404, description: err.message }]);
      const requestId = context?.awsRequestId ?? event.requestContext?.requestId;
      const { status, errors } = errorsOf(err, requestId);
      if (status >= 500) logger.error('open311 error', { requestId, error: String(err), stack: (err as Error)?.stack });
      const retry =
        err instanceof TooManyRequestsError || err instanceof BusyError || err instanceof UnavailableError
          ? { 'retry-after': String(err.retryAfterSeconds) }
          : undefined;
      return open311Errors(status, format, errors, retry);
    }
  });
  return correlate(handler);
}
