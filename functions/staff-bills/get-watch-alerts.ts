import { staffActor } from '../lib/claims.js';
import { json, route } from '../lib/http.js';
import { alertSetting } from '../ops/watchlist.js';

/** Whether the caller gets an email when a bill on their office's watchlist changes stage or gets a vote. */
export const handler = route({}, async ({ event }) => json(200, await alertSetting(staffActor(event))));
