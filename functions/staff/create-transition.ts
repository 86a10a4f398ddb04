import { transitionSchema } from '../../shared/schemas.js';
import { staffActor } from '../lib/claims.js';
import { etag, ifMatch, json, route } from '../lib/http.js';
import { transitionReport } from '../store/reports.js';
import { toStaffItem } from './view.js';

/** Moves an item along its workflow; the event and the update emails commit with it. Honours If-Match. */
export const handler = route({ body: transitionSchema }, async ({ event, body, path }) => {
  const item = await transitionReport(path.id as string, staffActor(event), body, { ifMatch: ifMatch(event) });
  return json(200, toStaffItem(item), etag(item.version));
});
