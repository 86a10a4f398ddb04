import { PUBLIC_CACHE } from '../lib/http.js';
import { open311Response } from '../lib/open311-format.js';
import { open311Route } from '../lib/open311-route.js';
import { checkJurisdiction, open311Request } from '../ops/open311.js';

/** `requests/{service_request_id}.json|xml`: one request, as a one-entry list (GeoReport v2). */
export const handler = open311Route(async ({ format, id, query }) => {
  checkJurisdiction(query.jurisdiction_id);
  const request = await open311Request(id as string);
  return open311Response(200, format, [request], { root: 'service_requests', entry: 'request' }, PUBLIC_CACHE);
});
