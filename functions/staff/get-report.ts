import { staffActor } from '../lib/claims.js';
import { etag, json, route } from '../lib/http.js';
import { staffReportDetail } from '../ops/read-reports.js';
import { toStaffItem } from './view.js';

/** Everything about a report for its team: contact, internal notes, full history. */
export const handler = route({}, async ({ event, path }) => {
  const { item, history, queuePosition } = await staffReportDetail(staffActor(event), path.id as string);
  return json(200, toStaffItem(item, { history, queuePosition }), etag(item.version));
});
