import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { w3cTime } from '../../shared/open311/model.js';
import { inZone, isoDateOf, isoWithOffset, plusDays, setLocal, startOfDay, weekdayOf } from '../../shared/sla/zoned.js';

/**
 * shared/sla/zoned.ts replaces luxon on the SLA clock (the request path): it must give luxon's answers,
 * DST gaps and overlaps included. Zones with DST at midnight (Santiago, Beirut), half-hour DST (Lord
 * Howe), odd offsets (Kathmandu, Chatham), southern-hemisphere DST and none at all.
 */
const zones = [
  'Europe/London',
  'America/New_York',
  'America/Santiago',
  'Asia/Beirut',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'Australia/Sydney',
  'America/Sao_Paulo',
  'UTC',
];
const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2045, 0, 1) });
const zone = fc.constantFrom(...zones);
const luxon = (ms: number, z: string) => DateTime.fromMillis(ms, { zone: z });

describe('zoned times against luxon', () => {
  it('writes a time with its offset as luxon does, with and without milliseconds; Open311 times in whole seconds', () => {
    fc.assert(
      fc.property(instant, zone, fc.boolean(), (ms, z, whole) => {
        const at = whole ? ms - (ms % 1000) : ms;
        const theirs = luxon(at, z).toISO({ suppressMilliseconds: true });
        expect(isoWithOffset(inZone(at, z))).toBe(theirs);
        // Open311 times: whole seconds, as Chicago sends them.
        const second = ms - (((ms % 1000) + 1000) % 1000);
        expect(w3cTime(new Date(at).toISOString(), z)).toBe(luxon(second, z).toISO({ suppressMilliseconds: true }));
      }),
      { numRuns: 300 },
    );
    expect(w3cTime('2019-01-29T23:19:38Z', 'America/Chicago')).toBe('2019-01-29T17:19:38-06:00');
    expect(w3cTime('2019-07-01T12:00:00.120Z', 'Asia/Kathmandu')).toBe('2019-07-01T17:45:00+05:45');
    expect(isoWithOffset(inZone(Date.parse('2019-07-01T12:00:00.120Z'), 'Asia/Kathmandu'))).toBe('2019-07-01T17:45:00.120+05:45');
    // A zone the platform does not know is written in UTC; text that is not a time is left as it is.
    expect(w3cTime('2019-01-29T23:19:38Z', 'Mars/Olympus')).toBe('2019-01-29T23:19:38Z');
    expect(w3cTime('not a time', 'America/Chicago')).toBe('not a time');
  });

  it('reads the same local date, time, weekday and offset', () => {
    fc.assert(
      fc.property(instant, zone, (ms, z) => {
        const mine = inZone(ms, z);
        const theirs = luxon(ms, z);
        expect([mine.year, mine.month, mine.day, mine.hour, mine.minute, mine.second, mine.offset]).toEqual([
          theirs.year,
          theirs.month,
          theirs.day,
          theirs.hour,
          theirs.minute,
          theirs.second,
          theirs.offset,
        ]);
        expect(weekdayOf(mine)).toBe(theirs.weekday);
        expect(isoDateOf(mine)).toBe(theirs.toISODate());
      }),
      { numRuns: 300 },
    );
  });

  it('starts the day, adds calendar days and sets a wall-clock time to the same instants', () => {
    fc.assert(
      fc.property(
        instant,
        zone,
        fc.integer({ min: -40, max: 400 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (ms, z, days, hour, minute) => {
          const mine = inZone(ms, z);
          const theirs = luxon(ms, z);
          expect(startOfDay(mine).ms).toBe(theirs.startOf('day').toMillis());
          expect(plusDays(mine, days).ms).toBe(theirs.plus({ days }).toMillis());
          expect(setLocal(startOfDay(mine), { hour, minute }).ms).toBe(theirs.startOf('day').set({ hour, minute }).toMillis());
          expect(plusDays(startOfDay(mine), days).ms).toBe(theirs.startOf('day').plus({ days }).toMillis());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('resolves wall-clock times in a spring-forward gap and an autumn overlap as luxon does', () => {
    // London 2025-03-30 01:30 does not exist; 2025-10-26 01:30 happens twice.
    for (const day of ['2025-03-30T00:00:00Z', '2025-10-26T00:00:00Z']) {
      const ms = Date.parse(day);
      const mine = startOfDay(inZone(ms, 'Europe/London'));
      const theirs = luxon(ms, 'Europe/London').startOf('day');
      expect(setLocal(mine, { hour: 1, minute: 30 }).ms).toBe(theirs.set({ hour: 1, minute: 30 }).toMillis());
      expect(setLocal(mine, { hour: 9, minute: 0 }).ms).toBe(theirs.set({ hour: 9, minute: 0 }).toMillis());
    }
  });
});
