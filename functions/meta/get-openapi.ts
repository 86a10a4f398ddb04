import { json, PUBLIC_CACHE, route } from '../lib/http.js';
import { openApiDocument } from '../openapi/document.js';

/** The OpenAPI 3.1 document of every route, generated from the handlers' own schemas. */
export const handler = route({}, async () => json(200, openApiDocument(), PUBLIC_CACHE));
