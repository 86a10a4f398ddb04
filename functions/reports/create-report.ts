import { toPublicItem } from '../../shared/public-view.js';
import { createReportSchema, idempotencyKeySchema } from '../../shared/schemas.js';
import { parseWith } from '../../shared/validation.js';
import { etag, json, route, sourceIp } from '../lib/http.js';
import { requestLanguage } from '../lib/language.js';
import { createReport } from '../ops/create-report.js';

/** A citizen files a report. Same Idempotency-Key + same body → the same item, never two. Limited per client (429). */
export const handler = route({ body: createReportSchema }, async ({ body, header, event }) => {
  const raw = header('idempotency-key');
  const key = raw === undefined ? undefined : parseWith(idempotencyKeySchema, raw, 'header.Idempotency-Key');
  const { item, history, queuePosition } = await createReport(body, key, sourceIp(event), undefined, requestLanguage(event));
  return json(201, toPublicItem(item, { history, queuePosition }), { location: `/api/reports/${item.id}`, ...etag(item.version) });
});
