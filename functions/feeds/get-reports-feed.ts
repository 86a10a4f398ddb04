import { reportsFeedQuerySchema } from '../../shared/feeds/schemas.js';
import { route } from '../lib/http.js';
import { reportsFeed } from '../ops/feeds.js';
import { ATOM, document } from './respond.js';

/** Atom feed of reports by service, area and phase (SPEC §12). */
export const handler = route({ query: reportsFeedQuerySchema }, async ({ query }) => document(await reportsFeed(query), ATOM));
