import { beforeAll, describe, expect, it } from 'vitest';
import { STORE_TIMEOUTS } from '../../functions/store/client.js';
import { synthBoard } from './synth.js';

/** What the SDK may add between attempts (standard retry: jittered, ~100-200 ms for the first retry), rounded up. */
const RETRY_BACKOFF_ALLOWANCE_MS = 1000;
/** What a handler needs after the store gives up, to map the error and answer 503. */
const ANSWER_MARGIN_MS = 2000;

let functions: { id: string; timeoutMs: number }[];
beforeAll(() => {
  const resources = synthBoard().template.toJSON().Resources as Record<
    string,
    { Type: string; Properties: { Timeout?: number; Environment?: { Variables?: Record<string, string> } } }
  >;
  functions = Object.entries(resources)
    .filter(([, r]) => r.Type === 'AWS::Lambda::Function' && r.Properties.Environment?.Variables?.TABLE_NAME)
    .map(([id, r]) => ({ id, timeoutMs: (r.Properties.Timeout ?? 3) * 1000 }));
});

describe('store timeouts against the function timeout', () => {
  it('a store call gives up, retries included, in time for the function to answer 503 itself', () => {
    const worstCall =
      STORE_TIMEOUTS.maxAttempts * STORE_TIMEOUTS.requestTimeoutMs + (STORE_TIMEOUTS.maxAttempts - 1) * RETRY_BACKOFF_ALLOWANCE_MS;
    expect(functions.length).toBeGreaterThan(10);
    for (const fn of functions) expect(worstCall + ANSWER_MARGIN_MS, fn.id).toBeLessThanOrEqual(fn.timeoutMs);
  });

  it('connecting is bounded more tightly than a whole request', () => {
    expect(STORE_TIMEOUTS.connectionTimeoutMs).toBeLessThan(STORE_TIMEOUTS.requestTimeoutMs);
  });
});
