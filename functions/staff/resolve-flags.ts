import { resolveFlagsSchema } from '../../shared/moderation.js';
import { staffActor } from '../lib/claims.js';
import { etag, ifMatch, json, route } from '../lib/http.js';
import { resolveFlags } from '../ops/moderate.js';
import { toStaffItem } from './view.js';

/** Staff close a report's open flags: keep, hide or redact, recorded in its history. Honours If-Match. */
export const handler = route({ body: resolveFlagsSchema }, async ({ event, input, path }) => {
  const item = await resolveFlags(staffActor(event), path.id as string, input, ifMatch(event));
  return json(200, toStaffItem(item), etag(item.version));
});
