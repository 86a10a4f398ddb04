import { patchReportSchema } from '../../shared/schemas.js';
import { staffActor } from '../lib/claims.js';
import { etag, ifMatch, json, route } from '../lib/http.js';
import { patchReport } from '../ops/change-report.js';
import { toStaffItem } from './view.js';

/**
 * Staff edit priority, assignee (one owner from the service's team; "me"; null unassigns), service,
 * title or pin. Honours If-Match.
 */
export const handler = route({ body: patchReportSchema }, async ({ event, input, path }) => {
  const item = await patchReport(staffActor(event), path.id as string, input, ifMatch(event));
  return json(200, toStaffItem(item), etag(item.version));
});
