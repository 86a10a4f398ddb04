import { PUBLIC_CACHE } from '../lib/http.js';
import { open311Response } from '../lib/open311-format.js';
import { open311Route } from '../lib/open311-route.js';
import { checkJurisdiction, open311ServiceDefinition } from '../ops/open311.js';

/** `services/{service_code}.json|xml`: the attributes a request for the service may carry. */
export const handler = open311Route(async ({ format, id, query }) => {
  checkJurisdiction(query.jurisdiction_id);
  return open311Response(200, format, open311ServiceDefinition(id as string), { root: 'service_definition' }, PUBLIC_CACHE);
});
