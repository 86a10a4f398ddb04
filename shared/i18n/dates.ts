/**
 * Dates in a language the runtime's `Intl` may not have: Chromium ships no Welsh date data (it formats
 * `cy` as American English), while Node has full ICU. Where `Intl.DateTimeFormat` lacks the locale, the
 * date is laid out as en-GB lays it out (day month year, 24-hour clock, as Welsh and most European
 * languages write it) with the month and weekday names from the language's own catalog (`date.*` keys
 * in common.json, `|`-separated, weekdays from Sunday). Where `Intl` has the locale, it is used as is.
 */

/** Looks a message up (a Translator's `raw`). */
export type MessageLookup = (key: string) => string | undefined;

export interface DateFormatter {
  format(value: Date | number): string;
}

const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function names(lookup: MessageLookup, key: string, count: number): string[] | undefined {
  const list = lookup(key)
    ?.split('|')
    .map((n) => n.trim());
  return list?.length === count && list.every(Boolean) ? list : undefined;
}

/**
 * A formatter for `locale` with `options` (give `timeZone`), falling back to the catalog's names when the
 * runtime has no dates for the locale.
 * @example dateFormatter('cy-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }, lookup).format(new Date('2026-11-15')) // 'Tachwedd 2026'
 */
export function dateFormatter(locale: string, options: Intl.DateTimeFormatOptions, lookup: MessageLookup): DateFormatter {
  const native = new Intl.DateTimeFormat(locale, options);
  if (Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0) return native;
  const months = names(lookup, 'date.months', 12);
  const monthsShort = names(lookup, 'date.months_short', 12);
  const weekdays = names(lookup, 'date.weekdays', 7);
  const weekdaysShort = names(lookup, 'date.weekdays_short', 7);
  if (!months || !monthsShort || !weekdays || !weekdaysShort) return native;
  const layout = new Intl.DateTimeFormat('en-GB', { ...options, hourCycle: options.timeStyle || options.hour ? 'h23' : undefined });
  const monthOf = new Intl.DateTimeFormat('en-GB', { month: 'numeric', timeZone: options.timeZone });
  const weekdayOf = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone: options.timeZone });
  // A medium date style shows a short month name; `month: 'long'` and the full styles a long one.
  const longMonth = options.month === 'long' || options.dateStyle === 'long' || options.dateStyle === 'full';
  const longWeekday = options.weekday === 'long' || options.dateStyle === 'full';
  return {
    format(value: Date | number): string {
      const month = Number(monthOf.format(value)) - 1;
      const weekday = WEEKDAYS_EN.indexOf(weekdayOf.format(value));
      return layout
        .formatToParts(value)
        .map((part) => {
          if (part.type === 'month' && !/^\d+$/.test(part.value)) return (longMonth ? months : monthsShort)[month] ?? part.value;
          if (part.type === 'weekday') return (longWeekday ? weekdays : weekdaysShort)[weekday] ?? part.value;
          return part.value;
        })
        .join('');
    },
  };
}
