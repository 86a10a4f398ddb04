/**
 * Domain errors. They say what went wrong in the domain's words and know nothing of HTTP:
 * one mapper at the edge (`functions/lib/problem.ts`) turns each into a status code.
 */

/** One problem with one field of the input. `path` is dotted: `location.lat`, `query.limit`. */
export interface FieldError {
  path: string;
  message: string;
}

export class DomainError extends Error {
  override name = 'DomainError';
}

/** The input is malformed or breaks a rule of the domain. */
export class ValidationError extends DomainError {
  override name = 'ValidationError';
  constructor(
    readonly errors: FieldError[],
    message = errors.map((e) => `${e.path}: ${e.message}`).join('; ') || 'The request has invalid fields.',
  ) {
    super(message);
  }
}

/** No item, service or record with this identifier. */
export class NotFoundError extends DomainError {
  override name = 'NotFoundError';
}

/** No valid credentials were presented. */
export class UnauthenticatedError extends DomainError {
  override name = 'UnauthenticatedError';
}

/** The actor is known but may not do this. */
export class ForbiddenError extends DomainError {
  override name = 'ForbiddenError';
}

/** It existed but was taken down (a report hidden by staff): the public learns only that. */
export class GoneError extends DomainError {
  override name = 'GoneError';
}

/** The workflow does not allow this move from the item's current state. */
export class TransitionNotAllowedError extends DomainError {
  override name = 'TransitionNotAllowedError';
}

/** The caller's copy of the item (its version) is out of date. */
export class StaleVersionError extends DomainError {
  override name = 'StaleVersionError';
  constructor(
    readonly currentVersion?: number,
    message = 'The item has changed since you read it. Fetch it again and retry.',
  ) {
    super(message);
  }
}

/** The request conflicts with an earlier one (e.g. an Idempotency-Key reused with a different body). */
export class ConflictError extends DomainError {
  override name = 'ConflictError';
}

/** Too much is happening at once to do this now; the same request will work shortly. */
export class BusyError extends DomainError {
  override name = 'BusyError';
  constructor(
    message: string,
    /** Seconds after which a retry is likely to work. */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** Too many requests of one kind from one client: try again after `retryAfterSeconds`. */
export class TooManyRequestsError extends DomainError {
  override name = 'TooManyRequestsError';
  constructor(
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Something the board depends on (its store) did not answer in time, or refused for load: the request
 * may be retried after `retryAfterSeconds`. A write may or may not have happened; an Idempotency-Key
 * makes the retry safe.
 */
export class UnavailableError extends DomainError {
  override name = 'UnavailableError';
  constructor(
    message = 'The board could not reach its store. Retry in a few seconds.',
    readonly retryAfterSeconds = 3,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
