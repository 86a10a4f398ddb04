import { UnavailableError } from '../../shared/errors.js';
import { cancellationCodes } from './errors.js';

/** Error names the SDK and DynamoDB give a request that was not served: slow, overloaded or down. */
const OUTAGE_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalServerError',
  'InternalFailure',
]);

/** Socket failures: nothing answers at the endpoint, or the connection broke mid-request. */
const OUTAGE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * True when a store call failed because the store did not serve it (timeout, throttling, 5xx, no
 * connection), not because of what was asked: the caller may retry the same request later.
 * A lost race or a bad request is not an outage.
 */
export function isStoreOutage(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const { code, $metadata } = err as Error & { code?: string; $metadata?: { httpStatusCode?: number } };
  if (OUTAGE_NAMES.has(err.name) || (code !== undefined && OUTAGE_CODES.has(code))) return true;
  const codes = cancellationCodes(err);
  if (codes) return codes.includes('ThrottlingError') && !codes.some((c) => c === 'ConditionalCheckFailed' || c === 'TransactionConflict');
  return ($metadata?.httpStatusCode ?? 0) >= 500;
}

/** How long a client should wait before retrying after an outage: long enough for throttling to clear. */
export const OUTAGE_RETRY_AFTER_SECONDS = 3;

export const outageError = (cause: unknown) =>
  new UnavailableError(
    'The board could not reach its store in time. Retry in a few seconds. A write may or may not have been saved: ' +
      'retrying a create with the same Idempotency-Key is safe and returns the one report.',
    OUTAGE_RETRY_AFTER_SECONDS,
    { cause },
  );
