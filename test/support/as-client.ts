import { setTimeout as sleep } from 'node:timers/promises';
import { UnavailableError } from '../../shared/errors.js';

/**
 * Calls a handler-level function as a client calls the board: a 503 (a store call stalled on the
 * machine the whole suite shares) is tried again after a short, growing pause. Any other error, or
 * the last attempt's 503, is the test's failure.
 */
export async function asClient<T>(call: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (!(err instanceof UnavailableError) || attempt >= attempts) throw err;
      await sleep(250 * attempt);
    }
  }
}
