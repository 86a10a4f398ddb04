import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/actor.js';
import { listServices } from '../../shared/catalog/index.js';
import { ForbiddenError, TransitionNotAllowedError, ValidationError } from '../../shared/errors.js';
import { planTransition } from '../../shared/workflow.js';

const roads: Actor = { type: 'staff', id: 'r', name: 'R', groups: ['roads'] };
const admin: Actor = { type: 'staff', id: 'a', name: 'A', groups: ['admin'] };
const legislature: Actor = { type: 'staff', id: 'l', name: 'L', groups: ['legislature'] };

/** A request that satisfies a target state's resolution rule, so only the move itself is under test. */
function requestFor(to: { id: string; resolutions?: string[] }) {
  const resolution = to.resolutions?.find((r) => r !== 'duplicate') ?? to.resolutions?.[0];
  return { to: to.id, resolution, duplicateOf: resolution === 'duplicate' ? 'OTHER' : undefined };
}

for (const service of listServices('report')) {
  const { workflow } = service;
  describe(`${service.code} workflow`, () => {
    for (const from of workflow.states) {
      for (const to of workflow.states) {
        const allowed = workflow.transitions.some((t) => t.from === from.id && t.to === to.id);
        it(`${allowed ? 'allows' : 'forbids'} ${from.id} → ${to.id}`, () => {
          const plan = () => planTransition(roads, service, from.id, requestFor(to), ['SELF']);
          if (allowed) {
            const outcome = plan();
            expect(outcome.to.id).toBe(to.id);
            expect(outcome.phase).toBe(to.phase);
          } else {
            expect(plan).toThrow(TransitionNotAllowedError);
          }
        });
      }
    }
  });
}

describe('transition rules', () => {
  const pothole = listServices('report').find((s) => s.code === 'pothole')!;

  it('refuses a group that is not one of the service teams', () => {
    expect(() => planTransition(legislature, pothole, 'new', { to: 'acknowledged' })).toThrow(ForbiddenError);
  });

  it('lets an admin act on any service', () => {
    expect(planTransition(admin, pothole, 'new', { to: 'acknowledged' }).to.id).toBe('acknowledged');
  });

  it('refuses citizens', () => {
    expect(() => planTransition({ type: 'citizen' }, pothole, 'new', { to: 'acknowledged' })).toThrow(ForbiddenError);
  });

  it('defaults the only resolution of a done-state', () => {
    expect(planTransition(roads, pothole, 'in_progress', { to: 'fixed' }).resolution).toBe('fixed');
  });

  it('requires a resolution where a done-state offers several', () => {
    expect(() => planTransition(roads, pothole, 'new', { to: 'closed' })).toThrow(ValidationError);
  });

  it('requires duplicateOf for a duplicate and refuses the item itself', () => {
    expect(() => planTransition(roads, pothole, 'new', { to: 'closed', resolution: 'duplicate' })).toThrow(ValidationError);
    expect(() => planTransition(roads, pothole, 'new', { to: 'closed', resolution: 'duplicate', duplicateOf: 'SELF' }, ['SELF'])).toThrow(
      ValidationError,
    );
    const outcome = planTransition(roads, pothole, 'new', { to: 'closed', resolution: 'duplicate', duplicateOf: 'OTHER' }, ['SELF']);
    expect(outcome.duplicateOf).toBe('OTHER');
  });

  it('rejects a resolution on a state that takes none', () => {
    expect(() => planTransition(roads, pothole, 'new', { to: 'acknowledged', resolution: 'fixed' })).toThrow(ValidationError);
  });

  it('marks a move out of a done-state back to waiting as a reopen', () => {
    const outcome = planTransition(roads, pothole, 'fixed', { to: 'acknowledged' });
    expect(outcome.reopens).toBe(true);
    expect(outcome.phase).toBe('waiting');
  });

  it('names an unknown target state in a validation error', () => {
    expect(() => planTransition(roads, pothole, 'new', { to: 'teleported' })).toThrow(/teleported/);
  });
});
