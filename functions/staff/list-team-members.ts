import { staffActor } from '../lib/claims.js';
import { json, route } from '../lib/http.js';
import { assignableMembers } from '../ops/team.js';

/** Who an item of this service can be assigned to: its teams' members and admins. */
export const handler = route({}, async ({ event, path }) => {
  const { service, members } = await assignableMembers(staffActor(event), path.serviceCode as string);
  return json(200, { service: { code: service.code, name: service.name }, items: members });
});
