import type * as z from 'zod';
import { ROUTE_SCHEMAS } from '../../../functions/openapi/route-schemas.js';
import { type RouteDefinition, routeKey } from '../../../functions/routes.js';

export interface RouteInputs {
  body?: z.ZodType;
  query?: z.ZodType;
}

/**
 * The schemas each route's handler validates against: the same list the OpenAPI document is generated
 * from (functions/openapi/route-schemas.ts), which test/unit/openapi.test.ts checks against the handlers'
 * own `route({ body, query })`. The hostile suite fails when a route in the table is missing there, so a
 * new route is fuzzed from day one.
 */
export const ROUTE_INPUTS: Record<string, RouteInputs> = ROUTE_SCHEMAS;

export const inputsOf = (route: RouteDefinition): RouteInputs | undefined => ROUTE_INPUTS[routeKey(route)];
