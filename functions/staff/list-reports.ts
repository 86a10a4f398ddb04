import { staffListQuerySchema } from '../../shared/schemas.js';
import { parseWith } from '../../shared/validation.js';
import { staffActor } from '../lib/claims.js';
import { json, route } from '../lib/http.js';
import { staffReports } from '../ops/read-reports.js';
import { toStaffItem } from './view.js';

/** The work list: only services the signed-in staff member's groups may act on. `assignee=me` works. */
export const handler = route({ laterQuery: staffListQuerySchema }, async ({ event }) => {
  // The query is validated inside the operation, once it has decided the caller may list (403 before 400).
  const raw = event.queryStringParameters ?? {};
  const page = await staffReports(staffActor(event), () => parseWith(staffListQuerySchema, raw, 'query'), raw.service);
  return json(200, { items: page.items.map((i) => toStaffItem(i)), nextCursor: page.nextCursor });
});
