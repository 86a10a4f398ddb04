import { json, PUBLIC_CACHE, route } from '../lib/http.js';
import { languageHeaders, requestTranslator } from '../lib/language.js';
import { areaSummaries } from '../ops/read-areas.js';

/** The jurisdiction's areas (wards, districts) with their waiting / in-progress / finished counts; the label in the request's language. */
export const handler = route({}, async ({ event }) => {
  const tr = requestTranslator(event);
  return json(200, await areaSummaries(tr), { ...PUBLIC_CACHE, ...languageHeaders(tr.lang) });
});
