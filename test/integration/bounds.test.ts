import ngeohash from 'ngeohash';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getService } from '../../shared/catalog/index.js';
import { type HistoryEvent, newReport } from '../../shared/items.js';
import { jurisdiction } from '../../shared/jurisdiction/index.js';
import { newReference } from '../../shared/reference.js';
import { listReportsQuerySchema } from '../../shared/schemas.js';
import { api, createReport, signIn, useTestTable } from '../support/api.js';

/**
 * No one request can make the board do unbounded work: a bbox of any size, a cursor from anywhere, an
 * item with any number of events. Over HTTP against the local stack, and in-process where the test must
 * fail fast (not run out of memory) on code that does the unbounded work.
 */
const b = jurisdiction.bounds;
const WORLD = '-180,-90,180,90';
let token: string;
beforeAll(async () => {
  useTestTable();
  token = await signIn('roads.officer');
});
afterAll(() => vi.restoreAllMocks());

function expectCursorRefused(res: Awaited<ReturnType<typeof api>>) {
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(res.body.errors).toEqual([{ path: 'query.cursor', message: expect.stringMatching(/start again without it/) }]);
}

describe('a bbox of any size', () => {
  it('never makes the list builder list more geohash cells than one page reads (the world box)', async () => {
    const real = ngeohash.bboxes;
    const asked: number[] = [];
    // Counts what each call would list, from its corners, and refuses to list more than 1000: the old code
    // asked for 2^35 cells here and ran out of memory.
    const spy = vi.spyOn(ngeohash, 'bboxes').mockImplementation((minLat, minLng, maxLat, maxLng, p) => {
      const sw = ngeohash.decode_bbox(ngeohash.encode(minLat, minLng, p));
      const ne = ngeohash.decode_bbox(ngeohash.encode(maxLat, maxLng, p));
      const wanted = (Math.round((ne[0] - sw[0]) / (sw[2] - sw[0])) + 1) * (Math.round((ne[1] - sw[1]) / (sw[3] - sw[1])) + 1);
      asked.push(wanted);
      if (wanted > 1000) throw new Error(`asked to list ${wanted} geohash cells`);
      return real(minLat, minLng, maxLat, maxLng, p);
    });
    const { publicReports } = await import('../../functions/ops/read-reports.js');
    const page = await publicReports(listReportsQuerySchema.parse({ bbox: WORLD, limit: '5' }));
    spy.mockRestore();
    expect(page.items.length).toBeLessThanOrEqual(5);
    expect(Math.max(...asked)).toBeLessThanOrEqual(48);
  });

  it('answers the world box with items inside the jurisdiction only, and the server answers other requests after', async () => {
    const mine = await createReport({ location: { lat: 51.4811, lng: -2.6611 } });
    const res = await api(`/api/reports?bbox=${WORLD}&limit=1000`);
    expect(res.status).toBe(200);
    for (const item of res.body.items as { location: { lat: number; lng: number } }[]) {
      expect(item.location.lat).toBeGreaterThanOrEqual(b.minLat);
      expect(item.location.lat).toBeLessThanOrEqual(b.maxLat);
      expect(item.location.lng).toBeGreaterThanOrEqual(b.minLng);
      expect(item.location.lng).toBeLessThanOrEqual(b.maxLng);
    }
    const near = await api('/api/reports?bbox=-2.662,51.481,-2.661,51.482');
    expect(near.body.items.map((i: { id: string }) => i.id)).toContain(mine.id);
    expect((await api('/api/services')).status).toBe(200);
    expect((await api(`/api/reports/${mine.id}`)).status).toBe(200);
  });

  it('answers a 4 x 4 degree box around the jurisdiction like the jurisdiction itself', async () => {
    const wide = await api('/api/reports?bbox=-4,50,0,54&limit=1000');
    const exact = await api(`/api/reports?bbox=${b.minLng},${b.minLat},${b.maxLng},${b.maxLat}&limit=1000`);
    expect(wide.status).toBe(200);
    expect(wide.body.items.map((i: { id: string }) => i.id)).toEqual(exact.body.items.map((i: { id: string }) => i.id));
  });

  it('answers a box wholly outside the jurisdiction with an empty page', async () => {
    const res = await api('/api/reports?bbox=-74.1,40.6,-73.9,40.8');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    expect(res.body.nextCursor).toBeUndefined();
  });
});

describe('a cursor', () => {
  const since = '2020-01-01T00:00:00Z';
  const box = `${b.minLng},${b.minLat},${b.maxLng},${b.maxLat}`;
  let byService: string;
  let byBox: string;
  beforeAll(async () => {
    for (let i = 0; i < 3; i++) await createReport({ serviceCode: 'road-obstruction' });
    byService = (await api(`/api/reports?service=road-obstruction&phase=waiting&updatedSince=${since}&limit=1`)).body.nextCursor;
    byBox = (await api(`/api/reports?bbox=${box}&limit=1`)).body.nextCursor;
    expect(byService).toBeTruthy();
    expect(byBox).toBeTruthy();
  });
  const q = (c: string) => encodeURIComponent(c);

  it('pages its own query through without repeating or losing an item', async () => {
    const all = (await api(`/api/reports?service=road-obstruction&phase=waiting&updatedSince=${since}&limit=1000`)).body.items;
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await api(
        `/api/reports?service=road-obstruction&phase=waiting&updatedSince=${since}&limit=2${cursor ? `&cursor=${q(cursor)}` : ''}`,
      );
      expect(res.status).toBe(200);
      paged.push(...res.body.items.map((i: { id: string }) => i.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(new Set(paged).size).toBe(paged.length);
    expect([...paged].sort()).toEqual(all.map((i: { id: string }) => i.id).sort());
  });

  it('is refused with another updatedSince', async () => {
    expectCursorRefused(
      await api(`/api/reports?service=road-obstruction&phase=waiting&updatedSince=2021-01-01T00:00:00Z&limit=1&cursor=${q(byService)}`),
    );
  });

  it('is refused with another service', async () => {
    expectCursorRefused(await api(`/api/reports?service=pothole&phase=waiting&updatedSince=${since}&limit=1&cursor=${q(byService)}`));
  });

  it('is refused with another phase', async () => {
    expectCursorRefused(await api(`/api/reports?service=road-obstruction&phase=done&updatedSince=${since}&limit=1&cursor=${q(byService)}`));
  });

  it('is refused with another bbox', async () => {
    expectCursorRefused(await api(`/api/reports?bbox=-2.6,51.44,-2.58,51.46&limit=1&cursor=${q(byBox)}`));
  });

  it('is refused by another list', async () => {
    expectCursorRefused(await api(`/api/queues/road-obstruction?limit=1&cursor=${q(byService)}`));
    expectCursorRefused(await api(`/api/bills?limit=1&cursor=${q(byService)}`));
    expectCursorRefused(await api(`/api/staff/reports?limit=1&cursor=${q(byBox)}`, { token }));
  });

  it('is refused forged with an empty key', async () => {
    const forged = Buffer.from(
      JSON.stringify({ p: 0, n: 0, k: { PK: '', SK: '', servicePK: 'road-obstruction#waiting', serviceSK: '' } }),
    ).toString('base64url');
    expectCursorRefused(await api(`/api/reports?service=road-obstruction&phase=waiting&updatedSince=${since}&limit=1&cursor=${forged}`));
  });

  it('is refused with one bit flipped', async () => {
    const raw = Buffer.from(byService.split('.')[0]!, 'base64url');
    raw[raw.length - 3]! ^= 1;
    const flipped = `${raw.toString('base64url')}.${byService.split('.')[1]}`;
    expectCursorRefused(
      await api(`/api/reports?service=road-obstruction&phase=waiting&updatedSince=${since}&limit=1&cursor=${q(flipped)}`),
    );
  });
});

describe('an item with a long history', () => {
  it('is served with its latest 200 events and historyTruncated, the oldest left out', async () => {
    const { batchPut, recordsOf } = await import('../../functions/store/bulk.js');
    const service = getService('road-obstruction');
    const start = Date.now() - 3600_000;
    const change = newReport(
      service,
      { serviceCode: service.code, description: 'Much discussed', location: { lat: 51.45, lng: -2.59 } },
      { id: ulid(), reference: newReference(), now: new Date(start).toISOString(), eventId: ulid() },
    );
    const comments: HistoryEvent[] = Array.from({ length: 250 }, (_, i) => ({
      id: ulid(),
      at: new Date(start + (i + 1) * 1000).toISOString(),
      actor: { type: 'citizen' },
      type: 'comment',
      note: `comment ${i}`,
      visibility: 'public',
    }));
    await batchPut(recordsOf(change.item, [...change.events, ...comments]));

    const res = await api(`/api/reports/${change.item.id}`);
    expect(res.status).toBe(200);
    expect(res.body.historyTruncated).toBe(true);
    expect(res.body.history).toHaveLength(200);
    expect(res.body.history.at(-1).note).toBe('comment 249');
    expect(res.body.history[0].note).toBe('comment 50');
    const staff = await api(`/api/staff/reports/${change.item.id}`, { token });
    expect(staff.body.history).toHaveLength(200);
    expect(staff.body.historyTruncated).toBe(true);
  });

  it('is served whole, without historyTruncated, when it has fewer events than the limit', async () => {
    const report = await createReport({ serviceCode: 'road-obstruction' });
    const res = await api(`/api/reports/${report.id}`);
    expect(res.body.history.map((e: { type: string }) => e.type)).toEqual(['created']);
    expect(res.body).not.toHaveProperty('historyTruncated');
  });
});

describe('a list with a filter that matches little', () => {
  it('reads at most its budget per request, and the cursor still finds every match', async () => {
    const { db } = await import('../../functions/store/client.js');
    const { queryPartitions } = await import('../../functions/store/paginate.js');
    const { Filters } = await import('../../functions/store/lists.js');
    const needle = `needle ${ulid()}`;
    for (let i = 0; i < 9; i++) await createReport({ serviceCode: 'damaged-sign' });
    const wanted = await createReport({ serviceCode: 'damaged-sign', description: needle });
    for (let i = 0; i < 9; i++) await createReport({ serviceCode: 'damaged-sign' });
    const filters = new Filters();
    filters.equal('description', needle);
    const partitions = [{ index: 'service' as const, pk: 'damaged-sign#waiting', newestFirst: true, ...filters.build() }];

    const send = vi.spyOn(db(), 'send');
    const found: string[] = [];
    const readPerRequest: number[] = [];
    let cursor: string | undefined;
    do {
      send.mockClear();
      const page = await queryPartitions(partitions, 10, cursor, { items: 4, queries: 64 });
      const results = await Promise.all(send.mock.results.map((r) => r.value as Promise<{ ScannedCount?: number }>));
      readPerRequest.push(results.reduce((n, r) => n + (r.ScannedCount ?? 0), 0));
      found.push(...page.records.map((r) => r.id as string));
      cursor = page.nextCursor;
    } while (cursor);
    send.mockRestore();
    expect(found).toEqual([wanted.id]);
    expect(Math.max(...readPerRequest)).toBeLessThanOrEqual(4);
    expect(readPerRequest.length).toBeGreaterThan(4);
  });
});
