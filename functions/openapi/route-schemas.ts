import * as z from 'zod';
import { createAlertSchema } from '../../shared/alerts/schemas.js';
import {
  billTransitionSchema,
  createBillSchema,
  listBillsQuerySchema,
  peoplePageQuerySchema,
  voteSchema,
  watchAlertsSchema,
  watchlistQuerySchema,
  watchNoteSchema,
} from '../../shared/bills/schemas.js';
import { billsFeedQuerySchema, reportsFeedQuerySchema, votesCalendarQuerySchema } from '../../shared/feeds/schemas.js';
import { flagSchema, redactionSchema, resolveFlagsSchema } from '../../shared/moderation.js';
import { createApiKeySchema } from '../../shared/open311/api-keys.js';
import { open311ListQuerySchema, open311PostSchema } from '../../shared/open311/input.js';
import { uploadRequestSchema } from '../../shared/photo-schemas.js';
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
} from '../../shared/schemas.js';
import { statsQuerySchema } from '../../shared/sla/index.js';

/** What a route's handler validates (the `route({ body, query })` of its module) and what it answers on success. */
export interface RouteSchemas {
  body?: z.ZodType;
  query?: z.ZodType;
  /** The success status and, for a body, what it is ('json' for the board's JSON, 'html-or-json' for email links, 'none'). */
  ok: number;
  answers?: 'json' | 'none' | 'link' | 'open311' | 'json-or-csv' | 'atom' | 'calendar';
}

/** Open311 GETs other than `requests` read only `jurisdiction_id`. */
export const jurisdictionQuery = z.object({ jurisdiction_id: z.string().optional() });

const open311 = Object.fromEntries(
  ['json', 'xml'].flatMap((f) => [
    [`GET /open311/discovery.${f}`, { ok: 200, answers: 'open311' }],
    [`GET /open311/v2/services.${f}`, { query: jurisdictionQuery, ok: 200, answers: 'open311' }],
    [`GET /open311/v2/requests.${f}`, { query: open311ListQuerySchema, ok: 200, answers: 'open311' }],
    [`POST /open311/v2/requests.${f}`, { body: open311PostSchema, ok: 201, answers: 'open311' }],
  ]),
) as Record<string, RouteSchemas>;

/**
 * Every route's schemas, by route key. The OpenAPI document is generated from these (the same zod
 * objects the handlers validate with); test/unit/openapi.test.ts fails when a route has no entry.
 */
export const ROUTE_SCHEMAS: Record<string, RouteSchemas> = {
  'GET /api/health': { ok: 200 },
  'GET /api/services': { ok: 200 },
  'POST /api/reports': { body: createReportSchema, ok: 201 },
  'GET /api/reports': { query: listReportsQuerySchema, ok: 200 },
  'GET /api/reports/{id}': { ok: 200 },
  'GET /api/completed-months': { query: completedMonthsQuerySchema, ok: 200 },
  'GET /api/map/cells': { query: mapCellsQuerySchema, ok: 200 },
  'GET /api/queues/{serviceCode}': { query: queueQuerySchema, ok: 200 },
  'POST /api/reports/{id}/subscriptions': { body: followSchema, ok: 202 },
  'GET /api/subscriptions/confirm': { query: linkTokenQuerySchema, ok: 200, answers: 'link' },
  'GET /api/subscriptions/unsubscribe': { query: linkTokenQuerySchema, ok: 200, answers: 'link' },
  'POST /api/subscriptions/unsubscribe': { query: linkTokenQuerySchema, ok: 200, answers: 'link' },
  'GET /api/staff/reports': { query: staffListQuerySchema, ok: 200 },
  'GET /api/staff/reports/{id}': { ok: 200 },
  'PATCH /api/staff/reports/{id}': { body: patchReportSchema, ok: 200 },
  'POST /api/staff/reports/{id}/transitions': { body: transitionSchema, ok: 200 },
  'POST /api/staff/reports/{id}/comments': { body: commentSchema, ok: 201 },
  'GET /api/staff/services/{serviceCode}/members': { ok: 200 },
  'GET /api/bills': { query: listBillsQuerySchema, ok: 200 },
  'GET /api/bills/{id}': { ok: 200 },
  'POST /api/bills/{id}/subscriptions': { body: followSchema, ok: 202 },
  'POST /api/staff/bills': { body: createBillSchema, ok: 201 },
  'GET /api/staff/bills/{id}': { ok: 200 },
  'POST /api/staff/bills/{id}/transitions': { body: billTransitionSchema, ok: 200 },
  'POST /api/staff/bills/{id}/votes': { body: voteSchema, ok: 201 },
  'GET /api/staff/watchlist': { query: watchlistQuerySchema, ok: 200, answers: 'json-or-csv' },
  'PUT /api/staff/watchlist/{id}': { body: watchNoteSchema, ok: 200 },
  'DELETE /api/staff/watchlist/{id}': { ok: 200 },
  'GET /api/stats': { query: statsQuerySchema, ok: 200, answers: 'json-or-csv' },
  'POST /api/reports/uploads': { body: uploadRequestSchema, ok: 201 },
  'GET /api/reports/uploads/{uploadId}': { ok: 200 },
  'POST /api/reports/{id}/flags': { body: flagSchema, ok: 202 },
  'POST /api/staff/reports/{id}/redactions': { body: redactionSchema, ok: 201 },
  'POST /api/staff/reports/{id}/flag-resolutions': { body: resolveFlagsSchema, ok: 200 },
  'GET /api/staff/moderation': { ok: 200 },
  'GET /api/areas': { ok: 200 },
  'GET /api/areas/shapes': { ok: 200 },
  'GET /api/bills/members/{id}': { query: peoplePageQuerySchema, ok: 200 },
  'GET /api/bills/committees/{name}': { query: peoplePageQuerySchema, ok: 200 },
  'GET /api/staff/watchlist-alerts': { ok: 200 },
  'PUT /api/staff/watchlist-alerts': { body: watchAlertsSchema, ok: 200 },
  'POST /api/staff/api-keys': { body: createApiKeySchema, ok: 201 },
  'GET /api/staff/api-keys': { ok: 200 },
  'DELETE /api/staff/api-keys/{id}': { ok: 204, answers: 'none' },
  'GET /api/openapi.json': { ok: 200 },
  ...open311,
  'GET /api/feeds/reports.atom': { query: reportsFeedQuerySchema, ok: 200, answers: 'atom' },
  'GET /api/reports/{id}/feed.atom': { ok: 200, answers: 'atom' },
  'GET /api/feeds/bills.atom': { query: billsFeedQuerySchema, ok: 200, answers: 'atom' },
  'GET /api/bills/calendar.ics': { query: votesCalendarQuerySchema, ok: 200, answers: 'calendar' },
  'GET /api/bills/{id}/calendar.ics': { ok: 200, answers: 'calendar' },
  'POST /api/alerts': { body: createAlertSchema, ok: 202 },
  'GET /api/alerts/confirm': { query: linkTokenQuerySchema, ok: 200, answers: 'link' },
  'GET /api/alerts/unsubscribe': { query: linkTokenQuerySchema, ok: 200, answers: 'link' },
  'POST /api/alerts/unsubscribe': { query: linkTokenQuerySchema, ok: 200, answers: 'link' },
  'GET /api/alerts/manage': { query: linkTokenQuerySchema, ok: 200 },
  'GET /open311/v2/services/{service_code}': { query: jurisdictionQuery, ok: 200, answers: 'open311' },
  'GET /open311/v2/requests/{service_request_id}': { query: jurisdictionQuery, ok: 200, answers: 'open311' },
  'GET /open311/v2/tokens/{token}': { query: jurisdictionQuery, ok: 200, answers: 'open311' },
};
