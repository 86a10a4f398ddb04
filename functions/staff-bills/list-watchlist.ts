import { toPublicBill } from '../../shared/bills/public.js';
import { watchlistQuerySchema } from '../../shared/bills/schemas.js';
import { parseWith } from '../../shared/validation.js';
import { staffActor } from '../lib/claims.js';
import { json, route } from '../lib/http.js';
import { exportWatchlist } from '../ops/watchlist.js';

/** The caller's office watchlist: each tracked bill as it is now, with the office's private note; `?format=csv` downloads it. */
export const handler = route({ laterQuery: watchlistQuerySchema }, async ({ event }) => {
  const query = () => parseWith(watchlistQuerySchema, event.queryStringParameters ?? {}, 'query');
  const { office, rows, csv } = await exportWatchlist(staffActor(event), query);
  if (csv !== undefined) {
    return {
      statusCode: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="watchlist-${office}.csv"`,
        'cache-control': 'no-store',
      },
      body: csv,
    };
  }
  const items = rows.map(({ entry, bill }) => ({
    billId: entry.billId,
    note: entry.note,
    addedAt: entry.addedAt,
    updatedAt: entry.updatedAt,
    bill: bill && toPublicBill(bill),
  }));
  return json(200, { office, items });
});
