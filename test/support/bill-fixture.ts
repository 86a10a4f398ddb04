import type { Actor } from '../../shared/actor.js';
import type { Bill } from '../../shared/bills/model.js';
import { billService } from '../../shared/bills/service.js';

/** Staff of the legislature and of roads, for the bill workflow's unit tests. */
export const clerk: Actor = { type: 'staff', id: 'leg.clerk', name: 'Leo', groups: ['legislature'] };
export const roadsOfficer: Actor = { type: 'staff', id: 'roads.officer', name: 'Rita', groups: ['roads'] };
export const AT = '2026-03-02T10:00:00Z';

const phases: Record<string, Bill['phase']> = {
  introduced: 'waiting',
  committee: 'waiting',
  reported: 'waiting',
  scheduled: 'in_progress',
  passed_origin: 'in_progress',
  second_committee: 'waiting',
  second_reported: 'waiting',
  second_scheduled: 'in_progress',
  passed_both: 'in_progress',
  with_executive: 'in_progress',
  signed: 'in_progress',
  enacted: 'done',
  vetoed: 'done',
  failed: 'done',
  withdrawn: 'done',
};

/** A House bill at a stage (its phase written out here, not read from the catalog). */
export function billAt(status: string, overrides: Partial<Bill> = {}): Bill {
  return {
    id: 'B1',
    reference: 'BL-0000001',
    kind: 'bill',
    serviceCode: billService().code,
    number: 'HB 1',
    session: '2025-2026',
    title: 'A bill',
    summary: 'An Act',
    description: 'An Act',
    chamber: 'House',
    sponsors: [{ name: 'A Member', role: 'primary' }],
    votes: [],
    status,
    phase: phases[status] ?? 'waiting',
    priority: 'normal',
    version: 3,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}
