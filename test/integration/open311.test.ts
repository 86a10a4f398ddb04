import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getItemWithHistory } from '../../functions/store/items.js';
import { api, signIn, useTestTable } from '../support/api.js';
import { get, newApiKey, postForm, requestForm, xml } from '../support/open311.js';

const CHICAGO = resolve(import.meta.dirname, '../../../shared/data/open311-chicago-2019');
const hasChicago = existsSync(`${CHICAGO}/requests.json`);
const chicago = (file: string) => JSON.parse(readFileSync(`${CHICAGO}/${file}`, 'utf8')) as Record<string, unknown>[];
const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Every key Chicago sends is in ours with the same JSON type (null where Chicago allows null). */
function sameShape(ours: Record<string, unknown>, theirs: Record<string, unknown>[]) {
  const types = new Map<string, Set<string>>();
  for (const entry of theirs) for (const [k, v] of Object.entries(entry)) types.set(k, (types.get(k) ?? new Set()).add(typeOf(v)));
  const mismatches: string[] = [];
  for (const [key, allowed] of types) {
    // media_url is Chicago's only optional key (1 of 50): absent here without a photo, as there.
    if (!(key in ours)) {
      if (key !== 'media_url') mismatches.push(`${key} missing`);
    } else if (!allowed.has(typeOf(ours[key]))) mismatches.push(`${key}: ${typeOf(ours[key])} not in ${[...allowed]}`);
  }
  return mismatches;
}

let key: { id: string; secret: string; name: string };
beforeAll(async () => {
  useTestTable();
  key = await newApiKey({ name: 'Drain sensors' });
});

describe('Open311 discovery and services', () => {
  it('discovery.json names the GeoReport v2 endpoint and both formats; discovery.xml the same elements', async () => {
    const json = await get('/open311/discovery.json');
    expect(json.status).toBe(200);
    expect(json.type).toBe('application/json; charset=utf-8');
    expect(json.body.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', type: 'production' });
    expect(json.body.endpoints[0].url).toMatch(/\/open311\/v2$/);
    const doc = await get('/open311/discovery.xml');
    expect(doc.type).toBe('text/xml; charset=utf-8');
    const parsed = xml.parse(doc.text).discovery;
    expect(parsed.endpoints.endpoint[0].url).toBe(json.body.endpoints[0].url);
    expect(parsed.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
    expect(Object.keys(parsed).sort()).toEqual(['changeset', 'contact', 'endpoints', 'key_service']);
  });

  it('services.json lists report services, not bills, with cacheable headers', async () => {
    const res = await get('/open311/v2/services.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    const codes = res.body.map((s: { service_code: string }) => s.service_code);
    expect(codes).toContain('pothole');
    expect(codes).not.toContain('bill');
  });

  it.skipIf(!hasChicago)('services.json has every key of Chicago’s services.json with the same JSON types', async () => {
    const res = await get('/open311/v2/services.json');
    for (const service of res.body) expect(sameShape(service, chicago('services.json'))).toEqual([]);
  });

  it('services.xml has <services><service> with the same fields as the JSON, element by element', async () => {
    const [json, doc] = await Promise.all([get('/open311/v2/services.json'), get('/open311/v2/services.xml')]);
    const services = xml.parse(doc.text).services.service;
    expect(services).toHaveLength(json.body.length);
    json.body.forEach((s: Record<string, unknown>, i: number) => {
      const x = services[i];
      expect(Object.keys(x).sort()).toEqual(Object.keys(s).sort());
      expect(x.service_code).toBe(s.service_code);
      expect(x.service_name).toBe(s.service_name);
      expect(x.metadata).toBe(String(s.metadata));
      expect(x.keywords).toBe((s.keywords as string[]).join(', '));
    });
  });

  it('a service definition lists its attributes in both formats; an unknown service is 404 in both', async () => {
    const json = await get('/open311/v2/services/pothole.json');
    expect(json.status).toBe(200);
    expect(json.body.service_code).toBe('pothole');
    const codes = json.body.attributes.map((a: { code: string }) => a.code);
    expect(codes).toEqual(['title', 'external_id']);
    for (const a of json.body.attributes) {
      expect(Object.keys(a).sort()).toEqual(['code', 'datatype', 'datatype_description', 'description', 'order', 'required', 'variable']);
    }
    const doc = xml.parse((await get('/open311/v2/services/pothole.xml')).text).service_definition;
    expect(doc.service_code).toBe('pothole');
    expect(doc.attributes.attribute.map((a: { code: string }) => a.code)).toEqual(codes);
    expect(doc.attributes.attribute[1]).toMatchObject({ variable: 'true', datatype: 'string', required: 'false', order: '2' });

    const missing = await get('/open311/v2/services/no-such.json');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual([{ code: 404, description: expect.stringContaining('no-such') }]);
    const missingXml = await get('/open311/v2/services/no-such.xml');
    expect(missingXml.status).toBe(404);
    expect(missingXml.type).toBe('text/xml; charset=utf-8');
    expect(xml.parse(missingXml.text).errors.error[0].code).toBe('404');
  });

  it('an unknown jurisdiction_id is 404 in both formats; ours is accepted', async () => {
    expect((await get('/open311/v2/services.json?jurisdiction_id=elsewhere.gov')).status).toBe(404);
    const doc = await get('/open311/v2/services.xml?jurisdiction_id=elsewhere.gov');
    expect(doc.status).toBe(404);
    expect(xml.parse(doc.text).errors.error[0].description).toMatch(/elsewhere\.gov/);
    const ours = (await get('/open311/discovery.json')).body; // positive control: the id the 404 names works
    expect(ours).toBeDefined();
    const named = (await get('/open311/v2/services.json?jurisdiction_id=elsewhere.gov')).body[0].description.match(/"([^"]+)", not/)[1];
    expect((await get(`/open311/v2/services.json?jurisdiction_id=${named}`)).status).toBe(200);
  });
});

describe('Open311 requests', () => {
  it('POST requests.json files a report with the key’s name as actor; GET shows it without the reporter’s contact', async () => {
    const created = await postForm(
      '/open311/v2/requests.json',
      requestForm(key.secret, { email: 'sensor.owner@example.org', first_name: 'Pat', last_name: 'Private', phone: '+44 117 496 0000' }),
    );
    expect(created.status).toBe(201);
    const [{ service_request_id: id }] = created.body;
    expect(id).toMatch(/^RF-/);

    const stored = await getItemWithHistory(id);
    expect(stored.item.reporter).toEqual({ name: 'Pat Private', email: 'sensor.owner@example.org', phone: '+44 117 496 0000' });
    expect(stored.history[0]?.actor).toEqual({ type: 'system', name: 'Drain sensors' });

    const one = await get(`/open311/v2/requests/${id}.json`);
    expect(one.status).toBe(200);
    expect(one.body[0]).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'pothole',
      agency_responsible: 'Roads team',
    });
    expect(one.text).not.toMatch(/sensor\.owner|Private|496 0000/);
    const doc = await get(`/open311/v2/requests/${id}.xml`);
    expect(doc.text).not.toMatch(/sensor\.owner|Private|496 0000/);
    expect(xml.parse(doc.text).service_requests.request[0].service_request_id).toBe(id);
  });

  it.skipIf(!hasChicago)('a request has every key of Chicago’s requests.json with the same JSON types', async () => {
    const created = await postForm('/open311/v2/requests.json', requestForm(key.secret));
    const one = await get(`/open311/v2/requests/${created.body[0].service_request_id}.json`);
    expect(sameShape(one.body[0], chicago('requests.json'))).toEqual([]);
  });

  it('requests.xml is <service_requests><request> with the JSON’s fields, element by element', async () => {
    const created = await postForm('/open311/v2/requests.xml', requestForm(key.secret, { address_string: '1 High St & <Lane>' }));
    expect(created.status).toBe(201);
    expect(created.type).toBe('text/xml; charset=utf-8');
    const id = xml.parse(created.text).service_requests.request[0].service_request_id;
    const [json, doc] = await Promise.all([
      get(`/open311/v2/requests.json?service_request_id=${id}`),
      get(`/open311/v2/requests.xml?service_request_id=${id}`),
    ]);
    const [j] = json.body;
    const [x] = xml.parse(doc.text).service_requests.request;
    expect(Object.keys(x).sort()).toEqual(Object.keys(j).sort());
    for (const [k, v] of Object.entries(j)) expect(x[k], k).toBe(v === null ? '' : String(v));
    expect(x.address).toBe('1 High St & <Lane>');
  });

  it('status is closed once staff close it, status_notes is the public note, and the status filter follows', async () => {
    const created = await postForm('/open311/v2/requests.json', requestForm(key.secret));
    const id = created.body[0].service_request_id;
    const roads = await signIn('roads.officer');
    const started = await api(`/api/staff/reports/${id}/transitions`, { token: roads, body: { to: 'in_progress' } });
    expect(started.status).toBe(200);
    expect((await get(`/open311/v2/requests/${id}.json`)).body[0].status).toBe('open');
    const moved = await api(`/api/staff/reports/${id}/transitions`, {
      token: roads,
      body: { to: 'fixed', resolution: 'fixed', note: 'Filled today' },
    });
    expect(moved.status).toBe(200);
    const one = await get(`/open311/v2/requests/${id}.json`);
    expect(one.body[0]).toMatchObject({ status: 'closed', status_notes: 'Filled today' });
    expect((await get(`/open311/v2/requests.json?service_request_id=${id}&status=closed`)).body).toHaveLength(1);
    expect((await get(`/open311/v2/requests.json?service_request_id=${id}&status=open`)).body).toHaveLength(0);
  });

  it('GET requests.json lists recent requests by service and window, newest change first', async () => {
    const created = await postForm('/open311/v2/requests.json', requestForm(key.secret));
    const id = created.body[0].service_request_id;
    const listed = await get('/open311/v2/requests.json?service_code=pothole&status=open');
    expect(listed.status).toBe(200);
    expect(listed.body.map((r: { service_request_id: string }) => r.service_request_id)).toContain(id);
    const before = await get('/open311/v2/requests.json?service_code=pothole&end_date=2020-01-01T00:00:00Z');
    expect(before.body).toEqual([]);
  });

  it('a token names its request', async () => {
    const created = await postForm('/open311/v2/requests.json', requestForm(key.secret));
    const id = created.body[0].service_request_id;
    const stored = await getItemWithHistory(id);
    const token = await get(`/open311/v2/tokens/${stored.item.id}.json`);
    expect(token.body).toEqual([{ service_request_id: id, token: stored.item.id }]);
    expect((await get('/open311/v2/tokens/01J0000000000000000000000Z.xml')).status).toBe(404);
  });
});

describe('Open311 error paths, in both formats', () => {
  const cases: [string, () => Promise<{ status: number; type: string; text: string }>, number][] = [
    ['missing api_key', () => postForm('/open311/v2/requests.FMT', { service_code: 'pothole', lat: '51.45', long: '-2.59' }), 403],
    ['bad lat', () => postForm('/open311/v2/requests.FMT', requestForm(key.secret, { lat: 'north' })), 400],
    ['lat out of range', () => postForm('/open311/v2/requests.FMT', requestForm(key.secret, { lat: '95' })), 400],
    ['unknown jurisdiction_id', () => postForm('/open311/v2/requests.FMT', requestForm(key.secret, { jurisdiction_id: 'x.gov' })), 404],
    ['unknown request', () => get('/open311/v2/requests/RF-0000000.FMT'), 404],
    ['bad start_date', () => get('/open311/v2/requests.FMT?start_date=yesterday'), 400],
    ['window over 90 days', () => get('/open311/v2/requests.FMT?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z'), 400],
    ['unknown status', () => get('/open311/v2/requests.FMT?status=pending'), 400],
    ['unknown field', () => postForm('/open311/v2/requests.FMT', requestForm(key.secret, { colour: 'red' })), 400],
  ];
  for (const [name, send, status] of cases) {
    it(`${name}: ${status} as [{code, description}] and <errors><error>`, async () => {
      const original = send.toString();
      expect(original).toContain('FMT');
      for (const format of ['json', 'xml'] as const) {
        const res = await withFormat(send, format);
        expect(res.status, `${format}: ${res.text}`).toBe(status);
        if (format === 'json') {
          expect(res.type).toBe('application/json; charset=utf-8');
          const body = JSON.parse(res.text);
          expect(body[0]).toEqual({ code: status, description: expect.any(String) });
        } else {
          expect(res.type).toBe('text/xml; charset=utf-8');
          const [error] = xml.parse(res.text).errors.error;
          expect(error.code).toBe(String(status));
          expect(error.description.length).toBeGreaterThan(3);
        }
      }
    });
  }
  it('positive control: the same form with a good lat is filed', async () => {
    expect((await postForm('/open311/v2/requests.json', requestForm(key.secret, { lat: '51.451' }))).status).toBe(201);
  });
});

/** Runs a case with `.FMT` in its path replaced by the format (the cases are written once for both). */
async function withFormat<T>(send: () => Promise<T>, format: string): Promise<T> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = ((url: string | URL, init?: RequestInit) =>
    realFetch(String(url).replace('.FMT', `.${format}`), init)) as typeof fetch;
  try {
    return await send();
  } finally {
    globalThis.fetch = realFetch;
  }
}

describe('GET /api/openapi.json', () => {
  it('serves the OpenAPI 3.1 document with Open311 and native routes, cacheable', async () => {
    const res = await api('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/public/);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.paths['/api/reports'].post).toBeDefined();
    expect(res.body.paths['/open311/v2/requests.json'].post.requestBody.content['application/x-www-form-urlencoded']).toBeDefined();
  });
});
