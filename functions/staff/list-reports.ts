import { staffListQuerySchema } from '../../shared/schemas.js';
import { staffActor } from '../lib/claims.js';
import { json, route } from '../lib/http.js';
import { staffReports } from '../ops/read-reports.js';
import { toStaffItem } from './view.js';

/** The work list: only services the signed-in staff member's groups may act on. `assignee=me` works. */
export const handler = route({ query: staffListQuerySchema }, async ({ event, query }) => {
  const page = await staffReports(staffActor(event), query);
  return json(200, { items: page.items.map((i) => toStaffItem(i)), nextCursor: page.nextCursor });
});
