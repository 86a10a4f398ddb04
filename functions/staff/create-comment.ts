import { commentSchema } from '../../shared/schemas.js';
import { staffActor } from '../lib/claims.js';
import { etag, ifMatch, json, route } from '../lib/http.js';
import { commentOnReport } from '../ops/change-report.js';
import { toStaffItem } from './view.js';

/** A public comment (emails followers) or an internal note (staff only). Honours If-Match. */
export const handler = route({ body: commentSchema }, async ({ event, input, path }) => {
  const item = await commentOnReport(staffActor(event), path.id as string, input, ifMatch(event));
  return json(201, toStaffItem(item), etag(item.version));
});
