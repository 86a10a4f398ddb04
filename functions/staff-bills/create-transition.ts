import { billTransitionSchema } from '../../shared/bills/schemas.js';
import { staffActor } from '../lib/claims.js';
import { etag, ifMatch, json, route } from '../lib/http.js';
import { transitionBill } from '../ops/bills.js';
import { toStaffBill } from './view.js';

/** Moves a bill a stage; `scheduledVote: {at}` when the stage schedules a vote. Honours If-Match. */
export const handler = route({ body: billTransitionSchema }, async ({ event, input, path }) => {
  const bill = await transitionBill(staffActor(event), path.id as string, input, ifMatch(event));
  return json(200, toStaffBill(bill), etag(bill.version));
});
