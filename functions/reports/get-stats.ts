import { statsCsv, statsQuerySchema } from '../../shared/sla/index.js';
import { json, PUBLIC_CACHE, route } from '../lib/http.js';
import { readStats } from '../ops/read-stats.js';

/** Public performance figures (SPEC §9), as JSON or, with `format=csv`, as a CSV download. Cacheable. */
export const handler = route({ query: statsQuerySchema }, async ({ query }) => {
  const stats = await readStats(query);
  if (query.format === 'json') return json(200, stats, PUBLIC_CACHE);
  return {
    statusCode: 200,
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="stats.csv"', ...PUBLIC_CACHE },
    body: statsCsv(stats),
  };
});
