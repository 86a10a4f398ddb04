import { requireTeam } from '../../shared/actor.js';
import { getService } from '../../shared/catalog/index.js';
import { listTeamMembers } from '../directory/team.js';
import { staffActor } from '../lib/claims.js';
import { json, route } from '../lib/http.js';

/** Who an item of this service can be assigned to: its teams' members and admins. */
export const handler = route({}, async ({ event, path }) => {
  const service = getService(path.serviceCode as string);
  requireTeam(staffActor(event), service);
  const items = (await listTeamMembers(service)).map(({ id, name, groups }) => ({ id, name, groups }));
  return json(200, { service: { code: service.code, name: service.name }, items });
});
