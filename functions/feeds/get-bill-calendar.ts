import { route } from '../lib/http.js';
import { billVotesCalendar } from '../ops/calendar.js';
import { CALENDAR_CACHE, document, ICALENDAR } from './respond.js';

/** One bill's votes as a calendar to subscribe to (id, reference or number). */
export const handler = route({}, async ({ path }) => document(await billVotesCalendar(path.id as string), ICALENDAR, CALENDAR_CACHE));
