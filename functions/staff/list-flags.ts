import { staffActor } from '../lib/claims.js';
import { json, route } from '../lib/http.js';
import { moderationQueue } from '../ops/moderate.js';

/** The moderation queue: flagged reports of the caller's services, with the count and the latest reasons. */
export const handler = route({}, async ({ event }) => json(200, { items: await moderationQueue(staffActor(event)) }));
