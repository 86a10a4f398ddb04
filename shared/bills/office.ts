import { type Actor, canActOn } from '../actor.js';
import { ForbiddenError } from '../errors.js';
import { jurisdiction } from '../jurisdiction/index.js';
import { billService } from './service.js';

/** Cognito groups named `office-<name>` are legislators' offices; each keeps its own bill watchlist. */
export const OFFICE_GROUP_PREFIX = 'office-';

/**
 * The office groups of the jurisdiction (`offices` in jurisdiction.json): the CDK stack and the
 * local stack create exactly these, so a watchlist's office always exists as a group.
 * @example officeGroups() // [{ name: 'office-majority', description: "Majority leader's office" }]
 */
export const officeGroups = () => jurisdiction.offices.map((o) => ({ name: `${OFFICE_GROUP_PREFIX}${o.id}`, description: o.name }));

/**
 * The office whose watchlist a staff member works on: their `office-…` group. They must also be
 * allowed to act on bills (legislature or admin). Anyone else gets a ForbiddenError.
 * @example officeOf({type: 'staff', id: 'c', name: 'C', groups: ['legislature', 'office-majority']}) // 'office-majority'
 */
export function officeOf(actor: Actor): string {
  if (!canActOn(actor, billService())) throw new ForbiddenError('Only legislature staff keep bill watchlists.');
  const office = actor.type === 'staff' ? actor.groups.filter((g) => g.startsWith(OFFICE_GROUP_PREFIX)).sort()[0] : undefined;
  if (!office) throw new ForbiddenError(`You belong to no office: ask an admin to add you to an "${OFFICE_GROUP_PREFIX}…" group.`);
  return office;
}
