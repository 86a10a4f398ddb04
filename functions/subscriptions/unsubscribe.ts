import { escapeHtml } from '../../shared/email/templates.js';
import { NotFoundError } from '../../shared/errors.js';
import { linkTokenQuerySchema } from '../../shared/schemas.js';
import { route } from '../lib/http.js';
import { requestTranslator } from '../lib/language.js';
import { unfollow } from '../ops/follow.js';
import { linkResult } from './page.js';

/**
 * POST is RFC 8058 one-click unsubscribe (mail clients post `List-Unsubscribe=One-Click`) and the
 * button on the GET page; GET only shows that button, so link scanners cannot unsubscribe anyone.
 * The page is in the browser's language.
 */
export const handler = route({ query: linkTokenQuerySchema }, async ({ event, query, header }) => {
  const accept = header('accept');
  const tr = requestTranslator(event);
  if (event.requestContext.http.method === 'GET') {
    const form = `<form method="post" action="/api/subscriptions/unsubscribe?token=${escapeHtml(encodeURIComponent(query.token))}"><button type="submit">${escapeHtml(tr.t('api.link.unsubscribe.button'))}</button></form>`;
    return linkResult(accept, 200, tr.t('api.link.unsubscribe.ask.title'), tr.t('api.link.unsubscribe.ask.message'), form, tr);
  }
  try {
    await unfollow(query.token);
    return linkResult(accept, 200, tr.t('api.link.unsubscribe.done.title'), tr.t('api.link.unsubscribe.done.message'), '', tr);
  } catch (err) {
    if (err instanceof NotFoundError)
      return linkResult(accept, 404, tr.t('api.link.unsubscribe.gone.title'), tr.t('api.link.gone.message'), '', tr);
    throw err;
  }
});
