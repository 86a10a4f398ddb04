import { billsFeedQuerySchema } from '../../shared/feeds/schemas.js';
import { route } from '../lib/http.js';
import { billsFeed } from '../ops/feeds.js';
import { ATOM, document } from './respond.js';

/** Atom feed of bills by phase or session (SPEC §12). */
export const handler = route({ query: billsFeedQuerySchema }, async ({ query }) => document(await billsFeed(query), ATOM));
