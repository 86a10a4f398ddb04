import { toPublicItem } from '../../shared/public-view.js';
import { createReportSchema, idempotencyKeySchema } from '../../shared/schemas.js';
import { parseWith } from '../../shared/validation.js';
import { etag, json, route } from '../lib/http.js';
import { queuePosition } from '../store/queue-counts.js';
import { createReport } from '../store/reports.js';

/** A citizen files a report. Same Idempotency-Key + same body → the same item, never two. */
export const handler = route({ body: createReportSchema }, async ({ body, header }) => {
  const raw = header('idempotency-key');
  const key = raw === undefined ? undefined : parseWith(idempotencyKeySchema, raw, 'header.Idempotency-Key');
  const { item, history } = await createReport(body, key);
  return json(201, toPublicItem(item, { history, queuePosition: await queuePosition(item) }), {
    location: `/api/reports/${item.id}`,
    ...etag(item.version),
  });
});
