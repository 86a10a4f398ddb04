import { createAlertSchema } from '../../shared/alerts/schemas.js';
import { json, route, sourceIp } from '../lib/http.js';
import { languageHeaders, requestTranslator } from '../lib/language.js';
import { requestAlert } from '../ops/alerts.js';

/** Follow a service, an area or a circle: always 202, a confirmation email is on its way (or not, unsaid). */
export const handler = route({ body: createAlertSchema }, async ({ input, event }) => {
  const tr = requestTranslator(event);
  await requestAlert(input, sourceIp(event), tr.lang);
  return json(202, { status: 'pending', message: tr.t('api.alert.pending') }, languageHeaders(tr.lang));
});
