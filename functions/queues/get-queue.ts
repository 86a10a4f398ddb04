import { redactedText } from '../../shared/moderation.js';
import { publicText, serviceName, statusLabel } from '../../shared/public-view.js';
import { queueQuerySchema } from '../../shared/schemas.js';
import { json, PUBLIC_CACHE, route } from '../lib/http.js';
import { languageHeaders, requestTranslator } from '../lib/language.js';
import { serviceQueue } from '../ops/read-reports.js';

/** A service's waiting queue in order: priority (urgent first), then age (oldest first). */
export const handler = route({ query: queueQuerySchema }, async ({ path, query, event }) => {
  const tr = requestTranslator(event);
  const { service, items, nextCursor } = await serviceQueue(path.serviceCode as string, query);
  const rows = items.map((i) => ({
    position: i.position,
    id: i.id,
    reference: i.reference,
    title: publicText(redactedText(i, 'title', i.title)),
    priority: i.priority,
    status: i.status,
    statusLabel: statusLabel(service, i.status, tr),
    createdAt: i.createdAt,
  }));
  const body = { service: { code: service.code, name: serviceName(service, tr) }, items: rows, nextCursor };
  return json(200, body, { ...PUBLIC_CACHE, ...languageHeaders(tr.lang) });
});
