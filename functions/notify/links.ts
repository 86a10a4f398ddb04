import { defaultLanguage } from '../../shared/i18n/board.js';
import { config } from '../lib/env.js';

/**
 * A site page in a language: the default language at the root, others under `/<lang>/` (the site's
 * layout, site/src/pages/[...lang]/), so a Welsh follower's links open the Welsh pages.
 * @example sitePage('/track/?id=RF-1', 'cy') // 'https://board.example/cy/track/?id=RF-1'
 */
export const sitePage = (path: string, lang: string = defaultLanguage) =>
  `${config().publicBaseUrl}${lang === defaultLanguage ? '' : `/${lang}`}${path}`;

/** Absolute links for emails, from the configured public base URL. */
export const links = {
  track: (reference: string, lang?: string) => sitePage(`/track/?id=${encodeURIComponent(reference)}`, lang),
  unsubscribe: (token: string) => `${config().publicBaseUrl}/api/subscriptions/unsubscribe?token=${token}`,
  confirm: (token: string) => `${config().publicBaseUrl}/api/subscriptions/confirm?token=${token}`,
  staff: (id: string) => `${config().publicBaseUrl}/staff/?item=${encodeURIComponent(id)}`,
};
