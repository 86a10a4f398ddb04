import { addWorkingMinutes, type WorkingCalendar, workingDayMinutes, workingMinutesBetween } from './calendar.js';
import { inZone, plusDays } from './zoned.js';

export const SLA_UNITS = ['hours', 'days', 'working_hours', 'working_days'] as const;
export type SlaUnit = (typeof SLA_UNITS)[number];

/** A promised span of time: `{amount: 10, unit: 'working_days'}`. */
export interface SlaTarget {
  amount: number;
  unit: SlaUnit;
}

const isWorking = (unit: SlaUnit) => unit === 'working_hours' || unit === 'working_days';

/** The target in the unit's own clock: working minutes for working units, real minutes otherwise. */
function targetMinutes(target: SlaTarget, cal: WorkingCalendar): number {
  switch (target.unit) {
    case 'hours':
    case 'working_hours':
      return target.amount * 60;
    case 'working_days':
      return target.amount * workingDayMinutes(cal);
    case 'days':
      return target.amount * 24 * 60;
  }
}

/**
 * The instant `fraction` of the target after `start` (1 = the due time, 0.75 = when it turns at risk).
 * `days` are calendar days in the jurisdiction's zone (a day across a DST change is 23 or 25 hours, and
 * the due time keeps the wall-clock time); `hours` are real hours; working units count only working
 * time (a working day is one day's working hours).
 * @example dueAt(new Date('2025-01-03T16:55:00Z'), {amount: 1, unit: 'working_days'}, cal)
 */
export function dueAt(start: Date, target: SlaTarget, cal: WorkingCalendar, fraction = 1): Date {
  if (target.unit === 'days' && fraction === 1) {
    return new Date(plusDays(inZone(start.getTime(), cal.timezone), target.amount).ms);
  }
  if (target.unit === 'days') {
    const due = dueAt(start, target, cal);
    return new Date(start.getTime() + (due.getTime() - start.getTime()) * fraction);
  }
  const minutes = targetMinutes(target, cal) * fraction;
  if (isWorking(target.unit)) return addWorkingMinutes(start, minutes, cal);
  return new Date(start.getTime() + minutes * 60_000);
}

/**
 * How long a pause from `pausedAt` to `resumedAt` stopped the clock of `unit`: working minutes for
 * working units, real minutes otherwise. Never negative.
 */
export function pausedMinutes(pausedAt: Date, resumedAt: Date, unit: SlaUnit, cal: WorkingCalendar): number {
  if (resumedAt <= pausedAt) return 0;
  if (isWorking(unit)) return workingMinutesBetween(pausedAt, resumedAt, cal);
  return (resumedAt.getTime() - pausedAt.getTime()) / 60_000;
}

/**
 * A due time moved on by a pause: the clock stopped for the pause's length in the unit's clock, so the
 * promise moves by as much (never earlier: the pause is never negative).
 * @example extendByPause(due, friday17, monday10, 'working_hours', cal) // due + 1 working hour
 */
export function extendByPause(due: Date, pausedAt: Date, resumedAt: Date, unit: SlaUnit, cal: WorkingCalendar): Date {
  const minutes = pausedMinutes(pausedAt, resumedAt, unit, cal);
  if (minutes <= 0) return due;
  if (isWorking(unit)) return addWorkingMinutes(due, minutes, cal);
  return new Date(due.getTime() + minutes * 60_000);
}
