import { logger } from '../lib/logger.js';
import { forwardedServices, syncUpstream } from '../ops/open311-connector.js';

/**
 * Scheduled (every few minutes in AWS, every OPEN311_SYNC_SECONDS locally): reads each forwarding
 * service's upstream for status changes. One upstream being down does not stop the others; it is read
 * again at the next run, which picks up everything it missed.
 */
export const handler = async (): Promise<{ changed: number; failed: string[] }> => {
  let changed = 0;
  const failed: string[] = [];
  for (const { service, upstream } of forwardedServices()) {
    try {
      changed += await syncUpstream(service.code, upstream);
    } catch (err) {
      failed.push(service.code);
      logger.warn('upstream sync failed; next run retries', { service: service.code, error: String(err) });
    }
  }
  return { changed, failed };
};
