import { describe, expect, it } from 'vitest';
import { problemResponse, toProblem } from '../../functions/lib/problem.js';
import { isStoreOutage, outageError } from '../../functions/store/outage.js';
import { ConflictError } from '../../shared/errors.js';

const named = (name: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(name), { name, ...extra });

describe('what counts as a store outage', () => {
  const outages: [string, Error][] = [
    ['a request timeout', named('TimeoutError', { code: 'ETIMEDOUT' })],
    ['throttling', named('ThrottlingException')],
    ['exceeded throughput', named('ProvisionedThroughputExceededException')],
    ['an account request limit', named('RequestLimitExceeded')],
    ['service unavailable', named('ServiceUnavailable')],
    ['an internal server error', named('InternalServerError')],
    ['a refused connection', named('Error', { code: 'ECONNREFUSED' })],
    ['a reset connection', named('Error', { code: 'ECONNRESET' })],
    ['any 5xx from the service', named('UnknownError', { $metadata: { httpStatusCode: 502 } })],
    [
      'a transaction cancelled for throttling',
      named('TransactionCanceledException', { CancellationReasons: [{ Code: 'ThrottlingError' }] }),
    ],
  ];
  for (const [what, err] of outages) it(`${what} is an outage`, () => expect(isStoreOutage(err)).toBe(true));

  const notOutages: [string, unknown][] = [
    ['a failed condition', named('ConditionalCheckFailedException', { $metadata: { httpStatusCode: 400 } })],
    ['a bad request', named('ValidationException', { $metadata: { httpStatusCode: 400 } })],
    [
      'a transaction lost to a condition',
      named('TransactionCanceledException', { CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'ThrottlingError' }] }),
    ],
    ['a domain error', new ConflictError('taken')],
    ['not an error at all', 'boom'],
  ];
  for (const [what, err] of notOutages) it(`${what} is not an outage`, () => expect(isStoreOutage(err)).toBe(false));
});

describe('an outage at the edge', () => {
  it('is a 503 problem with Retry-After whose detail says a retry with the same Idempotency-Key is safe', () => {
    const err = outageError(named('TimeoutError'));
    const response = problemResponse(toProblem(err, 'req-1'), err);
    expect(response.statusCode).toBe(503);
    expect(response.headers).toMatchObject({ 'content-type': 'application/problem+json', 'retry-after': '3' });
    const problem = JSON.parse(response.body as string);
    expect(problem).toMatchObject({ type: '/problems/unavailable', status: 503 });
    expect(problem.detail).toContain('same Idempotency-Key');
    expect(problem.detail).not.toContain('TimeoutError');
  });
});
