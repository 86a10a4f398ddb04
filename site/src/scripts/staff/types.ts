import type { ServiceView } from '../../../../shared/api-types.js';

export type { Member, ServiceView as StaffService, StaffItem, StaffTransition } from '../../../../shared/api-types.js';

/** The report services a staff member's groups act on (admin acts on all), as the API decides. */
export function servicesFor(services: ServiceView[], groups: string[]): ServiceView[] {
  return services.filter((s) => s.kind === 'report' && (groups.includes('admin') || s.teams.some((t) => groups.includes(t))));
}
