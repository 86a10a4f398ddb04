import { followSchema } from '../../shared/schemas.js';
import { json, route, sourceIp } from '../lib/http.js';
import { requestLanguage } from '../lib/language.js';
import { followItem } from '../ops/follow.js';
import { FOLLOW_PENDING } from './page.js';

/**
 * Follow a report: sends a confirmation email; nothing else is sent until it is confirmed. Always 202,
 * so the answer never tells whether an address already follows.
 */
export const handler = route({ body: followSchema }, async ({ body, path, event }) => {
  await followItem('report', path.id as string, body.email, sourceIp(event), requestLanguage(event));
  return json(202, FOLLOW_PENDING);
});
