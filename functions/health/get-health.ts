import { json, route } from '../lib/http.js';
import { checkHealth } from '../ops/health.js';

/** 200 while the store answers; 503 problem+json (with Retry-After) while it does not. */
export const handler = route({}, async () => json(200, await checkHealth()));
