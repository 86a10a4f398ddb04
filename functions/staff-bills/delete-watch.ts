import { officeOf } from '../../shared/bills/office.js';
import { staffActor } from '../lib/claims.js';
import { json, route } from '../lib/http.js';
import { resolveBillId } from '../store/bills.js';
import { deleteWatch } from '../store/watchlist.js';

/** Stops tracking a bill: it and the office's note leave the watchlist. */
export const handler = route({}, async ({ event, path }) => {
  const office = officeOf(staffActor(event));
  const id = (await resolveBillId(path.id as string)) ?? (path.id as string);
  await deleteWatch(office, id);
  return json(200, { office, billId: id, removed: true });
});
