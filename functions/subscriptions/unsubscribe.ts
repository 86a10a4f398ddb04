import { escapeHtml } from '../../shared/email/templates.js';
import { NotFoundError } from '../../shared/errors.js';
import { linkTokenQuerySchema } from '../../shared/schemas.js';
import { route } from '../lib/http.js';
import { unfollow } from '../ops/follow.js';
import { linkResult } from './page.js';

/**
 * POST is RFC 8058 one-click unsubscribe (mail clients post `List-Unsubscribe=One-Click`) and the
 * button on the GET page; GET only shows that button, so link scanners cannot unsubscribe anyone.
 */
export const handler = route({ query: linkTokenQuerySchema }, async ({ event, query, header }) => {
  const accept = header('accept');
  if (event.requestContext.http.method === 'GET') {
    const form = `<form method="post" action="/api/subscriptions/unsubscribe?token=${escapeHtml(encodeURIComponent(query.token))}"><button type="submit">Stop these emails</button></form>`;
    return linkResult(
      accept,
      200,
      'Stop emails about this item?',
      'Press the button to stop all emails about this item to this address.',
      form,
    );
  }
  try {
    await unfollow(query.token);
    return linkResult(accept, 200, 'Unsubscribed', 'You will get no more emails about this item.');
  } catch (err) {
    if (err instanceof NotFoundError)
      return linkResult(accept, 404, 'Already unsubscribed', 'This link has been used already, or is not valid.');
    throw err;
  }
});
