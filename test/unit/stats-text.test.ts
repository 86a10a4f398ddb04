import { describe, expect, it } from 'vitest';
import { periodFigures } from '../../shared/sla/index.js';
import { inPageLanguage } from '../support/page-language.js';

// stats-text words targets with sla-text's targetWords, which reads the page's messages: load it as an English page does.
const { daysWords, serviceRecord, statsQuery } = await inPageLanguage('en', () => import('../../site/src/scripts/stats-text.js'));

describe("a service's record in words", () => {
  const potholes = { name: 'Potholes', sla: { resolution: { amount: 10, unit: 'working_days' as const } } };

  it('says the on-time share against the target and the median', () => {
    const total = { ...periodFigures('all'), closed: 50, resolvedOnTimePct: 82, medianDaysToClose: 6.03 };
    expect(serviceRecord(potholes, { total })).toBe('Potholes: 82 % fixed within 10 working days over the last 90 days; median 6 days');
  });

  it('says nothing when nothing was finished, and counts finishes when no due times are known', () => {
    expect(serviceRecord(potholes, { total: periodFigures('all') })).toBeUndefined();
    const total = { ...periodFigures('all'), closed: 3, medianDaysToClose: 1.26 };
    expect(serviceRecord(potholes, { total })).toBe('Potholes: 3 finished over the last 90 days; median 1.3 days');
  });

  it('builds the API query with only what is set', () => {
    expect(statsQuery({})).toBe('/stats');
    expect(statsQuery({ service: 'pothole', interval: 'week', csv: true })).toBe('/stats?service=pothole&interval=week&format=csv');
    expect(daysWords(null)).toBe('–');
  });
});
