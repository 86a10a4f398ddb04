import { emailKey } from './subscriptions.js';

/**
 * Keys of suppressed addresses: one record per address SES reported as permanently bouncing or as
 * complaining, by the address's hash (the record never holds the address). The notifier reads it before
 * every send, so one bounce stops every subscription, acknowledgement and staff email to that address.
 *
 *   SUPPRESS#<email key> #SUPPRESS   why and when SES said to stop (no TTL: it lasts until removed by hand)
 */
export const suppressionKey = (email: string) => ({ PK: `SUPPRESS#${emailKey(email)}`, SK: '#SUPPRESS' });

export type SuppressionReason = 'bounce' | 'complaint';

/** The suppression record of one address. `detail` is SES's bounce type or complaint feedback type. */
export function suppressionRecord(email: string, reason: SuppressionReason, at: string, detail?: string, sesMessageId?: string) {
  return {
    ...suppressionKey(email),
    entity: 'suppression',
    reason,
    at,
    ...(detail && { detail }),
    ...(sesMessageId && { sesMessageId }),
  };
}
