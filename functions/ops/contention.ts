import { BusyError } from '../../shared/errors.js';

/**
 * How long a write keeps retrying a lost race before answering 503: under the function's 10 s timeout,
 * long enough for dozens of writers on one item to take their turn (concurrent transactions on one item
 * conflict whatever their conditions, so they must spread out in time).
 */
export const CONTENTION_BUDGET_MS = 8_000;
const FIRST_PAUSE_MS = 10;
const MAX_PAUSE_MS = 2_000;

/**
 * Paces retries after a lost race: full-jitter exponential backoff (a random pause up to 10 ms, 20 ms,
 * 40 ms… up to 2 s), so racers spread out instead of colliding again, within a time budget.
 */
export function contended(budgetMs = CONTENTION_BUDGET_MS, now = () => Date.now()) {
  const deadline = now() + budgetMs;
  let attempt = 0;
  return {
    async pause(): Promise<void> {
      const ceiling = Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS * 2 ** attempt++);
      const wait = Math.random() * ceiling;
      if (now() + wait >= deadline) {
        throw new BusyError('The item is being changed by many people at once. Retry in a moment.', 1);
      }
      await new Promise((r) => setTimeout(r, wait));
    },
  };
}
