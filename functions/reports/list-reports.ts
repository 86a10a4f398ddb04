import { toPublicItem } from '../../shared/public-view.js';
import { listReportsQuerySchema } from '../../shared/schemas.js';
import { json, PUBLIC_CACHE, route } from '../lib/http.js';
import { languageHeaders, requestTranslator } from '../lib/language.js';
import { publicReports } from '../ops/read-reports.js';

/** Reports by bounding box, service, phase and update time; paged with an opaque cursor. */
export const handler = route({ query: listReportsQuerySchema }, async ({ query, event }) => {
  const page = await publicReports(query);
  const tr = requestTranslator(event);
  const items = page.items.map((i) => toPublicItem(i, { tr }));
  return json(200, { items, nextCursor: page.nextCursor }, { ...PUBLIC_CACHE, ...languageHeaders(tr.lang) });
});
