import { redactionSchema } from '../../shared/moderation.js';
import { staffActor } from '../lib/claims.js';
import { etag, ifMatch, json, route } from '../lib/http.js';
import { redactReport } from '../ops/moderate.js';
import { toStaffItem } from './view.js';

/** Staff redact a title, description, address, public comment or photo: the public sees the replacement. Honours If-Match. */
export const handler = route({ body: redactionSchema }, async ({ event, input, path }) => {
  const item = await redactReport(staffActor(event), path.id as string, input, ifMatch(event));
  return json(201, toStaffItem(item), etag(item.version));
});
