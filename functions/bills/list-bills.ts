import { toPublicBill } from '../../shared/bills/public.js';
import { listBillsQuerySchema } from '../../shared/bills/schemas.js';
import { json, PUBLIC_CACHE, route } from '../lib/http.js';
import { listBills } from '../ops/read-bills.js';

/** Bills by phase, stage, session, sponsor or text; `upForVote=true` lists scheduled votes, soonest first. */
export const handler = route({ query: listBillsQuerySchema }, async ({ query }) => {
  const page = await listBills(query);
  return json(200, { items: page.items.map((b) => toPublicBill(b)), nextCursor: page.nextCursor }, PUBLIC_CACHE);
});
