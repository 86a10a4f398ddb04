import { peoplePageQuerySchema } from '../../shared/bills/schemas.js';
import { json, PUBLIC_CACHE, route } from '../lib/http.js';
import { committeeDetail } from '../ops/read-bills.js';

/** A committee: the bills referred to it and its hearings (public, from the LegiScan import). */
export const handler = route({ query: peoplePageQuerySchema }, async ({ path, query }) => {
  return json(200, await committeeDetail(path.name as string, query.page), PUBLIC_CACHE);
});
