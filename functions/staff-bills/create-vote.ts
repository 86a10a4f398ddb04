import { voteSchema } from '../../shared/bills/schemas.js';
import { staffActor } from '../lib/claims.js';
import { etag, ifMatch, json, route } from '../lib/http.js';
import { recordVote } from '../ops/bills.js';
import { toStaffBill } from './view.js';

/** Records a vote (counts checked against the roll call); a passage vote moves the bill in the same write. */
export const handler = route({ body: voteSchema }, async ({ event, input, path }) => {
  const bill = await recordVote(staffActor(event), path.id as string, input, ifMatch(event));
  return json(201, toStaffBill(bill), etag(bill.version));
});
