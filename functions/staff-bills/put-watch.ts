import { watchNoteSchema } from '../../shared/bills/schemas.js';
import { staffActor } from '../lib/claims.js';
import { json, route } from '../lib/http.js';
import { trackBill } from '../ops/watchlist.js';

/** Tracks a bill on the caller's office watchlist, or updates the office's private note on it. */
export const handler = route({ body: watchNoteSchema }, async ({ event, input, path }) => {
  const entry = await trackBill(staffActor(event), path.id as string, input);
  return json(200, { office: entry.office, billId: entry.billId, note: entry.note, addedAt: entry.addedAt, updatedAt: entry.updatedAt });
});
