import { followSchema } from '../../shared/schemas.js';
import { json, route, sourceIp } from '../lib/http.js';
import { languageHeaders, requestTranslator } from '../lib/language.js';
import { followItem } from '../ops/follow.js';
import { followPending } from '../subscriptions/page.js';

/** Follow a bill: the same double opt-in as reports; confirmed followers get every stage change and vote. Always 202. */
export const handler = route({ body: followSchema }, async ({ body, path, event }) => {
  const tr = requestTranslator(event);
  await followItem('bill', path.id as string, body.email, sourceIp(event), tr.lang);
  return json(202, followPending(tr), languageHeaders(tr.lang));
});
