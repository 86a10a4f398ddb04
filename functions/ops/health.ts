import { UnavailableError } from '../../shared/errors.js';
import type { SenderStatus } from '../store/alert-queue.js';
import { probeStore, type StoreProbe } from '../store/health.js';

/** How long one answer about the store stands: a load balancer polling every second costs one read per window. */
export const HEALTH_CACHE_MS = 5000;
/** How long the probe may take: well under the SDK's own request timeout. */
const PROBE_TIMEOUT_MS = 1500;

let last: (StoreProbe & { at: number }) | undefined;

export interface Health {
  status: 'ok';
  /** The alert emails waiting to be sent when the alert sender last ran (docs/notifications.md): the backlog. */
  alerts?: { queued: number; asOf: string };
}

/**
 * The board is healthy when its store answers. Throws UnavailableError (503) when it does not, so a
 * monitor and a client see the same problem+json as any request that needs the store.
 */
export async function checkHealth(now = Date.now()): Promise<Health> {
  if (!last || now - last.at >= HEALTH_CACHE_MS) last = { ...(await probeStore(PROBE_TIMEOUT_MS)), at: now };
  if (!last.ok) throw new UnavailableError('The board cannot reach its store. Retry in a few seconds.', HEALTH_CACHE_MS / 1000);
  const alerts: SenderStatus | undefined = last.alerts;
  return alerts ? { status: 'ok', alerts: { queued: alerts.queued, asOf: alerts.at } } : { status: 'ok' };
}
