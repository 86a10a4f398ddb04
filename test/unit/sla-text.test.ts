import { describe, expect, it } from 'vitest';
import { inPageLanguage } from '../support/page-language.js';

const { slaSentence, targetWords } = await inPageLanguage('en', () => import('../../site/src/scripts/sla-text.js'));

describe('the promise in words on the item page', () => {
  const policy = { resolution: { amount: 10, unit: 'working_days' as const } };

  it('says the target, the date and where it stands', () => {
    const sla = { resolutionDueAt: '2025-01-14T16:00:00Z', state: 'on_track' as const, paused: false };
    expect(slaSentence(sla, policy, 'Europe/London')).toBe('We aim to fix this within 10 working days: by Tue 14 Jan. On track.');
  });

  it('speaks in the past once finished, and says when the clock is paused', () => {
    const met = { resolutionDueAt: '2025-01-14T16:00:00Z', state: 'met' as const, paused: false };
    expect(slaSentence(met, policy, 'Europe/London')).toBe('We aimed to fix this within 10 working days: by Tue 14 Jan. Done on time.');
    const paused = { resolutionDueAt: '2025-01-14T16:00:00Z', state: 'on_track' as const, paused: true };
    expect(slaSentence(paused, policy, 'Europe/London')).toMatch(/paused/);
  });

  it('uses the singular for one, and says nothing without a promise', () => {
    expect(targetWords({ amount: 1, unit: 'hours' })).toBe('1 hour');
    expect(slaSentence(undefined, policy)).toBeUndefined();
  });
});
