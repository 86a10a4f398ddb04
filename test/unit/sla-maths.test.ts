import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingMinutes,
  afterAction,
  DEFAULT_WORKING_HOURS,
  dueAt,
  extendByPause,
  isWorkingInstant,
  nextEscalation,
  publicSla,
  SLA_UNITS,
  type SlaPolicy,
  startSla,
  type WorkingCalendar,
  workingMinutesBetween,
} from '../../shared/sla/index.js';

/** England's 2025 bank holidays around the cases below. */
const london: WorkingCalendar = {
  timezone: 'Europe/London',
  workingHours: DEFAULT_WORKING_HOURS,
  holidays: ['2025-05-05', '2025-05-26', '2025-12-25', '2025-12-26'],
};
const at = (s: string) => new Date(s);

describe('due times', () => {
  it('a report on Friday 16:55 before a bank-holiday Monday is due on Tuesday', () => {
    const friday = at('2025-05-02T15:55:00Z'); // 16:55 BST
    expect(dueAt(friday, { amount: 1, unit: 'working_days' }, london).toISOString()).toBe('2025-05-06T15:55:00.000Z');
    expect(dueAt(friday, { amount: 1, unit: 'working_hours' }, london).toISOString()).toBe('2025-05-06T08:55:00.000Z');
    // Without the holiday the same report is due on Monday: the holiday is what moved it.
    const noHoliday = { ...london, holidays: [] };
    expect(dueAt(friday, { amount: 1, unit: 'working_days' }, noHoliday).toISOString()).toBe('2025-05-05T15:55:00.000Z');
  });

  it('a report out of hours starts its working clock at the next opening', () => {
    const saturday = at('2025-01-11T12:00:00Z');
    expect(dueAt(saturday, { amount: 2, unit: 'working_hours' }, london).toISOString()).toBe('2025-01-13T11:00:00.000Z');
  });

  it('ten working days from a Thursday morning end on the second Thursday after', () => {
    const thursday = at('2025-01-02T10:00:00Z');
    expect(dueAt(thursday, { amount: 10, unit: 'working_days' }, london).toISOString()).toBe('2025-01-16T10:00:00.000Z');
  });

  it('calendar days keep the wall-clock time across the autumn DST change (a 25-hour day)', () => {
    const saturdayNoonBst = at('2025-10-25T11:00:00Z');
    expect(dueAt(saturdayNoonBst, { amount: 1, unit: 'days' }, london).toISOString()).toBe('2025-10-26T12:00:00.000Z');
    // Real hours do not: 24 hours later is 11:00 GMT.
    expect(dueAt(saturdayNoonBst, { amount: 24, unit: 'hours' }, london).toISOString()).toBe('2025-10-26T11:00:00.000Z');
  });

  it('working hours across the autumn DST weekend open at 09:00 local time on Monday (GMT)', () => {
    const friday16Bst = at('2025-10-24T15:00:00Z');
    expect(dueAt(friday16Bst, { amount: 2, unit: 'working_hours' }, london).toISOString()).toBe('2025-10-27T10:00:00.000Z');
  });

  it('turns at risk after 75 % of the working time', () => {
    const monday9 = at('2025-01-13T09:00:00Z');
    expect(dueAt(monday9, { amount: 4, unit: 'working_hours' }, london, 0.75).toISOString()).toBe('2025-01-13T12:00:00.000Z');
  });
});

describe('pauses', () => {
  it('a pause from Friday 15:00 to Monday 10:00 stops the working clock for three hours', () => {
    const pausedAt = at('2025-01-10T15:00:00Z');
    const resumedAt = at('2025-01-13T10:00:00Z');
    expect(workingMinutesBetween(pausedAt, resumedAt, london)).toBe(180);
    const due = at('2025-01-14T12:00:00Z');
    expect(extendByPause(due, pausedAt, resumedAt, 'working_days', london).toISOString()).toBe('2025-01-14T15:00:00.000Z');
  });

  it('a weekend-only pause does not move a working-days promise, but moves a calendar one', () => {
    const pausedAt = at('2025-01-11T10:00:00Z');
    const resumedAt = at('2025-01-12T10:00:00Z');
    const due = at('2025-01-14T12:00:00Z');
    expect(extendByPause(due, pausedAt, resumedAt, 'working_days', london)).toEqual(due);
    expect(extendByPause(due, pausedAt, resumedAt, 'days', london).toISOString()).toBe('2025-01-15T12:00:00.000Z');
  });

  it('an item waiting for its reporter is paused, then resumes with its due time moved on', () => {
    const policy: SlaPolicy = { resolution: { amount: 2, unit: 'working_days' }, pausedIn: ['awaiting_info'] };
    const sla = startSla(policy, '2025-01-13T09:00:00Z', 'new', london);
    expect(sla?.resolutionDueAt).toBe('2025-01-14T17:00:00.000Z');
    const paused = afterAction(sla, policy, { to: 'awaiting_info', publicAction: true, now: '2025-01-13T13:00:00Z' }, london);
    expect(paused?.pausedAt).toBe('2025-01-13T13:00:00Z');
    expect(publicSla(paused, undefined, '2025-01-20T09:00:00Z')).toMatchObject({ state: 'on_track', paused: true });
    const resumed = afterAction(paused, policy, { to: 'in_progress', publicAction: true, now: '2025-01-14T13:00:00Z' }, london);
    expect(resumed?.pausedAt).toBeUndefined();
    expect(resumed?.resolutionDueAt).toBe('2025-01-15T17:00:00.000Z');
  });
});

describe('state', () => {
  const policy: SlaPolicy = { firstResponse: { amount: 4, unit: 'working_hours' }, resolution: { amount: 1, unit: 'working_days' } };
  const sla = startSla(policy, '2025-01-13T09:00:00Z', 'new', london);

  it('is on track, at risk at 75 %, breached after the due time', () => {
    expect(publicSla(sla, undefined, '2025-01-13T10:00:00Z')?.state).toBe('on_track');
    expect(publicSla(sla, undefined, '2025-01-13T12:00:00Z')?.state).toBe('at_risk');
    expect(publicSla(sla, undefined, '2025-01-13T13:00:01Z')?.state).toBe('breached');
  });

  it('a closed item met or missed its resolution promise', () => {
    expect(publicSla(sla, '2025-01-13T16:00:00Z', '2025-02-01T00:00:00Z')?.state).toBe('met');
    expect(publicSla(sla, '2025-01-14T09:30:00Z', '2025-02-01T00:00:00Z')?.state).toBe('missed');
  });

  it('a first response stops its clock: the resolution clock alone decides', () => {
    const answered = afterAction(sla, policy, { publicAction: true, now: '2025-01-13T10:00:00Z' }, london);
    expect(answered?.firstRespondedAt).toBe('2025-01-13T10:00:00Z');
    expect(publicSla(answered, undefined, '2025-01-13T13:30:00Z')?.state).toBe('on_track');
    // An internal action is not an answer to the public.
    const internal = afterAction(sla, policy, { publicAction: false, now: '2025-01-13T10:00:00Z' }, london);
    expect(internal?.firstRespondedAt).toBeUndefined();
  });

  it('escalates to at risk first, then to breached, then never again', () => {
    expect(nextEscalation(sla)).toEqual({ at: sla?.firstResponseAtRiskAt, level: 'at_risk' });
    expect(nextEscalation({ ...sla, escalated: 'at_risk' })).toEqual({ at: sla?.firstResponseDueAt, level: 'breached' });
    expect(nextEscalation({ ...sla, escalated: 'breached' })).toBeUndefined();
    expect(nextEscalation(sla, '2025-01-13T10:00:00Z')).toBeUndefined();
  });
});

// Property tests: random calendars (zones with and without DST, random working windows and holidays).
const zones = ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'];
const calendarArb = fc
  .record({
    timezone: fc.constantFrom(...zones),
    days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    start: fc.integer({ min: 0, max: 22 }),
    length: fc.integer({ min: 1, max: 10 }),
    holidays: fc.array(fc.date({ min: new Date('2024-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }), { maxLength: 20 }),
  })
  .map(
    ({ timezone, days, start, length, holidays }): WorkingCalendar => ({
      timezone,
      workingHours: {
        days,
        start: `${String(start).padStart(2, '0')}:00`,
        end: start + length >= 24 ? '24:00' : `${String(start + length).padStart(2, '0')}:30`,
      },
      holidays: holidays.map((d) => d.toISOString().slice(0, 10)),
    }),
  );
const instantArb = fc.date({ min: new Date('2024-01-01'), max: new Date('2026-06-30'), noInvalidDate: true });

describe('properties', () => {
  it('a working-time due time never falls inside non-working time', () => {
    fc.assert(
      fc.property(
        calendarArb,
        instantArb,
        fc.integer({ min: 1, max: 80 }),
        fc.constantFrom('working_hours', 'working_days'),
        (cal, start, amount, unit) => {
          const due = dueAt(start, { amount, unit: unit as 'working_hours' }, cal);
          expect(due > start).toBe(true);
          expect(isWorkingInstant(due, cal)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a pause never makes a due time earlier', () => {
    fc.assert(
      fc.property(
        calendarArb,
        instantArb,
        fc.integer({ min: 0, max: 20 * 86_400_000 }),
        fc.constantFrom(...SLA_UNITS),
        (cal, pausedAt, len, unit) => {
          const due = dueAt(pausedAt, { amount: 5, unit }, cal);
          const moved = extendByPause(due, pausedAt, new Date(pausedAt.getTime() + len), unit, cal);
          expect(moved.getTime()).toBeGreaterThanOrEqual(due.getTime());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('adding working minutes then measuring them gives the same minutes back', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: 1, max: 3000 }), (cal, start, minutes) => {
        const due = addWorkingMinutes(start, minutes, cal);
        expect(Math.round(workingMinutesBetween(start, due, cal))).toBe(minutes);
      }),
      { numRuns: 300 },
    );
  });
});
