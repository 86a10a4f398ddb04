import { describe, expect, it } from 'vitest';
import { inPageLanguage } from '../support/page-language.js';

const { completedHref, monthLabel, neighbours, pickMonth } = await inPageLanguage('en', () => import('../../site/src/scripts/months.js'));

const months = [
  { month: '2026-12', count: 1 },
  { month: '2026-11', count: 4 },
  { month: '2026-09', count: 2 },
];

describe('completed work by month', () => {
  it('names a month in words, whatever the time zone', () => {
    expect(monthLabel('2026-11')).toBe('November 2026');
    expect(monthLabel('2027-01')).toBe('January 2027');
  });

  it('shows the month asked for when it has finished reports, else the newest', () => {
    expect(pickMonth(months, '2026-11')?.month).toBe('2026-11');
    expect(pickMonth(months, '2026-10')?.month).toBe('2026-12');
    expect(pickMonth(months, null)?.month).toBe('2026-12');
    expect(pickMonth([], '2026-11')).toBeUndefined();
  });

  it('pages to the nearest months that have finished reports, skipping empty ones', () => {
    expect(neighbours(months, '2026-11')).toEqual({ newer: months[0], older: months[2] });
    expect(neighbours(months, '2026-12')).toEqual({ newer: undefined, older: months[1] });
  });

  it('gives each month of each service its own address', () => {
    expect(completedHref({ month: '2026-11', service: 'pothole' })).toBe('/completed/?service=pothole&month=2026-11');
    expect(completedHref({})).toBe('/completed/');
  });
});
