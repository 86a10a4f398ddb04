import { staffActor } from '../lib/claims.js';
import { truncated } from '../lib/history.js';
import { etag, json, route } from '../lib/http.js';
import { staffBillDetail } from '../ops/read-bills.js';
import { toStaffBill } from './view.js';

/** A bill for legislature staff: full history, allowed moves, and their office's note on it. */
export const handler = route({}, async ({ event, path }) => {
  const { bill, history, historyTruncated, watch } = await staffBillDetail(staffActor(event), path.id as string);
  return json(200, { ...toStaffBill(bill, { history, watch }), ...truncated(historyTruncated) }, etag(bill.version));
});
