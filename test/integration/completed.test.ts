import { beforeAll, describe, expect, it } from 'vitest';
import { api, createReport, signIn } from '../support/api.js';

/**
 * `/completed/` by month: the done list filtered to a month (a key condition on the phase and service
 * indexes) and the count per month (counters the stream keeps). The counts may trail a finish by the
 * stream's delay, so a test waits for them by a condition: polled until the month's count equals the
 * month's list, never by a fixed sleep.
 */
let token: string;
beforeAll(async () => {
  token = await signIn('roads.officer');
});

async function finish(id: string) {
  for (const to of ['acknowledged', 'in_progress', 'fixed']) {
    const res = await api(`/api/staff/reports/${id}/transitions`, { token, body: { to } });
    expect(res.status, `${to}: ${res.text}`).toBe(200);
  }
}

/** Every item of a list, following cursors. */
async function listAll(query: string): Promise<{ id: string; phase: string; updatedAt: string; serviceCode: string }[]> {
  const items = [];
  let cursor: string | undefined;
  do {
    const res = await api(`/api/reports?${query}&limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status, res.text).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

const countOf = async (month: string, service?: string): Promise<number> => {
  const res = await api(`/api/completed-months${service ? `?service=${service}` : ''}`);
  expect(res.status).toBe(200);
  return res.body.months.find((m: { month: string }) => m.month === month)?.count ?? 0;
};

/** Polls until `check` holds (the stream has caught up), failing after `timeoutMs`. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('the stream did not catch up in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('finished reports by month', () => {
  const month = new Date().toISOString().slice(0, 7);
  const service = 'damaged-pavement';

  it('lists only the finished reports last changed in the month asked for, by service', async () => {
    const done = await createReport({ serviceCode: service });
    const waiting = await createReport({ serviceCode: service });
    await finish(done.id);
    const items = await listAll(`phase=done&service=${service}&month=${month}`);
    expect(items.map((i) => i.id)).toContain(done.id);
    expect(items.map((i) => i.id)).not.toContain(waiting.id);
    for (const i of items) expect([i.phase, i.serviceCode, i.updatedAt.slice(0, 7)]).toEqual(['done', service, month]);
    expect((await listAll(`phase=done&service=${service}&month=2001-01`)).map((i) => i.id)).toEqual([]);
    expect((await listAll(`phase=done&month=${month}`)).map((i) => i.id)).toContain(done.id);
  });

  it('counts each month once the stream has caught up, per service and for all services', async () => {
    const reports = await Promise.all([1, 2, 3].map(() => createReport({ serviceCode: service })));
    for (const r of reports) await finish(r.id);
    await eventually(
      async () => (await countOf(month, service)) === (await listAll(`phase=done&service=${service}&month=${month}`)).length,
    );
    expect(await countOf(month, service)).toBeGreaterThanOrEqual(3);
    await eventually(async () => (await countOf(month)) === (await listAll(`phase=done&month=${month}`)).length);
    const res = await api(`/api/completed-months?service=${service}`);
    expect(res.headers.get('cache-control')).toContain('public');
    expect(res.body.service).toBe(service);
  });

  it('takes a reopened report out of its month', async () => {
    const report = await createReport({ serviceCode: service });
    await finish(report.id);
    await eventually(
      async () => (await countOf(month, service)) === (await listAll(`phase=done&service=${service}&month=${month}`)).length,
    );
    const reopened = await api(`/api/staff/reports/${report.id}/transitions`, { token, body: { to: 'acknowledged' } });
    expect(reopened.status, reopened.text).toBe(200);
    const listed = await listAll(`phase=done&service=${service}&month=${month}`);
    expect(listed.map((i) => i.id)).not.toContain(report.id);
    await eventually(async () => (await countOf(month, service)) === listed.length);
  });

  const invalid: [string, string][] = [
    ['a month that is not yyyy-mm', '/api/reports?phase=done&month=2026-13'],
    ['month with updatedSince', `/api/reports?phase=done&month=2026-11&updatedSince=${encodeURIComponent('2026-11-01T00:00:00Z')}`],
    ['an unknown service', '/api/completed-months?service=unicorn'],
    ['an unknown parameter', '/api/completed-months?phase=done'],
  ];
  for (const [what, url] of invalid) {
    it(`refuses ${what} with 400`, async () => {
      expect((await api(url)).status).toBe(400);
    });
  }
});
