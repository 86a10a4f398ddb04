import { describe, expect, it } from 'vitest';
import { api, createReport } from '../support/api.js';

/**
 * The API in the caller's language (issue 23): Accept-Language picks the words of problems and of the
 * council's labels; codes, ids, states and phases never change; the answer says its language and that
 * it varies with the header.
 */
const welsh = { 'accept-language': 'cy' };
const spanish = { 'accept-language': 'es-MX,es;q=0.9,en;q=0.3' };
const varies = (res: { headers: Headers }) => (res.headers.get('vary') ?? '').toLowerCase();

describe('problems', () => {
  it('a 404 is titled and explained in Welsh for a Welsh reader, in English without the header', async () => {
    const cy = await api('/api/reports/RF-0000000', { headers: welsh });
    expect(cy.status).toBe(404);
    expect(cy.headers.get('content-type')).toBe('application/problem+json');
    expect(cy.headers.get('content-language')).toBe('cy');
    expect(varies(cy)).toContain('accept-language');
    expect(cy.body).toMatchObject({ type: '/problems/not-found', status: 404, title: 'Heb ei ganfod' });
    expect(cy.body.detail).toMatch(/^Nid oes dim byd/);

    const en = await api('/api/reports/RF-0000000');
    expect(en.status).toBe(404);
    expect(en.headers.get('content-language')).toBe('en');
    expect(en.body).toMatchObject({ type: '/problems/not-found', status: 404, title: 'Not found' });
    expect(en.body.detail).toContain('RF-0000000');
  });

  it('a 400 names the same fields in Spanish, with our common field messages in Spanish', async () => {
    const body = { serviceCode: 'pothole', description: 'Un bache', location: { lat: 51.45, lng: -2.59 }, color: 'rojo' };
    const es = await api('/api/reports', { body, headers: spanish });
    expect(es.status).toBe(400);
    expect(es.headers.get('content-language')).toBe('es');
    expect(es.body.title).toBe('Su solicitud tiene campos no válidos');
    expect(es.body.detail).toBe('Corrija este campo: color.');
    expect(es.body.errors).toEqual([{ path: 'color', message: 'no es un campo conocido' }]);

    const en = await api('/api/reports', { body });
    expect(en.status).toBe(400);
    expect(en.body.title).toBe('Your request has invalid fields');
    expect(en.body.errors).toEqual([{ path: 'color', message: 'is not a known field' }]);
  });

  it('a language the board does not offer gets the default language', async () => {
    const fr = await api('/api/reports/RF-0000000', { headers: { 'accept-language': 'fr-FR,fr' } });
    expect(fr.headers.get('content-language')).toBe('en');
    expect(fr.body.title).toBe('Not found');
  });
});

describe('labels', () => {
  it("/api/services gives the council's words in Welsh, with codes, state ids and phases unchanged", async () => {
    const [cy, en] = await Promise.all([api('/api/services', { headers: welsh }), api('/api/services')]);
    expect(cy.status).toBe(200);
    expect(cy.headers.get('content-language')).toBe('cy');
    expect(varies(cy)).toContain('accept-language');
    expect(en.headers.get('content-language')).toBe('en');
    type Service = { code: string; name: string; group: string; workflow: { states: { id: string; label: string; phase: string }[] } };
    const machine = (items: Service[]) =>
      items.map((s) => ({ code: s.code, states: s.workflow.states.map(({ id, phase }) => ({ id, phase })) }));
    expect(machine(cy.body.items)).toEqual(machine(en.body.items));

    const pothole = (items: Service[]) => items.find((s) => s.code === 'pothole') as Service;
    expect(pothole(cy.body.items)).toMatchObject({ code: 'pothole', name: 'Twll yn y ffordd', group: 'Ffyrdd' });
    expect(pothole(en.body.items)).toMatchObject({ code: 'pothole', name: 'Pothole', group: 'Roads' });
    const label = (s: Service, id: string) => s.workflow.states.find((x) => x.id === id)?.label;
    expect(label(pothole(cy.body.items), 'in_progress')).toBe('Ar waith');
    expect(label(pothole(en.body.items), 'in_progress')).toBe('In progress');
  });

  it('a report reads in Spanish (service name, status label, history labels); its codes do not change', async () => {
    const report = await createReport();
    const [es, en] = await Promise.all([api(`/api/reports/${report.id}`, { headers: spanish }), api(`/api/reports/${report.id}`)]);
    expect(es.headers.get('content-language')).toBe('es');
    expect(es.body).toMatchObject({
      serviceCode: 'pothole',
      serviceName: 'Bache',
      status: 'new',
      statusLabel: 'Reportado',
      phase: 'waiting',
    });
    expect(es.body.history[0]).toMatchObject({ type: 'created', to: 'new', toLabel: 'Reportado' });
    expect(en.body).toMatchObject({
      serviceCode: 'pothole',
      serviceName: 'Pothole',
      status: 'new',
      statusLabel: 'Reported',
      phase: 'waiting',
    });
    expect(es.body.reference).toBe(en.body.reference);
    expect(es.body.description).toBe(en.body.description);
  });

  it("/api/areas gives the areas' label in Welsh; the area ids and names are the council's", async () => {
    const [cy, en] = await Promise.all([api('/api/areas', { headers: welsh }), api('/api/areas')]);
    expect(cy.headers.get('content-language')).toBe('cy');
    expect(cy.body.label).toBe('Ardal');
    expect(en.body.label).toBe('Ward');
    const ids = (items: { id: string; name: string }[]) => items.map(({ id, name }) => ({ id, name }));
    expect(ids(cy.body.items)).toEqual(ids(en.body.items));
  });
});

describe('follows and their links', () => {
  it('a follow request is answered in Spanish; the unsubscribe page in Welsh, its form unchanged', async () => {
    const report = await createReport();
    const es = await api(`/api/reports/${report.id}/subscriptions`, { body: { email: 'sigue@example.org' }, headers: spanish });
    expect(es.status).toBe(202);
    expect(es.headers.get('content-language')).toBe('es');
    expect(es.body).toEqual({ status: 'pending', message: expect.stringMatching(/^Revise su bandeja de entrada/) });
    const en = await api(`/api/reports/${report.id}/subscriptions`, { body: { email: 'follows@example.org' } });
    expect(en.body.message).toMatch(/^Check your inbox/);

    const token = 'x'.repeat(43);
    const page = await api(`/api/subscriptions/unsubscribe?token=${token}`, { headers: { ...welsh, accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="cy">');
    expect(page.text).toContain('>Atal yr e-byst hyn</button>');
    expect(page.text).toContain(`action="/api/subscriptions/unsubscribe?token=${token}"`);
    expect(page.text).toContain('<a href="/cy/">Yn ôl i&#39;r bwrdd</a>');
    const english = await api(`/api/subscriptions/unsubscribe?token=${token}`, { headers: { accept: 'text/html' } });
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).toContain('>Stop these emails</button>');
  });
});
