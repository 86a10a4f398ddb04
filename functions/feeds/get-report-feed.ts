import { route } from '../lib/http.js';
import { reportHistoryFeed } from '../ops/feeds.js';
import { ATOM, document } from './respond.js';

/** Atom feed of one report's public history (id or reference). */
export const handler = route({}, async ({ path }) => document(await reportHistoryFeed(path.id as string), ATOM));
