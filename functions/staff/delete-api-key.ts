import { staffActor } from '../lib/claims.js';
import { route } from '../lib/http.js';
import { revokeKey } from '../ops/api-keys.js';

/** Admins revoke an API key: its next request is refused (403). */
export const handler = route({}, async ({ event, path }) => {
  await revokeKey(staffActor(event), path.id as string);
  return { statusCode: 204, headers: { 'cache-control': 'no-store' } };
});
