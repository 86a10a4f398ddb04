import { followSchema } from '../../shared/schemas.js';
import { json, route, sourceIp } from '../lib/http.js';
import { languageHeaders, requestTranslator } from '../lib/language.js';
import { followItem } from '../ops/follow.js';
import { followPending } from './page.js';

/**
 * Follow a report: sends a confirmation email; nothing else is sent until it is confirmed. Always 202,
 * so the answer never tells whether an address already follows.
 */
export const handler = route({ body: followSchema }, async ({ body, path, event }) => {
  const tr = requestTranslator(event);
  await followItem('report', path.id as string, body.email, sourceIp(event), tr.lang);
  return json(202, followPending(tr), languageHeaders(tr.lang));
});
