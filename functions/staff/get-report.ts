import { requireTeam } from '../../shared/actor.js';
import { getService } from '../../shared/catalog/index.js';
import { staffActor } from '../lib/claims.js';
import { etag, json, route } from '../lib/http.js';
import { getItemWithHistory } from '../store/items.js';
import { queuePosition } from '../store/queue-counts.js';
import { toStaffItem } from './view.js';

/** Everything about an item for its team: contact, internal notes, full history. */
export const handler = route({}, async ({ event, path }) => {
  const actor = staffActor(event);
  const { item, history } = await getItemWithHistory(path.id as string);
  requireTeam(actor, getService(item.serviceCode));
  return json(200, toStaffItem(item, { history, queuePosition: await queuePosition(item) }), etag(item.version));
});
