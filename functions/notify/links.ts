import { config } from '../lib/env.js';

/** Absolute links for emails, from the configured public base URL. */
export const links = {
  track: (reference: string) => `${config().publicBaseUrl}/track/?id=${encodeURIComponent(reference)}`,
  unsubscribe: (token: string) => `${config().publicBaseUrl}/api/subscriptions/unsubscribe?token=${token}`,
  confirm: (token: string) => `${config().publicBaseUrl}/api/subscriptions/confirm?token=${token}`,
  staff: (id: string) => `${config().publicBaseUrl}/staff/?item=${encodeURIComponent(id)}`,
};
