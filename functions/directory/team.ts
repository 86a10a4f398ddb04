import { ADMIN_GROUP } from '../../shared/actor.js';
import type { Service } from '../../shared/catalog/index.js';
import { listGroupMembers, type StaffMember } from './cognito.js';

/** Everyone who may own items of a service: members of its teams and admins, each listed once. */
export async function listTeamMembers(service: Pick<Service, 'teams'>): Promise<StaffMember[]> {
  const byId = new Map<string, StaffMember>();
  for (const group of [...service.teams, ADMIN_GROUP]) {
    for (const member of await listGroupMembers(group)) {
      const known = byId.get(member.id);
      byId.set(member.id, known ? { ...known, groups: [...known.groups, group] } : member);
    }
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}
