import { requireTeam, type StaffActor } from '../../shared/actor.js';
import { getService, type Service } from '../../shared/catalog/index.js';
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
