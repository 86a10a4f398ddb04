import { describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n/board.js';
import { alertRequest } from '../../site/src/scripts/alert-target.js';
import { targetWords } from '../../site/src/scripts/alerts.js';
import { percent } from '../../site/src/scripts/bill-people.js';

const en = translator('en');
const cy = translator('cy');
const es = translator('es');
const circle = { type: 'circle' as const, center: { lat: 51.4612, lng: -2.6013 }, radiusMeters: 250 };

describe('an alert in words, on the manage page', () => {
  it('says what a circle follows in each language, with its distance as the language writes units', () => {
    expect(targetWords(circle, en)).toBe('reports within 250 m of 51.46120, -2.60130');
    expect(targetWords(circle, cy)).toBe('adroddiadau o fewn 250 m i 51.46120, -2.60130');
    expect(targetWords({ ...circle, radiusMeters: 1500 }, es)).toBe('reportes a menos de 1,5 km de 51.46120, -2.60130');
  });

  it('names a followed service by the council’s word for it, and an area by its id', () => {
    expect(targetWords({ type: 'service', serviceCode: 'pothole' }, en)).toMatch(/^Potholes? reports$/);
    expect(targetWords({ type: 'area', areaId: 'centre' }, es)).toBe('reportes en la zona centre');
    // An unknown code is shown as it is, never as a key.
    expect(targetWords({ type: 'service', serviceCode: 'no-such-service' }, cy)).toBe('adroddiadau no-such-service');
  });
});

describe('the alert form’s own checks in the page’s language', () => {
  const form = {
    kind: 'circle' as const,
    coordinates: 'here',
    radius: '500',
    areaId: '',
    serviceCode: '',
    frequency: 'daily',
    email: 'a@b.org',
  };

  it('says what to fix in Welsh and Spanish, with an example the reader can copy', () => {
    expect(alertRequest(form, cy).errors).toEqual([
      { path: 'target.center', message: "Dewiswch bwynt ar y map, neu teipiwch y lledred a'r hydred fel 51.4545, -2.5879" },
    ]);
    expect(alertRequest({ ...form, kind: 'area' }, es).errors).toEqual([
      { path: 'target.areaId', message: 'Elija una opción de la lista' },
    ]);
    // control: a complete form has no errors, whatever the language
    expect(alertRequest({ ...form, coordinates: '51.45, -2.59' }, cy)).toMatchObject({ errors: [], body: { frequency: 'daily' } });
  });
});

describe('a share in the member’s attendance', () => {
  it('is a whole percent as each language writes it', () => {
    expect(percent(3, 4, en)).toBe('75%');
    expect(percent(3, 4, es)).toBe('75\u00a0%');
    expect(percent(0, 0, cy)).toBe('—');
  });
});
