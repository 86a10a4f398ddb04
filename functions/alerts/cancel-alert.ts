import { escapeHtml } from '../../shared/email/templates.js';
import { NotFoundError } from '../../shared/errors.js';
import { linkTokenQuerySchema } from '../../shared/schemas.js';
import { route } from '../lib/http.js';
import { cancelAlertLink } from '../ops/alerts.js';
import { linkResult } from '../subscriptions/page.js';

/**
 * POST is RFC 8058 one-click unsubscribe for one alert (and the button on the GET page); GET only shows
 * the button, so link scanners cannot cancel anyone's alert.
 */
export const handler = route({ query: linkTokenQuerySchema }, async ({ event, query, header }) => {
  const accept = header('accept');
  if (event.requestContext.http.method === 'GET') {
    const form = `<form method="post" action="/api/alerts/unsubscribe?token=${escapeHtml(encodeURIComponent(query.token))}"><button type="submit">Stop this alert</button></form>`;
    return linkResult(accept, 200, 'Stop this alert?', 'Press the button to stop the emails of this alert.', form);
  }
  try {
    await cancelAlertLink(query.token);
    return linkResult(accept, 200, 'Alert stopped', 'You will get no more emails from this alert.');
  } catch (err) {
    if (err instanceof NotFoundError)
      return linkResult(accept, 404, 'Already stopped', 'This link has been used already, or is not valid.');
    throw err;
  }
});
