import type { Jurisdiction } from './schema.js';

/** Where the browser fetches the areas' simplified shapes (GeoJSON). */
export const AREA_SHAPES_PATH = '/api/areas/shapes';

/**
 * The jurisdiction's part of `/config.json` (SPEC §2, §7): the same for the local stack and the deploy.
 * @example publicConfig(jurisdiction).jurisdiction.name // 'Demo City'
 */
export function publicConfig(j: Jurisdiction) {
  const { id, name, timezone, locale, bounds, map, areas } = j;
  return {
    jurisdiction: { id, name, timezone, locale, bounds },
    map,
    ...(areas ? { areas: { label: areas.label, url: AREA_SHAPES_PATH } } : {}),
  };
}
