import { createAlertSchema } from '../../shared/alerts/schemas.js';
import { json, route, sourceIp } from '../lib/http.js';
import { requestLanguage } from '../lib/language.js';
import { requestAlert } from '../ops/alerts.js';

/** Follow a service, an area or a circle: always 202, a confirmation email is on its way (or not, unsaid). */
export const handler = route({ body: createAlertSchema }, async ({ input, event }) => {
  await requestAlert(input, sourceIp(event), requestLanguage(event));
  return json(202, { status: 'pending', message: 'Check your inbox: the alert starts once you confirm it from the email we sent.' });
});
