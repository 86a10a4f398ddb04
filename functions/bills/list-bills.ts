import { toPublicBill } from '../../shared/bills/public.js';
import { listBillsQuerySchema } from '../../shared/bills/schemas.js';
import { json, PUBLIC_CACHE, route } from '../lib/http.js';
import { languageHeaders, requestTranslator } from '../lib/language.js';
import { listBills } from '../ops/read-bills.js';

/** Bills by phase, stage, session, sponsor or text; `upForVote=true` lists scheduled votes, soonest first. */
export const handler = route({ query: listBillsQuerySchema }, async ({ query, event }) => {
  const page = await listBills(query);
  const tr = requestTranslator(event);
  const items = page.items.map((b) => toPublicBill(b, { tr }));
  return json(200, { items, nextCursor: page.nextCursor }, { ...PUBLIC_CACHE, ...languageHeaders(tr.lang) });
});
