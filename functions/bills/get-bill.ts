import { toPublicBill } from '../../shared/bills/public.js';
import { truncated } from '../lib/history.js';
import { etag, json, PUBLIC_CACHE, route } from '../lib/http.js';
import { languageHeaders, requestTranslator } from '../lib/language.js';
import { billDetail } from '../ops/read-bills.js';

/** A bill by id, reference or number (latest session), with its votes, roll calls and public history. */
export const handler = route({}, async ({ path, event }) => {
  const tr = requestTranslator(event);
  const { bill, history, historyTruncated, rollCalls } = await billDetail(path.id as string);
  return json(
    200,
    { ...toPublicBill(bill, { history, rollCalls, tr }), ...truncated(historyTruncated) },
    { ...etag(bill.version), ...PUBLIC_CACHE, ...languageHeaders(tr.lang) },
  );
});
