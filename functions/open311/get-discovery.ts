import { discovery } from '../../shared/open311/model.js';
import { config } from '../lib/env.js';
import { PUBLIC_CACHE } from '../lib/http.js';
import { open311Response } from '../lib/open311-format.js';
import { open311Route } from '../lib/open311-route.js';

/** GeoReport v2 service discovery: where the endpoint is and which formats it speaks. */
export const handler = open311Route(async ({ format }) =>
  open311Response(200, format, discovery(config().publicBaseUrl), { root: 'discovery' }, PUBLIC_CACHE),
);
