import { toPublicBill } from '../../shared/bills/public.js';
import { staffActor } from '../lib/claims.js';
import { json, route } from '../lib/http.js';
import { officeWatchlist } from '../ops/watchlist.js';

/** The caller's office watchlist: each tracked bill as it is now, with the office's private note. */
export const handler = route({}, async ({ event }) => {
  const { office, rows } = await officeWatchlist(staffActor(event));
  const items = rows.map(({ entry, bill }) => ({
    billId: entry.billId,
    note: entry.note,
    addedAt: entry.addedAt,
    updatedAt: entry.updatedAt,
    bill: bill && toPublicBill(bill),
  }));
  return json(200, { office, items });
});
