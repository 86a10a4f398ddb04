import { flagSchema } from '../../shared/moderation.js';
import { json, route, sourceIp } from '../lib/http.js';
import { flagReport } from '../ops/flag.js';

/** Anyone flags a report or one of its public comments for review. 202: the council reviews it. Limited per client (429). */
export const handler = route({ body: flagSchema }, async ({ body, path, event }) => {
  await flagReport(path.id as string, body, sourceIp(event));
  return json(202, { status: 'received', detail: 'Thank you: the council will review this report.' });
});
