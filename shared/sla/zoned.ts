/**
 * Local dates and wall-clock times in an IANA zone, from the platform's own time-zone data (`Intl`),
 * for the SLA clock on the request path: the few operations shared/sla/calendar.ts and due.ts need, so
 * that filing a report does not load a whole date library (luxon, ~70 KB of every function's bundle;
 * it stays where periods and formats are needed: statistics, digests, imports).
 *
 * A wall-clock time is resolved to an instant the way luxon resolves it (`fixOffset`): the offset of
 * the instant it was derived from is tried first, then the offset at the guess; in a spring-forward gap
 * the time moves forward, in an autumn overlap the earlier instant is kept when the guess lands on it.
 * test/unit/sla-zoned.test.ts checks every function here against luxon on random instants and zones.
 */

/** A local calendar day and time of day in a zone, with the instant and offset it came from. */
export interface Zoned {
  /** The instant, ms since the epoch. */
  ms: number;
  zone: string;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC at `ms`. */
  offset: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's offset at an instant, in minutes east of UTC. */
export function offsetAt(ms: number, zone: string): number {
  const parts: Record<string, string> = {};
  for (const p of formatter(zone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  const year = parts.era === 'BC' || parts.era === 'B' ? 1 - Number(parts.year) : Number(parts.year);
  const whole = ms - (((ms % 1000) + 1000) % 1000);
  const local = Date.UTC(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return (local - whole) / 60_000;
}

/** An instant seen in a zone (its offset there, when known already). */
export function inZone(ms: number, zone: string, offset = offsetAt(ms, zone)): Zoned {
  const local = new Date(ms + offset * 60_000);
  return {
    ms,
    zone,
    offset,
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    millisecond: local.getUTCMilliseconds(),
  };
}

/** luxon's fixOffset: a local wall-clock time (as UTC-based ms) in the zone, trying offset `o` first. */
function resolve(localMs: number, o: number, zone: string): Zoned {
  let guess = localMs - o * 60_000;
  const o2 = offsetAt(guess, zone);
  if (o === o2) return inZone(guess, zone, o);
  guess -= (o2 - o) * 60_000;
  const o3 = offsetAt(guess, zone);
  if (o2 === o3) return inZone(guess, zone, o2);
  return inZone(localMs - Math.min(o2, o3) * 60_000, zone, Math.max(o2, o3));
}

const localMsOf = (z: Omit<Zoned, 'ms' | 'zone' | 'offset'>) =>
  Date.UTC(z.year, z.month - 1, z.day, z.hour, z.minute, z.second, z.millisecond);

/** The same local fields with some changed (luxon's `set`), resolved from `z`'s offset. */
export function setLocal(z: Zoned, fields: Partial<Pick<Zoned, 'hour' | 'minute' | 'second' | 'millisecond'>>): Zoned {
  return resolve(localMsOf({ ...z, ...fields }), z.offset, z.zone);
}

/** Local midnight of `z`'s day (luxon's `startOf('day')`). */
export const startOfDay = (z: Zoned): Zoned => setLocal(z, { hour: 0, minute: 0, second: 0, millisecond: 0 });

/** `days` calendar days later at the same wall-clock time (luxon's `plus({ days })`). */
export function plusDays(z: Zoned, days: number): Zoned {
  const d = new Date(Date.UTC(z.year, z.month - 1, z.day + days));
  const local = { ...z, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  return resolve(localMsOf(local), z.offset, z.zone);
}

/** ISO weekday of the local day: 1 = Monday … 7 = Sunday. */
export const weekdayOf = (z: Zoned): number => new Date(Date.UTC(z.year, z.month - 1, z.day)).getUTCDay() || 7;

/** The local day as `yyyy-mm-dd`. */
export const isoDateOf = (z: Zoned): string =>
  `${String(z.year).padStart(4, '0')}-${String(z.month).padStart(2, '0')}-${String(z.day).padStart(2, '0')}`;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The local time with its offset, as luxon's `toISO({ suppressMilliseconds: true })` writes it:
 * `2019-01-29T17:19:38-06:00`, milliseconds only when there are some, `Z` only for the fixed zone `UTC`.
 */
export function isoWithOffset(z: Zoned): string {
  const sign = z.offset < 0 ? '-' : '+';
  const abs = Math.abs(z.offset);
  const offset = z.zone.toLowerCase() === 'utc' ? 'Z' : `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  const ms = z.millisecond ? `.${pad(z.millisecond, 3)}` : '';
  return `${isoDateOf(z)}T${pad(z.hour)}:${pad(z.minute)}:${pad(z.second)}${ms}${offset}`;
}
