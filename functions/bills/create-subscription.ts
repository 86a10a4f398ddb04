import { followSchema } from '../../shared/schemas.js';
import { json, route, sourceIp } from '../lib/http.js';
import { requestLanguage } from '../lib/language.js';
import { followItem } from '../ops/follow.js';
import { FOLLOW_PENDING } from '../subscriptions/page.js';

/** Follow a bill: the same double opt-in as reports; confirmed followers get every stage change and vote. Always 202. */
export const handler = route({ body: followSchema }, async ({ body, path, event }) => {
  await followItem('bill', path.id as string, body.email, sourceIp(event), requestLanguage(event));
  return json(202, FOLLOW_PENDING);
});
