import { canActOn, requireTeam, type StaffActor } from '../../shared/actor.js';
import { getService, type Service } from '../../shared/catalog/index.js';
import { ValidationError } from '../../shared/errors.js';
import type { Assignee } from '../../shared/items.js';
import { findStaffMember } from '../directory/cognito.js';
import { listTeamMembers } from '../directory/team.js';

/** Who an item of this service can be assigned to: its teams' members and admins. The team's own business. */
export async function assignableMembers(
  actor: StaffActor,
  serviceCode: string,
): Promise<{ service: Service; members: { id: string; name: string; groups: string[] }[] }> {
  const service = getService(serviceCode);
  requireTeam(actor, service);
  const members = (await listTeamMembers(service)).map(({ id, name, groups }) => ({ id, name, groups }));
  return { service, members };
}

/** A PATCH `assignee`: a member of the service's team (or an admin), else a 400 naming the field. */
export async function assigneeFor(username: string, service: Pick<Service, 'teams' | 'name'>): Promise<Assignee> {
  const member = await findStaffMember(username);
  if (!member || !canActOn({ type: 'staff', ...member }, service)) {
    throw new ValidationError([{ path: 'assignee', message: `"${username}" is not a member of the ${service.name} team.` }]);
  }
  return { id: member.id, name: member.name };
}
