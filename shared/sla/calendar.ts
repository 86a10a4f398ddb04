import { inZone, isoDateOf, plusDays, setLocal, startOfDay, weekdayOf, type Zoned } from './zoned.js';

/** When the council works: ISO weekdays (1 = Monday … 7 = Sunday) and a daily window in local time. */
export interface WorkingHours {
  days: number[];
  start: string;
  end: string;
}

/** The clock an SLA runs on: the jurisdiction's timezone, its working hours and its holidays (local dates). */
export interface WorkingCalendar {
  timezone: string;
  workingHours: WorkingHours;
  holidays: string[];
}

export const DEFAULT_WORKING_HOURS: WorkingHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** Minutes of working time in one working day. */
export function workingDayMinutes(cal: WorkingCalendar): number {
  return Math.max(0, minutesOf(cal.workingHours.end) - minutesOf(cal.workingHours.start));
}

/**
 * The working window of the local day that contains `at`, or undefined when that day is not worked
 * (weekend, holiday). Built from wall-clock times in the zone, so a DST change moves it with the clock.
 */
export function windowOn(day: Zoned, cal: WorkingCalendar): { start: Zoned; end: Zoned } | undefined {
  const local = startOfDay(day.zone === cal.timezone ? day : inZone(day.ms, cal.timezone));
  if (!cal.workingHours.days.includes(weekdayOf(local))) return undefined;
  if (cal.holidays.includes(isoDateOf(local))) return undefined;
  const s = minutesOf(cal.workingHours.start);
  const e = minutesOf(cal.workingHours.end);
  if (e <= s) return undefined;
  return { start: wallClock(local, s), end: wallClock(local, e) };
}

/** The instant of a local wall-clock time (minutes after midnight; 24:00 is the next midnight). */
function wallClock(day: Zoned, minutes: number): Zoned {
  if (minutes >= 24 * 60) return startOfDay(plusDays(day, 1));
  return setLocal(day, { hour: Math.floor(minutes / 60), minute: minutes % 60 });
}

/** Guards loops over days: a calendar with no working day at all would never end. */
const MAX_DAYS = 3660;

function hasWorkingDays(cal: WorkingCalendar): boolean {
  return cal.workingHours.days.length > 0 && workingDayMinutes(cal) > 0;
}

/**
 * Adds `minutes` of working time to `from`: the clock runs only inside working windows. A start outside
 * them begins at the next window's opening. The result lies inside a window (after its start, at most
 * its end): what is due at the close of a day is due that day, not at the next opening.
 * @example addWorkingMinutes(fri1655, 10, cal) // Tue 09:05 when Monday is a holiday
 */
export function addWorkingMinutes(from: Date, minutes: number, cal: WorkingCalendar): Date {
  if (!hasWorkingDays(cal)) throw new Error('The working calendar has no working time.');
  let left = minutes * 60_000;
  let day = startOfDay(inZone(from.getTime(), cal.timezone));
  const fromMs = from.getTime();
  for (let i = 0; i < MAX_DAYS; i++, day = plusDays(day, 1)) {
    const w = windowOn(day, cal);
    if (!w) continue;
    const start = Math.max(w.start.ms, fromMs);
    const end = w.end.ms;
    if (start >= end) continue;
    if (left <= 0) return new Date(start);
    if (start + left <= end) return new Date(start + left);
    left -= end - start;
  }
  throw new Error('Working time runs past ten years: check the working calendar.');
}

/** Working minutes between two instants (0 when `to` is not after `from`). */
export function workingMinutesBetween(from: Date, to: Date, cal: WorkingCalendar): number {
  if (to <= from || !hasWorkingDays(cal)) return 0;
  let ms = 0;
  let day = startOfDay(inZone(from.getTime(), cal.timezone));
  for (let i = 0; i < MAX_DAYS * 10 && day.ms < to.getTime(); i++, day = plusDays(day, 1)) {
    const w = windowOn(day, cal);
    if (!w) continue;
    const start = Math.max(w.start.ms, from.getTime());
    const end = Math.min(w.end.ms, to.getTime());
    if (end > start) ms += end - start;
  }
  return ms / 60_000;
}

/** Whether `at` lies inside working time (a window's start excluded, its end included: where due times fall). */
export function isWorkingInstant(at: Date, cal: WorkingCalendar): boolean {
  // The window's end is inside it, so an instant at midnight belongs to the day before it.
  const w = windowOn(inZone(at.getTime() - 1, cal.timezone), cal);
  return !!w && at.getTime() > w.start.ms && at.getTime() <= w.end.ms;
}
