import { PUBLIC_CACHE } from '../lib/http.js';
import { open311Response } from '../lib/open311-format.js';
import { open311Route } from '../lib/open311-route.js';
import { checkJurisdiction, open311Services } from '../ops/open311.js';

/** `services.json|xml`: every report service (bills are not Open311 services). */
export const handler = open311Route(async ({ format, query }) => {
  checkJurisdiction(query.jurisdiction_id);
  return open311Response(200, format, open311Services(), { root: 'services', entry: 'service' }, PUBLIC_CACHE);
});
