import { staffActor } from '../lib/claims.js';
import { json, route } from '../lib/http.js';
import { untrackBill } from '../ops/watchlist.js';

/** Stops tracking a bill: it and the office's note leave the watchlist. */
export const handler = route({}, async ({ event, path }) => {
  const { office, billId } = await untrackBill(staffActor(event), path.id as string);
  return json(200, { office, billId, removed: true });
});
