import { createApiKeySchema } from '../../shared/open311/api-keys.js';
import { staffActor } from '../lib/claims.js';
import { json, route } from '../lib/http.js';
import { createApiKey } from '../ops/api-keys.js';

/** Admins issue an Open311 API key: the secret is in this response and nowhere else, ever. */
export const handler = route({ body: createApiKeySchema }, async ({ event, input }) => {
  const key = await createApiKey(staffActor(event), input);
  return json(201, key, { location: `/api/staff/api-keys/${key.id}` });
});
