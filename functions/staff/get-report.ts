import { staffActor } from '../lib/claims.js';
import { truncated } from '../lib/history.js';
import { etag, json, route } from '../lib/http.js';
import { staffReportDetail } from '../ops/read-reports.js';
import { toStaffItem } from './view.js';

/** Everything about a report for its team: contact, internal notes, full history. */
export const handler = route({}, async ({ event, path }) => {
  const { item, history, historyTruncated, queuePosition } = await staffReportDetail(staffActor(event), path.id as string);
  return json(200, { ...toStaffItem(item, { history, queuePosition }), ...truncated(historyTruncated) }, etag(item.version));
});
