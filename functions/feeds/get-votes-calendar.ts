import { votesCalendarQuerySchema } from '../../shared/feeds/schemas.js';
import { route } from '../lib/http.js';
import { boardVotesCalendar } from '../ops/calendar.js';
import { CALENDAR_CACHE, document, ICALENDAR } from './respond.js';

/** Scheduled, moved and cancelled votes of every bill on the agenda or changed lately (RFC 5545), or of one session. */
export const handler = route({ query: votesCalendarQuerySchema }, async ({ query }) =>
  document(await boardVotesCalendar(query), ICALENDAR, CALENDAR_CACHE),
);
