import { TooManyRequestsError } from '../../shared/errors.js';
import { type ClientAction, refusalDetail } from '../../shared/limits.js';
import { takeClientAllowance } from '../store/limits.js';

/**
 * A public write counts against its client's limits before anything is read or written; over a limit
 * it is a TooManyRequestsError (429 with Retry-After) and nothing happens.
 */
export async function limitClient(action: ClientAction, sourceIp: string): Promise<void> {
  const now = new Date();
  const refusal = await takeClientAllowance(action, sourceIp, now.getTime());
  if (refusal) {
    throw new TooManyRequestsError(refusal.retryAfterSeconds, refusalDetail(action, refusal.window, refusal.retryAfterSeconds, now));
  }
}
