import { json, PUBLIC_CACHE, route } from '../lib/http.js';
import { areaShapes } from '../ops/read-areas.js';

/** The areas as GeoJSON simplified for the browser (`/config.json` `areas.url`). */
export const handler = route({}, async () => json(200, areaShapes(), PUBLIC_CACHE));
