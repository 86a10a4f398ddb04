import { completedMonthsQuerySchema } from '../../shared/schemas.js';
import { json, PUBLIC_CACHE, route } from '../lib/http.js';
import { completedByMonth } from '../ops/read-stats.js';

/** Finished reports per month, newest first (all services, or `service`): one small read, cacheable. */
export const handler = route({ query: completedMonthsQuerySchema }, async ({ query }) =>
  json(200, await completedByMonth(query), PUBLIC_CACHE),
);
