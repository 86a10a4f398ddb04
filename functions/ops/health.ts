import { UnavailableError } from '../../shared/errors.js';
import { storeAnswers } from '../store/health.js';

/** How long one answer about the store stands: a load balancer polling every second costs one read per window. */
export const HEALTH_CACHE_MS = 5000;
/** How long the probe may take: well under the SDK's own request timeout. */
const PROBE_TIMEOUT_MS = 1500;

let last: { ok: boolean; at: number } | undefined;

/**
 * The board is healthy when its store answers. Throws UnavailableError (503) when it does not, so a
 * monitor and a client see the same problem+json as any request that needs the store.
 */
export async function checkHealth(now = Date.now()): Promise<{ status: 'ok' }> {
  if (!last || now - last.at >= HEALTH_CACHE_MS) last = { ok: await storeAnswers(PROBE_TIMEOUT_MS), at: now };
  if (!last.ok) throw new UnavailableError('The board cannot reach its store. Retry in a few seconds.', HEALTH_CACHE_MS / 1000);
  return { status: 'ok' };
}
