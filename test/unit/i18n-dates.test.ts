import { describe, expect, it } from 'vitest';
import { messagesOf } from '../../shared/i18n/board.js';
import { dateFormatter } from '../../shared/i18n/dates.js';

/**
 * Dates in a language the runtime's Intl lacks (Chromium has no Welsh dates): laid out as en-GB with the
 * catalog's names. Node has full ICU, so the test names a locale no runtime knows and gives it Welsh names;
 * Node's own Welsh is the reference the fallback must match.
 */
const cy = messagesOf('cy');
const lookup = (key: string) => cy[key];
const at = new Date('2025-01-14T16:05:00Z');
const unknown = 'qaa-GB'; // a private-use language code: no runtime has data for it
const timeZone = 'Europe/London';

describe('dates where Intl lacks the language', () => {
  it('is the precondition: the runtime has no dates for the stand-in locale, and has Welsh', () => {
    expect(Intl.DateTimeFormat.supportedLocalesOf([unknown])).toEqual([]);
    expect(Intl.DateTimeFormat.supportedLocalesOf(['cy-GB'])).toEqual(['cy-GB']);
  });

  it.each([
    [{ dateStyle: 'medium', timeStyle: 'short' }, '14 Ion 2025, 16:05'],
    [{ dateStyle: 'medium' }, '14 Ion 2025'],
    [{ month: 'long', year: 'numeric' }, 'Ionawr 2025'],
    [{ weekday: 'short', day: 'numeric', month: 'short' }, 'Maw 14 Ion'],
    [{ weekday: 'long', day: 'numeric', month: 'long' }, 'Dydd Mawrth 14 Ionawr'],
  ] as [Intl.DateTimeFormatOptions, string][])('%j → %s, with the catalog’s Welsh names', (options, want) => {
    const text = dateFormatter(unknown, { ...options, timeZone }, lookup).format(at);
    expect(text).toBe(want);
    // The same names Node's own Welsh data uses.
    const native = new Intl.DateTimeFormat('cy-GB', { ...options, timeZone }).format(at);
    for (const word of text.split(/[\s,]+/).filter((w) => /\p{L}/u.test(w))) expect(native).toContain(word);
  });

  it('takes the day and month in the jurisdiction’s zone, not UTC', () => {
    const lateNight = new Date('2025-06-30T23:30:00Z'); // already 1 July in London
    expect(dateFormatter(unknown, { dateStyle: 'medium', timeZone }, lookup).format(lateNight)).toBe('1 Gorff 2025');
  });

  it('uses Intl as it is where the runtime has the language, and falls back to Intl without names (control)', () => {
    expect(dateFormatter('es-GB', { month: 'long', year: 'numeric', timeZone }, lookup).format(at)).toBe('enero de 2025');
    expect(dateFormatter(unknown, { month: 'long', year: 'numeric', timeZone }, () => undefined).format(at)).not.toContain('Ionawr');
  });
});
