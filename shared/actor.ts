import type { Service } from './catalog/index.js';
import { ForbiddenError } from './errors.js';

/** Who is acting. Staff come from a verified Cognito token; citizens are anonymous. */
export type Actor =
  | { type: 'citizen' }
  | { type: 'system' }
  | { type: 'staff'; id: string; name: string; email?: string; groups: string[] };

export type StaffActor = Extract<Actor, { type: 'staff' }>;

export const ADMIN_GROUP = 'admin';

/**
 * Whether a staff member may act on items of a service: the service lists their group as a team,
 * or they are an admin.
 * @example canActOn({type:'staff', id:'u', name:'U', groups:['roads']}, getService('pothole')) // true
 */
export function canActOn(actor: Actor, service: Pick<Service, 'teams'>): boolean {
  if (actor.type !== 'staff') return false;
  return actor.groups.includes(ADMIN_GROUP) || service.teams.some((t) => actor.groups.includes(t));
}

/** How an actor appears in a public history: never a person's identity, only their role or team. */
export function publicActorLabel(actor: { type: Actor['type'] | 'import' }, service: Pick<Service, 'group'>): string {
  if (actor.type === 'citizen') return 'Reporter';
  if (actor.type === 'import') return 'Imported record';
  if (actor.type === 'system') return 'System';
  return `${service.group} team`;
}

/** Throws a ForbiddenError unless the actor may act on the service's items. */
export function requireTeam(actor: Actor, service: Pick<Service, 'teams' | 'name'>): void {
  if (!canActOn(actor, service)) {
    throw new ForbiddenError(`Your groups may not act on ${service.name} items (teams: ${service.teams.join(', ')}).`);
  }
}
