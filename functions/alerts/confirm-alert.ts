import { escapeHtml } from '../../shared/email/templates.js';
import { NotFoundError } from '../../shared/errors.js';
import { linkTokenQuerySchema } from '../../shared/schemas.js';
import { route } from '../lib/http.js';
import { confirmAlertLink } from '../ops/alerts.js';
import { linkResult } from '../subscriptions/page.js';

/** The link in the alert's confirmation email: the alert starts matching new reports. */
export const handler = route({ query: linkTokenQuerySchema }, async ({ query, header }) => {
  try {
    const alert = await confirmAlertLink(query.token);
    // The page only its owner opens (no-store, no referrer) links to "manage my alerts" at once.
    return linkResult(
      header('accept'),
      200,
      'Your alert is on',
      'We will email you about matching reports. Every email has a link to stop.',
      `<p><a href="/alerts/?token=${escapeHtml(encodeURIComponent(alert.unsubscribeToken))}">Manage my alerts</a></p>`,
    );
  } catch (err) {
    if (err instanceof NotFoundError) return linkResult(header('accept'), 404, 'Link not valid', err.message);
    throw err;
  }
});
