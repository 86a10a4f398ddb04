import { peoplePageQuerySchema } from '../../shared/bills/schemas.js';
import { json, PUBLIC_CACHE, route } from '../lib/http.js';
import { memberDetail } from '../ops/read-bills.js';

/** A legislator: the bills they sponsor, their roll-call record and attendance (public, from the LegiScan import). */
export const handler = route({ query: peoplePageQuerySchema }, async ({ path, query }) => {
  return json(200, await memberDetail(path.id as string, query.page), PUBLIC_CACHE);
});
