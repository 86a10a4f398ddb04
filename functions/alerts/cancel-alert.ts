import { escapeHtml } from '../../shared/email/templates.js';
import { NotFoundError } from '../../shared/errors.js';
import { linkTokenQuerySchema } from '../../shared/schemas.js';
import { route } from '../lib/http.js';
import { requestTranslator } from '../lib/language.js';
import { cancelAlertLink } from '../ops/alerts.js';
import { linkResult } from '../subscriptions/page.js';

/**
 * POST is RFC 8058 one-click unsubscribe for one alert (and the button on the GET page); GET only shows
 * the button, so link scanners cannot cancel anyone's alert. The page is in the browser's language.
 */
export const handler = route({ query: linkTokenQuerySchema }, async ({ event, query, header }) => {
  const accept = header('accept');
  const tr = requestTranslator(event);
  if (event.requestContext.http.method === 'GET') {
    const form = `<form method="post" action="/api/alerts/unsubscribe?token=${escapeHtml(encodeURIComponent(query.token))}"><button type="submit">${escapeHtml(tr.t('api.link.alert.stop.button'))}</button></form>`;
    return linkResult(accept, 200, tr.t('api.link.alert.stop.title'), tr.t('api.link.alert.stop.message'), form, tr);
  }
  try {
    await cancelAlertLink(query.token);
    return linkResult(accept, 200, tr.t('api.link.alert.stopped.title'), tr.t('api.link.alert.stopped.message'), '', tr);
  } catch (err) {
    if (err instanceof NotFoundError)
      return linkResult(accept, 404, tr.t('api.link.alert.gone.title'), tr.t('api.link.gone.message'), '', tr);
    throw err;
  }
});
