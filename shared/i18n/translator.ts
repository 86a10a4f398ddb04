import { IntlMessageFormat } from 'intl-messageformat';
import { type DateFormatter, dateFormatter } from './dates.js';

/** One language's messages, flat: `{ 'track.reference': 'Reference', 'queue.count': '{n, plural, one {# report} other {# reports}}' }`. */
export type Messages = Record<string, string>;

/** Values for a message's ICU arguments; dates format in the translator's time zone. */
export type MessageValues = Record<string, string | number | Date>;

export interface TranslatorOptions {
  /** The language of the text (BCP 47 primary tag: `en`, `cy`, `es`). */
  lang: string;
  /** The locale for `Intl` (dates, numbers, plural rules): the language with the jurisdiction's region. */
  locale: string;
  timeZone: string;
  messages: Messages;
  /** The default language's messages, used (and reported via `onMissing`) when a key is absent. */
  fallback?: Messages;
  onMissing?: (key: string, lang: string) => void;
}

/**
 * Messages and formats of one language: ICU MessageFormat (intl-messageformat, so plurals, selects,
 * dates and numbers follow CLDR for the language) and `Intl` for dates, numbers, relative times and
 * lists, always in the jurisdiction's time zone. Browser-safe: the site and the functions share it.
 */
export class Translator {
  readonly lang: string;
  readonly locale: string;
  readonly timeZone: string;
  private readonly formats = new Map<string, IntlMessageFormat>();
  private readonly dates = new Map<string, DateFormatter>();

  constructor(private readonly options: TranslatorOptions) {
    this.lang = options.lang;
    this.locale = options.locale;
    this.timeZone = options.timeZone;
  }

  /** Whether the language itself (not the fallback) has this key. */
  has(key: string): boolean {
    return Object.hasOwn(this.options.messages, key);
  }

  /** The raw message (the language's, else the fallback's), without formatting. */
  raw(key: string): string | undefined {
    if (this.has(key)) return this.options.messages[key];
    this.options.onMissing?.(key, this.lang);
    return this.options.fallback?.[key];
  }

  /**
   * A message with its arguments: `t('queue.position', { n: 3, service: 'Potholes' })`. A key neither the
   * language nor the fallback has comes back as the key itself, which the page walk looks for.
   */
  t(key: string, values?: MessageValues): string {
    const message = this.raw(key);
    if (message === undefined) return key;
    if (!message.includes('{') && !message.includes("'")) return message;
    let format = this.formats.get(key);
    if (!format) {
      format = new IntlMessageFormat(message, this.locale, undefined, { formatters: undefined, ignoreTag: true });
      this.formats.set(key, format);
    }
    return String(format.format(values as Record<string, string | number | Date>));
  }

  /** Text a council wrote (service names, state labels): never parsed as ICU, falls back to `otherwise`. */
  text(key: string, otherwise: string): string {
    if (this.has(key)) return this.options.messages[key] as string;
    return this.options.fallback?.[key] ?? otherwise;
  }

  /** A date and/or time in the jurisdiction's time zone: `date(iso)` "2 Dec 2026, 14:05". */
  date(value: string | number | Date, style: 'datetime' | 'date' | 'time' | 'month' | 'weekday' = 'datetime'): string {
    let format = this.dates.get(style);
    if (!format) {
      const options: Intl.DateTimeFormatOptions =
        style === 'datetime'
          ? { dateStyle: 'medium', timeStyle: 'short' }
          : style === 'date'
            ? { dateStyle: 'medium' }
            : style === 'time'
              ? { timeStyle: 'short' }
              : style === 'month'
                ? { month: 'long', year: 'numeric' }
                : { weekday: 'long', day: 'numeric', month: 'long' };
      format = dateFormatter(this.locale, { ...options, timeZone: this.timeZone }, (key) => this.raw(key));
      this.dates.set(style, format);
    }
    return format.format(typeof value === 'string' ? new Date(value) : value);
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return new Intl.NumberFormat(this.locale, options).format(value);
  }

  /** "3 days ago", "in 2 hours", "now" in the language, from the largest whole unit. */
  relative(value: string | number | Date, now: number = Date.now()): string {
    const then = typeof value === 'string' ? Date.parse(value) : typeof value === 'number' ? value : value.getTime();
    const seconds = Math.round((then - now) / 1000);
    const format = new Intl.RelativeTimeFormat(this.locale, { numeric: 'auto' });
    const units: [Intl.RelativeTimeFormatUnit, number][] = [
      ['year', 31_536_000],
      ['month', 2_592_000],
      ['week', 604_800],
      ['day', 86_400],
      ['hour', 3_600],
      ['minute', 60],
    ];
    for (const [unit, size] of units) if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
    return format.format(0, 'minute');
  }

  /** "a, b and c" in the language. */
  list(items: string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
    return new Intl.ListFormat(this.locale, { style: 'long', type }).format(items);
  }
}

/**
 * The locale for `Intl` of a language in a jurisdiction: the jurisdiction's own locale for its own
 * language (`en` in `en-GB` → `en-GB`), else the language in the jurisdiction's region (`cy` → `cy-GB`,
 * `es` in `en-US` → `es-US`), else the bare language.
 */
export function intlLocale(lang: string, jurisdictionLocale: string): string {
  const [base, ...rest] = jurisdictionLocale.split('-');
  if (base?.toLowerCase() === lang.toLowerCase()) return jurisdictionLocale;
  const region = rest.find((part) => /^[A-Za-z]{2}$|^\d{3}$/.test(part));
  if (!region) return lang;
  try {
    return Intl.getCanonicalLocales(`${lang}-${region}`)[0] ?? lang;
  } catch {
    return lang;
  }
}
