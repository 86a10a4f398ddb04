import { describe, expect, it } from 'vitest';
import { type Actor, requireTeam } from '../../shared/actor.js';
import { getService } from '../../shared/catalog/index.js';
import { ForbiddenError, TransitionNotAllowedError, ValidationError } from '../../shared/errors.js';
import { planTransition, type TransitionRequest } from '../../shared/workflow.js';

/** Who may move a report, and what a finished report must say about how it ended (SPEC §3). */
const roads: Actor = { type: 'staff', id: 'roads.officer', name: 'Rita', groups: ['roads'] };
const clerk: Actor = { type: 'staff', id: 'leg.clerk', name: 'Leo', groups: ['legislature'] };
const admin: Actor = { type: 'staff', id: 'admin', name: 'Ada', groups: ['admin'] };
const pothole = getService('pothole');
const SELF = ['01SELF', 'RF-0000001'];

/** What the operation does: who may act (the service's teams) before what the workflow allows. */
const move = (from: string, request: TransitionRequest, actor: Actor = roads, code = 'pothole') => {
  requireTeam(actor, getService(code));
  return planTransition(getService(code), from, request, SELF);
};

describe('how a finished report ended', () => {
  it('marking fixed needs no resolution: "fixed" is the only one it takes', () => {
    expect(move('in_progress', { to: 'fixed' }).resolution).toBe('fixed');
  });

  it('a fix cannot be recorded with a closing reason', () => {
    expect(() => move('in_progress', { to: 'fixed', resolution: 'no_action' })).toThrow(ValidationError);
  });

  it('closing needs a reason, and the error names the field', () => {
    expect(() => move('new', { to: 'closed' })).toThrow(ValidationError);
    expect(() => move('new', { to: 'closed' })).toThrow(/duplicate, not_ours, no_action, cannot_locate/);
  });

  it('"closed" is not a way to record a fix: closing as fixed is refused', () => {
    expect(() => move('in_progress', { to: 'closed', resolution: 'fixed' })).toThrow(ValidationError);
  });

  it('a reason the workflow does not know is refused', () => {
    expect(() => move('new', { to: 'closed', resolution: 'bored' })).toThrow(ValidationError);
  });

  it('a state that is not finished takes no resolution', () => {
    expect(() => move('new', { to: 'acknowledged', resolution: 'fixed' })).toThrow(ValidationError);
  });

  it('closing as duplicate needs the original', () => {
    expect(() => move('new', { to: 'closed', resolution: 'duplicate' })).toThrow(ValidationError);
  });

  it('closing as duplicate records the original it names', () => {
    expect(move('new', { to: 'closed', resolution: 'duplicate', duplicateOf: 'RF-0000002' }).duplicateOf).toBe('RF-0000002');
  });

  it('a report cannot be a duplicate of itself, by id or by reference', () => {
    for (const self of SELF) {
      expect(() => move('new', { to: 'closed', resolution: 'duplicate', duplicateOf: self }), self).toThrow(/cannot duplicate itself/);
    }
  });

  it('only a duplicate names an original: another reason with duplicateOf is refused', () => {
    expect(() => move('new', { to: 'closed', resolution: 'not_ours', duplicateOf: 'RF-0000002' })).toThrow(ValidationError);
  });
});

describe('who may move a report', () => {
  it('a roads officer can move a street-light report: street lighting is a roads service', () => {
    expect(move('new', { to: 'acknowledged' }, roads, 'street-light').to.id).toBe('acknowledged');
  });

  it('a legislature clerk cannot move a street-light or pothole report', () => {
    expect(() => move('new', { to: 'acknowledged' }, clerk, 'street-light')).toThrow(ForbiddenError);
    expect(() => move('new', { to: 'acknowledged' }, clerk, 'pothole')).toThrow(ForbiddenError);
  });

  it('the wrong team is refused before the move is judged: 403, not 409', () => {
    expect(() => move('new', { to: 'fixed' }, clerk)).toThrow(ForbiddenError);
    expect(() => move('new', { to: 'fixed' }, roads)).toThrow(TransitionNotAllowedError);
  });

  it('an admin can move any report', () => {
    expect(move('new', { to: 'acknowledged' }, admin, 'blocked-drain').to.id).toBe('acknowledged');
  });

  it('a citizen cannot move a report, not even their own', () => {
    expect(() => move('new', { to: 'acknowledged' }, { type: 'citizen' })).toThrow(ForbiddenError);
  });

  it('a staff member in no group cannot move a report', () => {
    expect(() => move('new', { to: 'acknowledged' }, { ...roads, groups: [] })).toThrow(ForbiddenError);
  });
});

describe('every road service is worked by the roads team through the same lifecycle', () => {
  const roadServices = ['pothole', 'street-light', 'damaged-sign', 'blocked-drain', 'road-obstruction', 'damaged-pavement'];
  for (const code of roadServices) {
    it(`a ${code} report is acknowledged, worked, fixed and reopened by the roads team`, () => {
      const steps: [string, string, string][] = [
        ['new', 'acknowledged', 'waiting'],
        ['acknowledged', 'in_progress', 'in_progress'],
        ['in_progress', 'fixed', 'done'],
        ['fixed', 'acknowledged', 'waiting'],
      ];
      for (const [from, to, phase] of steps) expect(move(from, { to }, roads, code).phase, `${from} → ${to}`).toBe(phase);
    });
  }

  it('a pothole starts as "Reported", in the queue', () => {
    expect(pothole.workflow.initial).toBe('new');
    expect(pothole.workflow.states.find((s) => s.id === 'new')).toMatchObject({ label: 'Reported', phase: 'waiting' });
  });
});
