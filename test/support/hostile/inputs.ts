import * as z from 'zod';
import { type RouteDefinition, routeKey } from '../../../functions/routes.js';
import { createAlertSchema } from '../../../shared/alerts/schemas.js';
import {
  billTransitionSchema,
  createBillSchema,
  listBillsQuerySchema,
  peoplePageQuerySchema,
  voteSchema,
  watchAlertsSchema,
  watchlistQuerySchema,
  watchNoteSchema,
} from '../../../shared/bills/schemas.js';
import { billsFeedQuerySchema, reportsFeedQuerySchema, votesCalendarQuerySchema } from '../../../shared/feeds/schemas.js';
import { flagSchema, redactionSchema, resolveFlagsSchema } from '../../../shared/moderation.js';
import { createApiKeySchema } from '../../../shared/open311/api-keys.js';
import { open311ListQuerySchema, open311PostSchema } from '../../../shared/open311/input.js';
import { uploadRequestSchema } from '../../../shared/photo-schemas.js';
import {
  commentSchema,
  completedMonthsQuerySchema,
  createReportSchema,
  followSchema,
  linkTokenQuerySchema,
  listReportsQuerySchema,
  mapCellsQuerySchema,
  patchReportSchema,
  queueQuerySchema,
  staffListQuerySchema,
  transitionSchema,
} from '../../../shared/schemas.js';
import { statsQuerySchema } from '../../../shared/sla/index.js';

/** Open311 GETs other than `requests` read only `jurisdiction_id` (and ignore the rest, as clients send more). */
const jurisdictionQuery = z.object({ jurisdiction_id: z.string().optional() });

export interface RouteInputs {
  body?: z.ZodType;
  query?: z.ZodType;
}

/**
 * The schemas each route's handler validates against (the `route({ body, query })` of its module).
 * The hostile suite fails when a route in the table is missing here, so a new route is fuzzed from day one.
 */
export const ROUTE_INPUTS: Record<string, RouteInputs> = {
  'GET /api/health': {},
  'GET /api/services': {},
  'POST /api/reports': { body: createReportSchema },
  'GET /api/reports': { query: listReportsQuerySchema },
  'GET /api/reports/{id}': {},
  'GET /api/completed-months': { query: completedMonthsQuerySchema },
  'GET /api/map/cells': { query: mapCellsQuerySchema },
  'GET /api/stats': { query: statsQuerySchema },
  'GET /api/queues/{serviceCode}': { query: queueQuerySchema },
  'GET /api/areas': {},
  'GET /api/areas/shapes': {},
  'POST /api/reports/{id}/subscriptions': { body: followSchema },
  'GET /api/subscriptions/confirm': { query: linkTokenQuerySchema },
  'GET /api/subscriptions/unsubscribe': { query: linkTokenQuerySchema },
  'POST /api/subscriptions/unsubscribe': { query: linkTokenQuerySchema },
  'GET /api/staff/reports': { query: staffListQuerySchema },
  'GET /api/staff/reports/{id}': {},
  'PATCH /api/staff/reports/{id}': { body: patchReportSchema },
  'POST /api/staff/reports/{id}/transitions': { body: transitionSchema },
  'POST /api/staff/reports/{id}/comments': { body: commentSchema },
  'GET /api/staff/services/{serviceCode}/members': {},
  'GET /api/bills': { query: listBillsQuerySchema },
  'GET /api/bills/{id}': {},
  'GET /api/bills/members/{id}': { query: peoplePageQuerySchema },
  'GET /api/bills/committees/{name}': { query: peoplePageQuerySchema },
  'POST /api/bills/{id}/subscriptions': { body: followSchema },
  'POST /api/staff/bills': { body: createBillSchema },
  'GET /api/staff/bills/{id}': {},
  'POST /api/staff/bills/{id}/transitions': { body: billTransitionSchema },
  'POST /api/staff/bills/{id}/votes': { body: voteSchema },
  'GET /api/staff/watchlist': { query: watchlistQuerySchema },
  'PUT /api/staff/watchlist/{id}': { body: watchNoteSchema },
  'DELETE /api/staff/watchlist/{id}': {},
  'POST /api/staff/api-keys': { body: createApiKeySchema },
  'GET /api/staff/api-keys': {},
  'DELETE /api/staff/api-keys/{id}': {},
  ...Object.fromEntries(
    ['json', 'xml'].flatMap((f) => [
      [`GET /open311/discovery.${f}`, {}],
      [`GET /open311/v2/services.${f}`, { query: jurisdictionQuery }],
      [`GET /open311/v2/requests.${f}`, { query: open311ListQuerySchema }],
      [`POST /open311/v2/requests.${f}`, { body: open311PostSchema }],
    ]),
  ),
  'GET /api/openapi.json': {},
  'GET /open311/v2/services/{service_code}': { query: jurisdictionQuery },
  'GET /open311/v2/requests/{service_request_id}': { query: jurisdictionQuery },
  'GET /open311/v2/tokens/{token}': { query: jurisdictionQuery },
  'POST /api/reports/uploads': { body: uploadRequestSchema },
  'GET /api/reports/uploads/{uploadId}': {},
  'POST /api/reports/{id}/flags': { body: flagSchema },
  'POST /api/staff/reports/{id}/redactions': { body: redactionSchema },
  'POST /api/staff/reports/{id}/flag-resolutions': { body: resolveFlagsSchema },
  'GET /api/staff/moderation': {},
  'GET /api/staff/watchlist-alerts': {},
  'PUT /api/staff/watchlist-alerts': { body: watchAlertsSchema },
  'GET /api/feeds/reports.atom': { query: reportsFeedQuerySchema },
  'GET /api/reports/{id}/feed.atom': {},
  'GET /api/feeds/bills.atom': { query: billsFeedQuerySchema },
  'GET /api/bills/calendar.ics': { query: votesCalendarQuerySchema },
  'GET /api/bills/{id}/calendar.ics': {},
  'POST /api/alerts': { body: createAlertSchema },
  'GET /api/alerts/confirm': { query: linkTokenQuerySchema },
  'GET /api/alerts/unsubscribe': { query: linkTokenQuerySchema },
  'POST /api/alerts/unsubscribe': { query: linkTokenQuerySchema },
  'GET /api/alerts/manage': { query: linkTokenQuerySchema },
};

export const inputsOf = (route: RouteDefinition): RouteInputs | undefined => ROUTE_INPUTS[routeKey(route)];
