import { PUBLIC_CACHE } from '../lib/http.js';
import { open311Response } from '../lib/open311-format.js';
import { open311Route } from '../lib/open311-route.js';
import { checkJurisdiction, open311Token } from '../ops/open311.js';

/** `tokens/{token}.json|xml`: the request a token stands for (every POST answers with the id at once). */
export const handler = open311Route(async ({ format, id, query }) => {
  checkJurisdiction(query.jurisdiction_id);
  const found = await open311Token(id as string);
  return open311Response(200, format, [found], { root: 'service_requests', entry: 'request' }, PUBLIC_CACHE);
});
