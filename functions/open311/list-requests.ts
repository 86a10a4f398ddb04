import { open311ListQuerySchema } from '../../shared/open311/input.js';
import { parseWith } from '../../shared/validation.js';
import { PUBLIC_CACHE } from '../lib/http.js';
import { open311Response } from '../lib/open311-format.js';
import { open311Route } from '../lib/open311-route.js';
import { open311Requests } from '../ops/open311.js';

/** `GET requests.json|xml`: by id list, or by service, status and creation window (last 90 days by default). */
export const handler = open311Route(async ({ format, query }) => {
  const requests = await open311Requests(parseWith(open311ListQuerySchema, query));
  return open311Response(200, format, requests, { root: 'service_requests', entry: 'request' }, PUBLIC_CACHE);
});
