import type { StaffActor } from '../../shared/actor.js';
import type { Assignee } from '../../shared/items.js';
import { patchReportSchema } from '../../shared/schemas.js';
import { staffActor } from '../lib/claims.js';
import { etag, ifMatch, json, route } from '../lib/http.js';
import { patchReport } from '../store/reports.js';
import { toStaffItem } from './view.js';

/** Staff edit priority, assignee (one owner; null unassigns), service, title or pin. Honours If-Match. */
export const handler = route({ body: patchReportSchema }, async ({ event, body, path }) => {
  const actor = staffActor(event);
  const item = await patchReport(path.id as string, actor, body, assigneeOf(actor, body.assignee), { ifMatch: ifMatch(event) });
  return json(200, toStaffItem(item), etag(item.version));
});

function assigneeOf(actor: StaffActor, assignee: string | null | undefined): Assignee | null | undefined {
  if (assignee === undefined || assignee === null) return assignee;
  const id = assignee === 'me' ? actor.id : assignee;
  return { id, name: id === actor.id ? actor.name : id };
}
