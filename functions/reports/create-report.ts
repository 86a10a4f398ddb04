import { toPublicItem } from '../../shared/public-view.js';
import { createReportSchema, idempotencyKeySchema } from '../../shared/schemas.js';
import { parseWith } from '../../shared/validation.js';
import { etag, json, route, sourceIp } from '../lib/http.js';
import { languageHeaders, requestTranslator } from '../lib/language.js';
import { createReport } from '../ops/create-report.js';

/** A citizen files a report. Same Idempotency-Key + same body → the same item, never two. Limited per client (429). */
export const handler = route({ body: createReportSchema }, async ({ body, header, event }) => {
  const raw = header('idempotency-key');
  const key = raw === undefined ? undefined : parseWith(idempotencyKeySchema, raw, 'header.Idempotency-Key');
  const tr = requestTranslator(event);
  const { item, history, queuePosition } = await createReport(body, key, sourceIp(event), undefined, tr.lang);
  return json(201, toPublicItem(item, { history, queuePosition, tr }), {
    location: `/api/reports/${item.id}`,
    ...etag(item.version),
    ...languageHeaders(tr.lang),
  });
});
