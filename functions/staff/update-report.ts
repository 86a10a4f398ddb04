import { findService, getService } from '../../shared/catalog/index.js';
import { patchReportSchema } from '../../shared/schemas.js';
import { resolveAssignee } from '../directory/team.js';
import { staffActor } from '../lib/claims.js';
import { etag, ifMatch, json, route } from '../lib/http.js';
import { getItem } from '../store/items.js';
import { patchReport } from '../store/reports.js';
import { toStaffItem } from './view.js';

/**
 * Staff edit priority, assignee (one owner from the service's team; "me"; null unassigns), service,
 * title or pin. Honours If-Match.
 */
export const handler = route({ body: patchReportSchema }, async ({ event, body, path }) => {
  const actor = staffActor(event);
  let assignee: Awaited<ReturnType<typeof resolveAssignee>> | null | undefined = body.assignee === null ? null : undefined;
  if (body.assignee) {
    const current = await getItem(path.id as string);
    // An unknown serviceCode is reported by the patch itself (400); assign against the current service here.
    const service = (body.serviceCode && findService(body.serviceCode)) || getService(current.serviceCode);
    assignee = await resolveAssignee(body.assignee === 'me' ? actor.id : body.assignee, service);
  }
  const item = await patchReport(path.id as string, actor, body, assignee, { ifMatch: ifMatch(event) });
  return json(200, toStaffItem(item), etag(item.version));
});
