import { route } from '../lib/http.js';
import { boardVotesCalendar } from '../ops/calendar.js';
import { CALENDAR_CACHE, document, ICALENDAR } from './respond.js';

/** Scheduled, moved and cancelled votes of every bill on the agenda or changed lately (RFC 5545). */
export const handler = route({}, async () => document(await boardVotesCalendar(), ICALENDAR, CALENDAR_CACHE));
