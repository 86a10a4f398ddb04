import { parseJurisdiction } from './parse.js';
import type { Bounds, Jurisdiction } from './schema.js';
import { jurisdictionSource } from './source.js';

export { issuesOf, parseJurisdiction } from './parse.js';
export type { Bounds, Jurisdiction } from './schema.js';
export { ConfigError, type ConfigIssue, JURISDICTION_ENV } from './source.js';

/** The chosen jurisdiction (SPEC §7), validated once when the module loads. */
export const jurisdiction: Jurisdiction = parseJurisdiction(jurisdictionSource().jurisdiction, jurisdictionSource().folder);

/** Whether a point lies inside the jurisdiction's bounds. */
export function insideBounds(point: { lat: number; lng: number }, b: Bounds = jurisdiction.bounds): boolean {
  return point.lat >= b.minLat && point.lat <= b.maxLat && point.lng >= b.minLng && point.lng <= b.maxLng;
}
