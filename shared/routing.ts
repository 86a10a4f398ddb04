import { type CatalogService, catalog, type RoutingRule } from './catalog/index.js';

/**
 * The team whose queue an item lands in: the first routing rule (catalog `routing`) whose service and
 * area match, else the service's first team. A rule without `service` or `area` matches any.
 * @example routeTeam(getService('pothole'), 'north', [{ area: 'north', team: 'roads-north' }]) // 'roads-north'
 */
export function routeTeam(
  service: Pick<CatalogService, 'code' | 'teams'>,
  areaId: string | undefined,
  rules: RoutingRule[] = catalog.routing ?? [],
): string {
  const rule = rules.find((r) => (r.service === undefined || r.service === service.code) && (r.area === undefined || r.area === areaId));
  return rule?.team ?? (service.teams[0] as string);
}
