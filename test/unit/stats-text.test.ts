import { describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n/board.js';
import { periodFigures } from '../../shared/sla/index.js';
import { inPageLanguage } from '../support/page-language.js';

// stats-text words targets with sla-text's targetWords, which reads the page's messages: load it as an English page does.
const { ageBucket, daysWords, pctWords, periodLabel, serviceRecord, statsQuery } = await inPageLanguage(
  'en',
  () => import('../../site/src/scripts/stats-text.js'),
);

const en = translator('en');
const cy = translator('cy');
const es = translator('es');

describe("a service's record in words", () => {
  const potholes = { name: 'Potholes', sla: { resolution: { amount: 10, unit: 'working_days' as const } } };

  it('says the on-time share against the target and the median', () => {
    const total = { ...periodFigures('all'), closed: 50, resolvedOnTimePct: 82, medianDaysToClose: 6.03 };
    expect(serviceRecord(potholes, { total }, 90, en)).toBe(
      'Potholes: 82% fixed within 10 working days over the last 90 days; median 6 days',
    );
  });

  it('says nothing when nothing was finished, and counts finishes when no due times are known', () => {
    expect(serviceRecord(potholes, { total: periodFigures('all') }, 90, en)).toBeUndefined();
    const total = { ...periodFigures('all'), closed: 3, medianDaysToClose: 1.26 };
    expect(serviceRecord(potholes, { total }, 90, en)).toBe('Potholes: 3 finished over the last 90 days; median 1.3 days');
  });

  it('builds the API query with only what is set', () => {
    expect(statsQuery({})).toBe('/stats');
    expect(statsQuery({ service: 'pothole', interval: 'week', csv: true })).toBe('/stats?service=pothole&interval=week&format=csv');
    expect(daysWords(null, en)).toBe('–');
  });
});

describe('the statistics in Welsh and Spanish', () => {
  const potholes = { name: 'Tyllau', sla: { resolution: { amount: 10, unit: 'working_days' as const } } };
  const total = { ...periodFigures('all'), closed: 50, resolvedOnTimePct: 82, medianDaysToClose: 6.03 };

  it('words the record as one Welsh sentence, with the target, share and median in it', () => {
    expect(serviceRecord(potholes, { total }, 90, cy)).toBe(
      "Tyllau: 82% wedi'u trwsio o fewn 10 diwrnod gwaith dros y 90 diwrnod diwethaf; canolrif 6 diwrnod",
    );
  });

  it('words the record in Spanish, with the decimal comma and the spaced percent Intl gives the language', () => {
    const bacheo = { ...potholes, name: 'Baches' };
    expect(serviceRecord(bacheo, { total: { ...total, medianDaysToClose: 1.26 } }, 90, es)).toBe(
      'Baches: 82\u00a0% reparados en un plazo de 10 días hábiles en los últimos 90 días; mediana de 1,3 días',
    );
  });

  it('uses each language’s plural forms (Welsh “2 ddiwrnod”, Spanish “1 día”) where English has two', () => {
    expect([1, 2, 3, 6.2].map((n) => daysWords(n, cy))).toEqual(['1 diwrnod', '2 ddiwrnod', '3 diwrnod', '6.2 diwrnod']);
    expect([1, 2, 6.2].map((n) => daysWords(n, es))).toEqual(['1 día', '2 días', '6,2 días']);
    expect([1, 2].map((n) => daysWords(n, en))).toEqual(['1 day', '2 days']);
  });

  it('names the backlog’s age buckets and the months in the language; a bucket of another shape passes through', () => {
    expect(['0-2 days', 'over 90 days'].map((b) => ageBucket(b, cy))).toEqual(['0-2 diwrnod', 'dros 90 diwrnod']);
    expect(ageBucket('over 90 days', es)).toBe('más de 90 días');
    expect(ageBucket('a fortnight', es)).toBe('a fortnight');
    expect(periodLabel('2026-11', es)).toMatch(/^nov/);
    expect(periodLabel('2026-11', cy)).toMatch(/^Tach/);
    expect(periodLabel('2026-11', en)).toBe('Nov 26');
    expect(pctWords(82.4, en)).toBe('82%');
    expect(pctWords(null, cy)).toBe('–');
  });
});
