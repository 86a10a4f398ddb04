import { toPublicItem } from '../../shared/public-view.js';
import { etag, json, PUBLIC_CACHE, route } from '../lib/http.js';
import { getItemWithHistory } from '../store/items.js';
import { queuePosition } from '../store/queue-counts.js';

/** A report by id or reference, with its public history and queue position. */
export const handler = route({}, async ({ path }) => {
  const { item, history } = await getItemWithHistory(path.id as string);
  const position = await queuePosition(item);
  return json(200, toPublicItem(item, { history, queuePosition: position }), { ...etag(item.version), ...PUBLIC_CACHE });
});
