import { watchAlertsSchema } from '../../shared/bills/schemas.js';
import { staffActor } from '../lib/claims.js';
import { json, route } from '../lib/http.js';
import { changeAlerts } from '../ops/watchlist.js';

/** Turns the caller's watchlist alerts on or off (each office member opts in for themselves). */
export const handler = route({ body: watchAlertsSchema }, async ({ event, input }) =>
  json(200, await changeAlerts(staffActor(event), input)),
);
