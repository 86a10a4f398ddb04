import { json, PUBLIC_CACHE, route } from '../lib/http.js';
import { areaSummaries } from '../ops/read-areas.js';

/** The jurisdiction's areas (wards, districts) with their waiting / in-progress / finished counts. */
export const handler = route({}, async () => json(200, await areaSummaries(), PUBLIC_CACHE));
