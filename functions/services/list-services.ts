import { json, PUBLIC_CACHE, route } from '../lib/http.js';
import { publicCatalog } from '../ops/catalog.js';

/** The catalog with each service's workflow (states, labels, phases, allowed transitions). */
export const handler = route({}, async () => json(200, { items: publicCatalog() }, PUBLIC_CACHE));
