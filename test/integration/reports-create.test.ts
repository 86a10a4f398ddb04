import { describe, expect, it } from 'vitest';
import { api, reportBody } from '../support/api.js';

describe('POST /api/reports', () => {
  it('files a report: 201, Location, ETag, a reference and a queue position', async () => {
    const res = await api('/api/reports', { body: reportBody({ address: '12 High Street', reporter: { email: 'a@example.org' } }) });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/reports/${res.body.id}`);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body.reference).toMatch(/^RF-\d{7}$/);
    expect(res.body).toMatchObject({
      status: 'new',
      statusLabel: 'Reported',
      phase: 'waiting',
      priority: 'normal',
      title: 'Pothole at 12 High Street',
    });
    expect(res.body.queuePosition).toBeGreaterThanOrEqual(1);
    expect(res.body.history).toEqual([expect.objectContaining({ type: 'created', actor: 'Reporter' })]);
    const stored = await api(`/api/reports/${res.body.id}`);
    expect(stored.body.description).toBe(res.body.description);
  });

  it('takes a typed address instead of a pin: the report is queued with no location', async () => {
    const res = await api('/api/reports', { body: reportBody({ location: undefined, address: '40 Queens Road' }) });
    expect(res.status).toBe(201);
    expect(res.body.location).toBeUndefined();
    const stored = await api(`/api/reports/${res.body.id}`);
    expect(stored.body).toMatchObject({ address: '40 Queens Road', title: 'Pothole at 40 Queens Road', phase: 'waiting' });
    expect(stored.body.location).toBeUndefined();
    expect(stored.body.queuePosition).toBe(res.body.queuePosition);
  });

  it('files 50 concurrent reports in one service, each with its own place in the queue', async () => {
    // The creates share no record (the queue counters are the stream's to update), so none waits for
    // another; their positions come from the queue index for the recent window, exact before the stream.
    // As a client would: a 503 (a store call stalled on the machine the whole suite shares) is sent again
    // with the same Idempotency-Key and body, which must give the one report, never two.
    const file = async (i: number) => {
      const key = `concurrent-${i}-${Date.now()}`;
      const body = reportBody({ serviceCode: 'street-light' });
      for (let attempt = 1; ; attempt++) {
        const res = await api('/api/reports', { body, headers: { 'idempotency-key': key } });
        if (res.status !== 503 || attempt === 4) return res;
      }
    };
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => file(i)));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(50);
    const positions = await Promise.all(results.map(async (r) => (await api(`/api/reports/${r.body.id}`)).body.queuePosition as number));
    expect(new Set(positions).size).toBe(50);
  }, 90_000);

  it('can be read back by its reference, in any case', async () => {
    const created = (await api('/api/reports', { body: reportBody() })).body;
    const res = await api(`/api/reports/${created.reference.toLowerCase()}`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(created.id);
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ['a missing service', { serviceCode: undefined }, 'serviceCode'],
    ['an unknown service', { serviceCode: 'unicorn' }, 'serviceCode'],
    ['a missing description', { description: undefined }, 'description'],
    ['a blank description', { description: '   ' }, 'description'],
    ['a description over 5,000 characters', { description: 'x'.repeat(5001) }, 'description'],
    ['a latitude out of range', { location: { lat: 91, lng: 0 } }, 'location.lat'],
    ['a longitude out of range', { location: { lat: 51.45, lng: -181 } }, 'location.lng'],
    ['a location outside the jurisdiction', { location: { lat: 40.7, lng: -74 } }, 'location'],
    ['neither a location nor an address for a service that needs one', { location: undefined }, 'location'],
    ['only a blank address for a service that needs a location', { location: undefined, address: '   ' }, 'address'],
    ['a malformed email', { reporter: { email: 'not-an-email' } }, 'reporter.email'],
    ['a malformed phone', { reporter: { phone: 'call me' } }, 'reporter.phone'],
    ['an unknown field', { colour: 'red' }, 'colour'],
    ['an unknown reporter field', { reporter: { twitter: '@x' } }, 'reporter.twitter'],
    ['a non-boolean subscribe', { subscribe: 'yes' }, 'subscribe'],
  ];
  for (const [what, change, path] of invalid) {
    it(`refuses ${what} with 400 naming ${path}`, async () => {
      const res = await api('/api/reports', { body: reportBody(change) });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status: 400, detail: expect.any(String) });
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    });
  }

  it('refuses a body that is not JSON with 415', async () => {
    const res = await api('/api/reports', { raw: 'serviceCode=pothole', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(415);
    expect(res.body.status).toBe(415);
  });

  it('refuses malformed JSON with 400', async () => {
    const res = await api('/api/reports', { raw: '{"serviceCode": "pothole",', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('(body)');
  });

  it('refuses a body over 64 KB with 413', async () => {
    const res = await api('/api/reports', {
      raw: JSON.stringify({ ...reportBody(), padding: 'x'.repeat(70_000) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
  });

  it('never answers a client mistake with a stack trace', async () => {
    const res = await api('/api/reports', { raw: '[1,2,3]', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: 400, detail: expect.any(String) });
    expect(res.text).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
  });
});

describe('Idempotency-Key', () => {
  it('the same key and body twice makes one item', async () => {
    const key = `idem-${Date.now()}-${Math.random()}`;
    const body = reportBody();
    const [a, b] = await Promise.all([
      api('/api/reports', { body, headers: { 'idempotency-key': key } }),
      api('/api/reports', { body, headers: { 'idempotency-key': key } }),
    ]);
    const c = await api('/api/reports', { body, headers: { 'idempotency-key': key } });
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
    expect(new Set([a.body.id, b.body.id, c.body.id]).size).toBe(1);
    const list = await api('/api/reports?service=pothole&phase=waiting&limit=1000');
    expect(list.body.items.filter((i: { description: string }) => i.description === body.description)).toHaveLength(1);
  });

  it('the same key with a different body is a 409 and creates nothing', async () => {
    const key = `idem-${Date.now()}-${Math.random()}`;
    const first = reportBody();
    expect((await api('/api/reports', { body: first, headers: { 'idempotency-key': key } })).status).toBe(201);
    const other = reportBody();
    const res = await api('/api/reports', { body: other, headers: { 'idempotency-key': key } });
    expect(res.status).toBe(409);
    const list = await api('/api/reports?service=pothole&phase=waiting&limit=1000');
    const descriptions = list.body.items.map((i: { description: string }) => i.description);
    expect(descriptions).toContain(first.description);
    expect(descriptions).not.toContain(other.description);
  });
});
