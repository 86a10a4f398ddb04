import { escapeHtml } from '../../shared/email/templates.js';
import { NotFoundError } from '../../shared/errors.js';
import { defaultLanguage } from '../../shared/i18n/board.js';
import { linkTokenQuerySchema } from '../../shared/schemas.js';
import { route } from '../lib/http.js';
import { requestTranslator } from '../lib/language.js';
import { confirmAlertLink } from '../ops/alerts.js';
import { linkFailure, linkResult } from '../subscriptions/page.js';

/** The link in the alert's confirmation email: the alert starts matching new reports. The page is in the browser's language. */
export const handler = route({ query: linkTokenQuerySchema }, async ({ query, header, event }) => {
  const tr = requestTranslator(event);
  try {
    const alert = await confirmAlertLink(query.token);
    // The page only its owner opens (no-store, no referrer) links to "manage my alerts" at once, in the page's language.
    const manage = `${tr.lang === defaultLanguage ? '' : `/${tr.lang}`}/alerts/?token=${encodeURIComponent(alert.unsubscribeToken)}`;
    return linkResult(
      header('accept'),
      200,
      tr.t('api.link.alert.title'),
      tr.t('api.link.alert.message'),
      `<p><a href="${escapeHtml(manage)}">${escapeHtml(tr.t('api.link.alert.manage'))}</a></p>`,
      tr,
    );
  } catch (err) {
    if (err instanceof NotFoundError)
      return linkResult(header('accept'), 404, tr.t('api.problem.link.title'), linkFailure(tr, err.message), '', tr);
    throw err;
  }
});
