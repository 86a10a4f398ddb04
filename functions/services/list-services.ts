import { json, PUBLIC_CACHE, route } from '../lib/http.js';
import { languageHeaders, requestTranslator } from '../lib/language.js';
import { publicCatalog } from '../ops/catalog.js';

/** The catalog with each service's workflow (states, labels, phases, allowed transitions), labelled in the request's language. */
export const handler = route({}, async ({ event }) => {
  const tr = requestTranslator(event);
  return json(200, { items: publicCatalog(tr) }, { ...PUBLIC_CACHE, ...languageHeaders(tr.lang) });
});
