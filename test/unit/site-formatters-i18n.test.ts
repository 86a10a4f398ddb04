import { describe, expect, it, vi } from 'vitest';
import { inPageLanguage } from '../support/page-language.js';

/**
 * The site's shared formatters on a page in each language: the same functions the pages call, loaded
 * with the messages the layout embeds for that language (the demo offers en, cy, es; Europe/London).
 */
const load = (lang: string) =>
  inPageLanguage(lang, async () => ({
    ...(await import('../../site/src/scripts/format.js')),
    ...(await import('../../site/src/scripts/sla-text.js')),
    ...(await import('../../site/src/scripts/months.js')),
    api: await import('../../site/src/scripts/api.js'),
  }));
const en = await load('en');
const cy = await load('cy');
const es = await load('es');

const now = Date.parse('2026-01-03T00:00:00Z');
const sla = { resolutionDueAt: '2025-01-14T16:00:00Z', state: 'on_track' as const, paused: false };
const policy = { resolution: { amount: 10, unit: 'working_days' as const } };

describe('the site formatters in English (unchanged wording)', () => {
  it('say phases, ages, the queue place and history lines as before', () => {
    expect(en.PHASE_LABELS).toEqual({ waiting: 'Waiting', in_progress: 'In progress', done: 'Finished' });
    expect(en.age('2026-01-01T00:00:00Z', now)).toBe('2 days');
    expect(en.age('2026-01-02T23:00:00Z', now)).toBe('1 hour');
    expect(en.ago('2026-01-01T00:00:00Z', now)).toBe('2 days ago');
    expect(en.ago('2026-01-02T23:59:30Z', now)).toBe('just now');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 112].map((n) => en.queueSentence(n, 'Potholes').split(' ')[0])).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '112th',
    ]);
    expect(en.queueSentence(12, 'Potholes')).toBe('12th in the queue for potholes');
    expect(en.eventHeadline({ type: 'transition', toLabel: 'In progress' })).toBe('Moved to In progress');
    expect(en.eventHeadline({ type: 'field', field: 'priority', to: 'high' })).toBe('Priority changed to high');
    expect(en.formatDate('2026-07-01T13:05:00Z')).toBe('1 Jul 2026, 14:05');
  });
});

describe('the site formatters in Welsh', () => {
  it('word phases, ages and times with Welsh plurals and mutations', () => {
    expect(cy.PHASE_LABELS).toEqual({ waiting: 'Yn aros', in_progress: 'Ar waith', done: "Wedi'i orffen" });
    expect(cy.age('2026-01-01T00:00:00Z', now)).toBe('2 ddiwrnod');
    expect(cy.age('2025-12-29T00:00:00Z', now)).toBe('5 diwrnod');
    expect(cy.ago('2026-01-01T00:00:00Z', now)).toBe('2 ddiwrnod yn ôl');
    expect(cy.ago('2026-01-02T23:59:30Z', now)).toBe('newydd ddigwydd');
    expect(cy.targetWords({ amount: 2, unit: 'working_days' })).toBe('2 ddiwrnod gwaith');
  });

  it('gives Welsh ordinals by the CLDR categories', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 11, 12, 13, 15, 16, 20].map((n) => cy.queueSentence(n, 'Tyllau').split(' ')[0])).toEqual([
      '1af',
      '2il',
      '3ydd',
      '4ydd',
      '5ed',
      '6ed',
      '7fed',
      '11eg',
      '12fed',
      '13eg',
      '15fed',
      '16eg',
      '20fed',
    ]);
    expect(cy.queueSentence(3, 'Tyllau yn y ffordd')).toBe('3ydd yn y ciw ar gyfer tyllau yn y ffordd');
  });

  it('says the promise, months, dates, history and errors in Welsh', () => {
    expect(cy.slaSentence(sla, policy, 'Europe/London')).toBe(
      'Ein nod yw trwsio hyn o fewn 10 diwrnod gwaith: erbyn Maw, 14 Ion. Ar y trywydd iawn.',
    );
    expect(cy.slaSentence({ ...sla, state: 'missed' }, policy, 'Europe/London')).toMatch(/^Ein nod oedd .* Wedi'i orffen yn hwyr\.$/);
    expect(cy.monthLabel('2026-11')).toBe('Tachwedd 2026');
    expect(cy.formatDate('2026-07-01T13:05:00Z')).toBe('1 Gorff 2026, 14:05');
    expect(cy.eventHeadline({ type: 'created' })).toBe('Adroddiad wedi dod i law');
    expect(cy.eventHeadline({ type: 'field', field: 'priority', to: 'urgent' })).toBe('Blaenoriaeth wedi newid i brys');
  });

  it('explains a failed call in Welsh, and asks the API for Welsh', async () => {
    const asked: Headers[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      asked.push(new Headers(init.headers));
      return asked.length === 1 ? Promise.reject(new TypeError('offline')) : new Response('', { status: 502 });
    });
    try {
      await expect(cy.api.apiFetch('/services')).rejects.toThrow(
        "Nid oedd modd cysylltu â'r bwrdd. Gwiriwch eich cysylltiad a rhowch gynnig arall arni.",
      );
      await expect(cy.api.apiFetch('/services')).rejects.toThrow('Methodd y cais (502).');
      await expect(en.api.apiFetch('/services')).rejects.toThrow('The request failed (502).');
    } finally {
      vi.unstubAllGlobals();
    }
    expect(asked.map((h) => h.get('accept-language'))).toEqual(['cy', 'cy', 'en']);
  });
});

describe('the site formatters in Spanish', () => {
  it('word phases, ages, the queue place, months and the promise in Spanish', () => {
    expect(es.PHASE_LABELS).toEqual({ waiting: 'En espera', in_progress: 'En curso', done: 'Terminado' });
    expect(es.ago('2026-01-01T00:00:00Z', now)).toBe('hace 2 días');
    expect(es.age('2026-01-02T23:00:00Z', now)).toBe('1 hora');
    expect(es.queueSentence(3, 'Baches')).toBe('3.º en la cola de baches');
    expect(es.monthLabel('2026-11')).toBe('noviembre de 2026');
    expect(es.slaSentence(sla, policy, 'Europe/London')).toBe(
      'Nos proponemos arreglarlo en un plazo de 10 días hábiles (fecha límite: mar, 14 ene). En plazo.',
    );
    expect(es.targetWords({ amount: 1, unit: 'hours' })).toBe('1 hora');
  });
});

describe('a formatter never shows a key', () => {
  const keyLike = /\b[a-z_]+\.[a-z_.]+\b/;
  it('in any language, for every phase, history event and SLA state (positive control: a made-up key shows as a key)', () => {
    for (const f of [en, cy, es]) {
      const texts = [
        ...Object.values(f.PHASE_LABELS),
        ...['created', 'transition', 'closed', 'comment', 'field'].map((type) => f.eventHeadline({ type, to: 'x', toLabel: 'X' })),
        ...(['on_track', 'at_risk', 'breached', 'met', 'missed'] as const).map(
          (state) => f.slaSentence({ ...sla, state, paused: true }, policy) ?? '',
        ),
        ...(['hours', 'days', 'working_hours', 'working_days'] as const).map((unit) => f.targetWords({ amount: 3, unit })),
      ];
      for (const text of texts) expect(text).not.toMatch(keyLike);
    }
    expect(en.targetWords({ amount: 3, unit: 'fortnights' as 'days' })).toMatch(keyLike);
  });
});
