import { createBillSchema } from '../../shared/bills/schemas.js';
import { staffActor } from '../lib/claims.js';
import { etag, json, route } from '../lib/http.js';
import { createBill } from '../ops/bills.js';
import { toStaffBill } from './view.js';

/** Legislature staff file a bill; its number must be new in its session (409 otherwise). */
export const handler = route({ body: createBillSchema }, async ({ event, input }) => {
  const { bill, history } = await createBill(staffActor(event), input);
  return json(201, toStaffBill(bill, { history }), { location: `/api/bills/${bill.id}`, ...etag(bill.version) });
});
