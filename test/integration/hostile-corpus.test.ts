import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes.js';
import { api, createReport, signIn } from '../support/api.js';
import { billBody, testSession } from '../support/bills.js';
import { signWithEmulatorKey } from '../support/tokens.js';

/**
 * The known-nasty corpus of issue 14, beside the generated suite: each case is a request an attacker
 * tried, each naming the defect it was.
 */
type Answer = Awaited<ReturnType<typeof api>>;

function expectProblem(res: Answer, status?: number) {
  if (status !== undefined) expect(res.status, res.text.slice(0, 300)).toBe(status);
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status: res.status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
}

const JSON_TYPE = { 'content-type': 'application/json' };
const etagOf = async (id: string) => (await api(`/api/reports/${id}`)).headers.get('etag');
const decode = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
const encode = (cursor: unknown) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

let report: { id: string; reference: string };
let roads: string;
let clerk: string;

beforeAll(async () => {
  report = await createReport();
  await createReport();
  roads = await signIn('roads.officer');
  clerk = await signIn('leg.clerk');
});

describe('bounding boxes', () => {
  // Defect 1 (fixed): the world box listed every precision-7 cell before counting them, and the server ran
  // out of memory. It is clipped to the jurisdiction now; the server answers the next request too.
  it('the whole world as a bbox is answered, never a crash (defect 1)', async () => {
    const res = await api('/api/reports?bbox=-180,-90,180,90');
    expect(res.status).toBe(200);
    expect((await api('/api/health')).status).toBe(200);
  });

  // Defect 1 (fixed): a 4°×4° box blocked the event loop for ~6 s listing 8.5 million cells.
  it('a 4°×4° box is answered (defect 1)', async () => {
    expect((await api('/api/reports?bbox=-4,50,0,54')).status).toBe(200);
  });

  it('a box with min > max is a 400 problem', async () => {
    expectProblem(await api('/api/reports?bbox=10,10,-10,-10'), 400);
  });
});

describe('cursors', () => {
  it('a cursor that is not base64 JSON is a 400 problem', async () => {
    expectProblem(await api('/api/reports?cursor=%7B%7D%7D'), 400);
  });

  // Defect 2 (fixed): the forged key passed the shape check and DynamoDB's ValidationException came back as 500.
  it('a cursor forged with empty key values is a 400 problem (defect 2)', async () => {
    const first = await api('/api/reports?limit=1');
    const [position, mac] = String(first.body.nextCursor).split('.');
    const cursor = decode(position as string);
    const forged = { ...cursor, k: Object.fromEntries(Object.entries(cursor.k).map(([k, v]) => [k, k.endsWith('PK') ? v : ''])) };
    expectProblem(await api(`/api/reports?limit=1&cursor=${encode(forged)}.${mac}`), 400);
    expect((await api(`/api/reports?limit=1&cursor=${first.body.nextCursor}`)).status).toBe(200);
  });

  // Defect 2 (fixed): a cursor was not bound to its query; DynamoDB refused a start key outside the new range (500).
  it('a cursor reused with another query is a 400 problem (defect 2)', async () => {
    const first = await api('/api/reports?limit=1');
    const res = await api(`/api/reports?limit=1&updatedSince=2999-01-01T00:00:00Z&cursor=${first.body.nextCursor}`);
    expectProblem(res, 400);
  });
});

describe('text and URLs', () => {
  // Defect 9 (fixed): NUL and other C0 controls were accepted and served.
  it('a description holding NUL is refused (defect 9)', async () => {
    expectProblem(
      await api('/api/reports', { body: { serviceCode: 'pothole', description: 'a\u0000b', location: { lat: 51.45, lng: -2.59 } } }),
      400,
    );
  });

  // Defect 9 (fixed): bidi overrides were served as sent.
  it('bidi overrides are stripped from public text (defect 9)', async () => {
    const res = await api('/api/reports', {
      body: { serviceCode: 'pothole', description: 'gpj.\u202eexe', location: { lat: 51.45, lng: -2.59 } },
    });
    expect(res.status).toBe(201);
    expect(res.body.description).not.toContain('\u202e');
  });

  it('a lone surrogate in a body is never a 5xx', async () => {
    const res = await api('/api/reports', {
      headers: JSON_TYPE,
      raw: '{"serviceCode":"pothole","description":"\\ud800","location":{"lat":51.45,"lng":-2.59}}',
    });
    expect(res.status).toBeLessThan(500);
  });

  // Defect 8 (fixed): z.url() accepted javascript: for bill documents.
  it('a javascript: document URL on a bill is a 400 problem (defect 8)', async () => {
    const res = await api('/api/staff/bills', {
      token: clerk,
      body: billBody(testSession('corpus'), { documents: [{ label: 'Text', url: 'javascript:alert(document.cookie)' }] }),
    });
    expectProblem(res, 400);
  });
});

describe('ids, headers and bodies', () => {
  it('an id of 3,000 characters is a 404 problem', async () => {
    expectProblem(await api(`/api/reports/${'9'.repeat(3000)}`), 404);
  });

  it('an id with NUL and bidi characters is a 404 problem', async () => {
    expectProblem(await api('/api/reports/RF%00%E2%80%AE123'), 404);
  });

  for (const ifMatch of ['"abc"', 'W/"x"', '*', '"1", "2"', '"-1"']) {
    it(`If-Match ${ifMatch} is a 400 problem and changes nothing`, async () => {
      const before = await etagOf(report.id);
      const res = await api(`/api/staff/reports/${report.id}/comments`, {
        token: roads,
        headers: { 'if-match': ifMatch },
        body: { body: 'should not land', visibility: 'public' },
      });
      expectProblem(res, 400);
      expect(await etagOf(report.id)).toBe(before);
    });
  }

  it('a stale If-Match is a 412 problem and changes nothing', async () => {
    const before = await etagOf(report.id);
    const res = await api(`/api/staff/reports/${report.id}/comments`, {
      token: roads,
      headers: { 'if-match': '"999999"' },
      body: { body: 'should not land', visibility: 'public' },
    });
    expectProblem(res, 412);
    expect(await etagOf(report.id)).toBe(before);
  });

  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp']) {
    it(`Content-Type ${type} on a create is a 415 problem`, async () => {
      const res = await api('/api/reports', {
        headers: { 'content-type': type },
        raw: JSON.stringify({ serviceCode: 'pothole', description: 'wrong type', location: { lat: 51.45, lng: -2.59 } }),
      });
      expectProblem(res, 415);
    });
  }

  it('a 70 KB body is a 413 problem and stores nothing', async () => {
    const key = `corpus-70kb-${Date.now()}`;
    const body = { serviceCode: 'pothole', description: 'x'.repeat(70 * 1024), location: { lat: 51.45, lng: -2.59 } };
    expectProblem(await api('/api/reports', { body, headers: { 'idempotency-key': key } }), 413);
    // Were it stored, the same key with a small valid body would be a 409 conflict, not a new report.
    const small = await api('/api/reports', { body: { ...body, description: 'small' }, headers: { 'idempotency-key': key } });
    expect(small.status).toBe(201);
  });

  it('JSON nested 100,000 deep is a 4xx problem', async () => {
    const res = await api('/api/reports', { headers: JSON_TYPE, raw: `${'['.repeat(100_000)}${']'.repeat(100_000)}` });
    expect(res.status).toBeLessThan(500);
    if (res.status !== 413) expectProblem(res, 400);
  });

  it('bytes that are not UTF-8 are a 400 problem', async () => {
    const res = await fetch(`${(await import('vitest')).inject('baseUrl')}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('a __proto__ key in a body is a 400 problem naming the field', async () => {
    const res = await api('/api/reports', {
      headers: JSON_TYPE,
      raw: '{"__proto__":{"isAdmin":true},"serviceCode":"pothole","description":"proto","location":{"lat":51.45,"lng":-2.59}}',
    });
    expectProblem(res, 400);
    expect(JSON.stringify(res.body.errors)).toContain('__proto__');
  });

  it('an Idempotency-Key reused with another body is a 409 problem', async () => {
    const key = `corpus-reuse-${Date.now()}`;
    const body = { serviceCode: 'pothole', description: 'first', location: { lat: 51.45, lng: -2.59 } };
    expect((await api('/api/reports', { body, headers: { 'idempotency-key': key } })).status).toBe(201);
    expectProblem(await api('/api/reports', { body: { ...body, description: 'second' }, headers: { 'idempotency-key': key } }), 409);
  });

  it('an Idempotency-Key of 300 characters is a 400 problem', async () => {
    const body = { serviceCode: 'pothole', description: 'long key', location: { lat: 51.45, lng: -2.59 } };
    expectProblem(await api('/api/reports', { body, headers: { 'idempotency-key': 'k'.repeat(300) } }), 400);
  });

  it('a method a path does not allow is a 405 problem with Allow', async () => {
    const res = await api('/api/reports', { method: 'DELETE' });
    expectProblem(res, 405);
    expect(res.headers.get('allow')).toContain('GET');
  });
});

describe('staff routes without valid credentials', () => {
  const staffRoutes = ROUTES.filter((r) => r.auth === 'staff');
  const path = (p: string) => p.replace('{id}', 'RF-0000000').replace('{serviceCode}', 'pothole');
  let expired: string;
  beforeAll(async () => {
    expired = await signWithEmulatorKey({}, Math.floor(Date.now() / 1000) - 60);
  });
  const credentials: [string, () => Record<string, string>][] = [
    ['no token', () => ({})],
    ['a junk token', () => ({ authorization: 'Bearer not.a.token' })],
    ['an expired token', () => ({ authorization: `Bearer ${expired}` })],
    ['a token with a forged signature', () => ({ authorization: `Bearer ${roads.slice(0, roads.lastIndexOf('.'))}.AAAA` })],
    ['Basic credentials', () => ({ authorization: 'Basic YWRtaW46YWRtaW4=' })],
  ];
  for (const [what, headers] of credentials) {
    it(`every staff route with ${what} is a 401 problem`, async () => {
      for (const route of staffRoutes) {
        const write = route.method !== 'GET';
        const res = await api(path(route.path), { method: route.method, headers: headers(), ...(write ? { body: {} } : {}) });
        expect(res.status, `${route.method} ${route.path}`).toBe(401);
        expectProblem(res, 401);
      }
    });
  }
});
