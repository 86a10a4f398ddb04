import { transitionSchema } from '../../shared/schemas.js';
import { staffActor } from '../lib/claims.js';
import { etag, ifMatch, json, route } from '../lib/http.js';
import { transitionReport } from '../ops/change-report.js';
import { toStaffItem } from './view.js';

/** Moves a report along its workflow; the event and the update emails commit with it. Honours If-Match. */
export const handler = route({ body: transitionSchema }, async ({ event, input, path }) => {
  const item = await transitionReport(staffActor(event), path.id as string, input, ifMatch(event));
  return json(200, toStaffItem(item), etag(item.version));
});
