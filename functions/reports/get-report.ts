import { toPublicItem } from '../../shared/public-view.js';
import { truncated } from '../lib/history.js';
import { etag, json, PUBLIC_CACHE, route } from '../lib/http.js';
import { languageHeaders, requestTranslator } from '../lib/language.js';
import { reportDetail } from '../ops/read-reports.js';

/** A report by id or reference, with its public history and queue position. */
export const handler = route({}, async ({ path, event }) => {
  const tr = requestTranslator(event);
  const { item, history, historyTruncated, queuePosition } = await reportDetail(path.id as string);
  return json(
    200,
    { ...toPublicItem(item, { history, queuePosition, tr }), ...truncated(historyTruncated) },
    { ...etag(item.version), ...PUBLIC_CACHE, ...languageHeaders(tr.lang) },
  );
});
