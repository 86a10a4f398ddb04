import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import {
  BusyError,
  ConflictError,
  type DomainError,
  type FieldError,
  ForbiddenError,
  GoneError,
  NotFoundError,
  StaleVersionError,
  TooManyRequestsError,
  TransitionNotAllowedError,
  UnauthenticatedError,
  UnavailableError,
  ValidationError,
} from '../../shared/errors.js';

/** Errors of the HTTP edge itself (the domain never sees raw bodies or headers). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly slug: string,
    readonly title: string,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
  }
}

const BY_ERROR: [new (...args: never[]) => DomainError, number, string, string][] = [
  [ValidationError, 400, 'validation', 'Your request has invalid fields'],
  [UnauthenticatedError, 401, 'unauthenticated', 'Sign in required'],
  [ForbiddenError, 403, 'forbidden', 'Not allowed'],
  [NotFoundError, 404, 'not-found', 'Not found'],
  [GoneError, 410, 'removed', 'Removed by the council'],
  [TransitionNotAllowedError, 409, 'transition-not-allowed', 'Transition not allowed'],
  [ConflictError, 409, 'conflict', 'Conflict'],
  [StaleVersionError, 412, 'stale-version', 'The item has changed'],
  [TooManyRequestsError, 429, 'too-many-requests', 'Too many requests'],
  [BusyError, 503, 'busy', 'Busy: retry shortly'],
  [UnavailableError, 503, 'unavailable', 'Temporarily unavailable'],
];

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  requestId?: string;
}

/**
 * Maps any error to an RFC 9457 problem. Domain and edge errors say what to fix; anything else is a
 * 500 that says only "internal error" and the request id, never a message or stack.
 */
export function toProblem(err: unknown, requestId?: string): Problem {
  if (err instanceof HttpError) {
    return {
      type: `/problems/${err.slug}`,
      title: err.title,
      status: err.statusCode,
      detail: err.message,
      ...(err.errors && { errors: err.errors }),
    };
  }
  for (const [kind, status, slug, title] of BY_ERROR) {
    if (err instanceof kind) {
      const errors = err instanceof ValidationError ? err.errors : undefined;
      return { type: `/problems/${slug}`, title, status, detail: err.message, ...(errors && { errors }) };
    }
  }
  return {
    type: '/problems/internal',
    title: 'Internal error',
    status: 500,
    detail: 'Internal error. Quote the request id if you report it.',
    requestId,
  };
}

export function problemResponse(problem: Problem, err?: unknown): APIGatewayProxyStructuredResultV2 {
  const headers: Record<string, string> = { 'content-type': 'application/problem+json', 'cache-control': 'no-store' };
  // RFC 9110 §11.6.1: a 401 names the scheme the client should use.
  if (err instanceof UnauthenticatedError) headers['www-authenticate'] = 'Bearer';
  if (err instanceof StaleVersionError && err.currentVersion !== undefined) headers.etag = `"${err.currentVersion}"`;
  // RFC 9110 Retry-After in seconds; the detail says the same in words.
  if (err instanceof TooManyRequestsError || err instanceof BusyError || err instanceof UnavailableError) {
    headers['retry-after'] = String(err.retryAfterSeconds);
  }
  return { statusCode: problem.status, headers, body: JSON.stringify(problem) };
}
