import { requireTeam } from '../../shared/actor.js';
import { OFFICE_GROUP_PREFIX, officeOf } from '../../shared/bills/office.js';
import { getService } from '../../shared/catalog/index.js';
import { staffActor } from '../lib/claims.js';
import { etag, json, route } from '../lib/http.js';
import { getBillDetail } from '../store/bills.js';
import { getWatch } from '../store/watchlist.js';
import { toStaffBill } from './view.js';

/** A bill for legislature staff: full history, allowed moves, and their office's note on it. */
export const handler = route({}, async ({ event, path }) => {
  const actor = staffActor(event);
  const { bill, history } = await getBillDetail(path.id as string);
  requireTeam(actor, getService(bill.serviceCode));
  const office = actor.groups.some((g) => g.startsWith(OFFICE_GROUP_PREFIX)) ? officeOf(actor) : undefined;
  const watch = office ? await getWatch(office, bill.id) : undefined;
  return json(200, toStaffBill(bill, { history, watch }), etag(bill.version));
});
