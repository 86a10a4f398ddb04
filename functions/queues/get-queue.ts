import { redactedText } from '../../shared/moderation.js';
import { publicText, statusLabel } from '../../shared/public-view.js';
import { queueQuerySchema } from '../../shared/schemas.js';
import { json, PUBLIC_CACHE, route } from '../lib/http.js';
import { serviceQueue } from '../ops/read-reports.js';

/** A service's waiting queue in order: priority (urgent first), then age (oldest first). */
export const handler = route({ query: queueQuerySchema }, async ({ path, query }) => {
  const { service, items, nextCursor } = await serviceQueue(path.serviceCode as string, query);
  const rows = items.map((i) => ({
    position: i.position,
    id: i.id,
    reference: i.reference,
    title: publicText(redactedText(i, 'title', i.title)),
    priority: i.priority,
    status: i.status,
    statusLabel: statusLabel(service, i.status),
    createdAt: i.createdAt,
  }));
  return json(200, { service: { code: service.code, name: service.name }, items: rows, nextCursor }, PUBLIC_CACHE);
});
