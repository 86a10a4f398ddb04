import { officeOf } from '../../shared/bills/office.js';
import { watchNoteSchema } from '../../shared/bills/schemas.js';
import { staffActor } from '../lib/claims.js';
import { json, route } from '../lib/http.js';
import { getBill } from '../store/bills.js';
import { putWatch } from '../store/watchlist.js';

/** Tracks a bill on the caller's office watchlist, or updates the office's private note on it. */
export const handler = route({ body: watchNoteSchema }, async ({ event, body, path }) => {
  const actor = staffActor(event);
  const office = officeOf(actor);
  const bill = await getBill(path.id as string);
  const entry = await putWatch(office, bill, body.note, actor);
  return json(200, { office, billId: bill.id, note: entry.note, addedAt: entry.addedAt, updatedAt: entry.updatedAt });
});
