import { staffActor } from '../lib/claims.js';
import { json, route } from '../lib/http.js';
import { listKeys } from '../ops/api-keys.js';

/** Admins list the API keys (names, services, rates, revocations; never a secret). */
export const handler = route({}, async ({ event }) => json(200, { items: await listKeys(staffActor(event)) }));
