import { mapCellsQuerySchema } from '../../shared/schemas.js';
import { json, MAP_CACHE, route } from '../lib/http.js';
import { mapTile } from '../ops/read-map.js';

/** One tile of map cells with their counts per phase (`?precision=&tile=&service=`): one small read, cached at the CDN. */
export const handler = route({ query: mapCellsQuerySchema }, async ({ query }) => json(200, await mapTile(query), MAP_CACHE));
