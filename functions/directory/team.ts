import { ADMIN_GROUP, canActOn } from '../../shared/actor.js';
import type { Service } from '../../shared/catalog/index.js';
import { ValidationError } from '../../shared/errors.js';
import type { Assignee } from '../../shared/items.js';
import { findStaffMember, listGroupMembers, type StaffMember } from './cognito.js';

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

/** Resolves a PATCH `assignee` to a member of the service's team, or a 400 naming the field. */
export async function resolveAssignee(username: string, service: Pick<Service, 'teams' | 'name'>): Promise<Assignee> {
  const member = await findStaffMember(username);
  if (!member || !canActOn({ type: 'staff', ...member }, service)) {
    throw new ValidationError([{ path: 'assignee', message: `"${username}" is not a member of the ${service.name} team.` }]);
  }
  return { id: member.id, name: member.name };
}
