import { toPublicItem } from '../../shared/public-view.js';
import { truncated } from '../lib/history.js';
import { etag, json, PUBLIC_CACHE, route } from '../lib/http.js';
import { reportDetail } from '../ops/read-reports.js';

/** A report by id or reference, with its public history and queue position. */
export const handler = route({}, async ({ path }) => {
  const { item, history, historyTruncated, queuePosition } = await reportDetail(path.id as string);
  return json(
    200,
    { ...toPublicItem(item, { history, queuePosition }), ...truncated(historyTruncated) },
    { ...etag(item.version), ...PUBLIC_CACHE },
  );
});
