import { beforeAll, describe, expect, it } from 'vitest';
import { api, createReport, signIn } from '../support/api.js';

let token: string;
beforeAll(async () => {
  token = await signIn('roads.officer');
});

async function allPages(path: string): Promise<{ id: string; [k: string]: unknown }[]> {
  const items: { id: string }[] = [];
  let cursor: string | undefined;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await api(`${path}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

describe('GET /api/reports', () => {
  it('filters by phase and service', async () => {
    const waiting = await createReport({ serviceCode: 'blocked-drain' });
    const started = await createReport({ serviceCode: 'blocked-drain' });
    expect((await api(`/api/staff/reports/${started.id}/transitions`, { token, body: { to: 'in_progress' } })).status).toBe(200);
    const inProgress = await allPages('/api/reports?service=blocked-drain&phase=in_progress&limit=50');
    expect(inProgress.map((i) => i.id)).toContain(started.id);
    expect(inProgress.map((i) => i.id)).not.toContain(waiting.id);
    expect(inProgress.every((i) => i.phase === 'in_progress' && i.serviceCode === 'blocked-drain')).toBe(true);
    const byPhase = await allPages('/api/reports?phase=waiting&limit=100');
    expect(byPhase.map((i) => i.id)).toContain(waiting.id);
    expect(byPhase.map((i) => i.id)).not.toContain(started.id);
  });

  it('pages with a cursor without repeating or losing items', async () => {
    for (let i = 0; i < 7; i++) await createReport({ serviceCode: 'damaged-sign' });
    const all = await allPages('/api/reports?service=damaged-sign&limit=1000');
    const paged = await allPages('/api/reports?service=damaged-sign&limit=3');
    expect(paged.map((i) => i.id).sort()).toEqual(all.map((i) => i.id).sort());
    expect(new Set(paged.map((i) => i.id)).size).toBe(paged.length);
  });

  it('returns only items inside a bounding box', async () => {
    const inside = await createReport({ location: { lat: 51.4701, lng: -2.5501 } });
    const outside = await createReport({ location: { lat: 51.4201, lng: -2.6601 } });
    const items = await allPages('/api/reports?bbox=-2.56,51.465,-2.54,51.475&limit=500');
    expect(items.map((i) => i.id)).toContain(inside.id);
    expect(items.map((i) => i.id)).not.toContain(outside.id);
    for (const i of items as unknown as { location: { lat: number; lng: number } }[]) {
      expect(i.location.lat).toBeGreaterThanOrEqual(51.465);
      expect(i.location.lng).toBeLessThanOrEqual(-2.54);
    }
  });

  it('returns items updated since a time', async () => {
    const old = await createReport({ serviceCode: 'street-light' });
    const since = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    const fresh = await createReport({ serviceCode: 'street-light' });
    const ids = (await allPages(`/api/reports?service=street-light&updatedSince=${encodeURIComponent(since)}`)).map((i) => i.id);
    expect(ids).toContain(fresh.id);
    expect(ids).not.toContain(old.id);
  });

  const bad: [string, string][] = [
    ['?phase=sleeping', 'query.phase'],
    ['?limit=0', 'query.limit'],
    ['?limit=5000', 'query.limit'],
    ['?limit=ten', 'query.limit'],
    ['?bbox=1,2,3', 'query.bbox'],
    ['?bbox=-2,51,-3,52', 'query.bbox'],
    ['?updatedSince=yesterday', 'query.updatedSince'],
    ['?cursor=not-a-cursor', 'query.cursor'],
    ['?service=unicorn', 'query.service'],
    ['?colour=red', 'query.colour'],
  ];
  it('says what a limit must be, in words, when it is not a number', async () => {
    const res = await api('/api/reports?limit=ten');
    expect(res.body.errors).toEqual([{ path: 'query.limit', message: 'must be a whole number from 1 to 1000' }]);
  });

  for (const [query, path] of bad) {
    it(`refuses ${query} with 400 naming ${path}`, async () => {
      const res = await api(`/api/reports${query}`);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    });
  }

  it('refuses a cursor forged to point at another partition', async () => {
    const forged = Buffer.from(
      JSON.stringify({ p: 0, n: 0, k: { PK: 'ITEM#x', SK: '#ITEM', phasePK: 'report#done', phaseSK: 'z' } }),
    ).toString('base64url');
    const res = await api(`/api/reports?phase=waiting&cursor=${forged}`);
    expect(res.status).toBe(400);
  });
});

describe('GET /api/queues/{serviceCode}', () => {
  it('lists waiting items in priority then age order, with positions matching each item page', async () => {
    const first = await createReport({ serviceCode: 'damaged-pavement' });
    const second = await createReport({ serviceCode: 'damaged-pavement' });
    const queue = await allPages('/api/queues/damaged-pavement?limit=2');
    const positions = queue.map((i) => i.position);
    expect(positions).toEqual(positions.map((_, i) => i + 1));
    const a = queue.find((i) => i.id === first.id)!;
    const b = queue.find((i) => i.id === second.id)!;
    expect(a.position).toBeLessThan(b.position as number);
    expect((await api(`/api/reports/${second.id}`)).body.queuePosition).toBe(b.position);
  });

  it('leaves out items that are no longer waiting, and keeps those that are', async () => {
    const waiting = await createReport({ serviceCode: 'damaged-pavement' });
    const started = await createReport({ serviceCode: 'damaged-pavement' });
    const moved = await api(`/api/staff/reports/${started.id}/transitions`, { token, body: { to: 'in_progress' } });
    expect(moved.status).toBe(200);
    const queue = await allPages('/api/queues/damaged-pavement?limit=1000');
    expect(queue.map((i) => i.id)).toContain(waiting.id);
    expect(queue.map((i) => i.id)).not.toContain(started.id);
  });

  it('answers 404 for an unknown service', async () => {
    expect((await api('/api/queues/unicorn')).status).toBe(404);
  });
});

describe('GET /api/services', () => {
  it('lists services with their workflow states and phases', async () => {
    const res = await api('/api/services');
    const pothole = res.body.items.find((s: { code: string }) => s.code === 'pothole');
    expect(pothole.workflow.states).toEqual(expect.arrayContaining([{ id: 'new', label: 'Reported', phase: 'waiting' }]));
    expect(res.headers.get('cache-control')).toMatch(/public/);
  });
});
