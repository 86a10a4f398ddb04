import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import ngeohash from 'ngeohash';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { db, tableName } from '../../functions/store/client.js';
import { itemRecord } from '../../functions/store/keys/items.js';
import { rebuildMapCells, tileCells } from '../../functions/store/map-cells.js';
import { handler as countersHandler } from '../../functions/views/queue-counts-handler.js';
import { type StreamPoller, startStreamPoller } from '../../infra/local/stream-poller.js';
import { ensureTable, localDynamo } from '../../infra/local/table.js';
import type { Item } from '../../shared/items.js';
import { type CellCount, cellBox, MAP_PRECISIONS, type MapPrecision, tileOf } from '../../shared/map-cells.js';
import { api, createReport, signIn, useTestTable } from '../support/api.js';

/**
 * The home map's cell counts (shared/map-cells.ts): kept by the counters' stream consumer, read one
 * tile at a time. The consumer's behaviour is checked on a table of this file's own (exact counts: no
 * other file writes there), fed by a poller of its stream; the route on the shared stack, at a spot
 * no other test uses, against the bbox list of the same cell.
 */

/** Polls until `check` holds (the stream has caught up), failing after `timeoutMs`: never a fixed sleep. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('the stream did not catch up in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('map cells kept from the stream (own table)', () => {
  let views: StreamPoller | undefined;
  const sharedTable = { name: '' };
  beforeAll(async () => {
    useTestTable();
    sharedTable.name = process.env.TABLE_NAME as string;
    process.env.TABLE_NAME = `civicboard-cells-${ulid().toLowerCase()}`;
    await ensureTable(localDynamo(inject('dynamoEndpoint')), process.env.TABLE_NAME);
    views = await startStreamPoller({
      endpoint: inject('dynamoEndpoint'),
      tableName: tableName(),
      handler: countersHandler,
      intervalMs: 50,
    });
  });
  afterAll(async () => {
    await views?.stop();
    process.env.TABLE_NAME = sharedTable.name;
  });

  let n = 0;
  const report = (location: { lat: number; lng: number }, overrides: Partial<Item> = {}): Item => {
    n++;
    const at = new Date(Date.UTC(2026, 10, 1 + (n % 28))).toISOString();
    return {
      id: ulid(),
      reference: `MC-${String(1_000_000 + n)}`,
      kind: 'report',
      serviceCode: n % 2 ? 'pothole' : 'street-light',
      title: `Map cell test ${n}`,
      description: 'map cell test',
      status: 'new',
      phase: 'waiting',
      priority: 'normal',
      version: 1,
      createdAt: at,
      updatedAt: at,
      location,
      ...overrides,
    };
  };
  const put = (item: Item) => db().send(new PutCommand({ TableName: tableName(), Item: itemRecord(item) }));
  const cellOf = (p: { lat: number; lng: number }, precision: MapPrecision) => ngeohash.encode(p.lat, p.lng, precision);
  const countsAt = async (p: { lat: number; lng: number }, precision: MapPrecision, service?: string): Promise<CellCount | undefined> => {
    const cell = cellOf(p, precision);
    return (await tileCells(precision, tileOf(cell), service)).find((c) => c.cell === cell);
  };
  const caughtUp = () => (views as StreamPoller).caughtUp();

  const here = { lat: 51.4512, lng: -2.5871 };
  const nearby = { lat: 51.4513, lng: -2.5872 }; // the same cell at every kept precision
  const across = { lat: 51.49, lng: -2.52 }; // another cell at precisions 5 and 6

  it('counts each report in its cell at every precision, per phase, for its service and for all', async () => {
    const a = report(here, { serviceCode: 'pothole' });
    const b = report(nearby, { serviceCode: 'pothole' });
    const c = report(nearby, { serviceCode: 'street-light', phase: 'in_progress', status: 'in_progress' });
    for (const item of [a, b, c]) await put(item);
    await caughtUp();
    for (const precision of MAP_PRECISIONS) {
      expect(await countsAt(here, precision)).toEqual({ cell: cellOf(here, precision), waiting: 2, in_progress: 1, done: 0 });
      expect(await countsAt(here, precision, 'pothole')).toEqual({ cell: cellOf(here, precision), waiting: 2, in_progress: 0, done: 0 });
    }
    expect(await countsAt(across, 6)).toBeUndefined(); // nothing there yet
  });

  it('moves a count when a report changes phase, moves, or is hidden, and brings it back when shown', async () => {
    const item = report(across, { serviceCode: 'damaged-sign' });
    await put(item);
    await caughtUp();
    expect(await countsAt(across, 6, 'damaged-sign')).toMatchObject({ waiting: 1, done: 0 });

    await put({ ...item, phase: 'done', status: 'fixed', version: 2 });
    await caughtUp();
    expect(await countsAt(across, 6, 'damaged-sign')).toMatchObject({ waiting: 0, done: 1 });

    const moved = { lat: across.lat + 0.05, lng: across.lng };
    await put({ ...item, phase: 'done', status: 'fixed', version: 3, location: moved });
    await caughtUp();
    expect(await countsAt(across, 6, 'damaged-sign')).toBeUndefined(); // no count left: the cell is left out
    expect(await countsAt(moved, 6, 'damaged-sign')).toMatchObject({ done: 1 });

    await put({ ...item, phase: 'done', status: 'fixed', version: 4, location: moved, hidden: true });
    await caughtUp();
    expect(await countsAt(moved, 6, 'damaged-sign')).toBeUndefined();
    expect(await countsAt(moved, 3)).toBeDefined(); // positive control: the coarse cell still holds the other reports

    await put({ ...item, phase: 'done', status: 'fixed', version: 5, location: moved, hidden: false });
    await caughtUp();
    expect(await countsAt(moved, 6, 'damaged-sign')).toMatchObject({ done: 1 });
  });

  it('leaves out reports without a pin', async () => {
    const far = { lat: 51.41, lng: -2.67 };
    const noPin = report(far);
    delete noPin.location;
    await put(noPin);
    const counted = report(far, { serviceCode: 'pothole' });
    await put(counted);
    await caughtUp();
    expect(await countsAt(far, 6)).toEqual({ cell: cellOf(far, 6), waiting: 1, in_progress: 0, done: 0 });
  });

  it('counts a redelivered record once', async () => {
    await views?.stop(); // made-up records: the table's own stream must not count anything meanwhile
    views = undefined;
    const spot = { lat: 51.42, lng: -2.55 };
    const insert = (item: Item) =>
      ({
        eventID: ulid(),
        eventName: 'INSERT',
        dynamodb: { SequenceNumber: ulid(), NewImage: marshall(itemRecord(item), { removeUndefinedValues: true }) },
      }) as unknown as DynamoDBRecord;
    const was = (await countsAt(spot, 4))?.waiting ?? 0;
    const records = [insert(report(spot)), insert(report(spot))];
    expect(await countersHandler({ Records: records } as DynamoDBStreamEvent)).toEqual({ batchItemFailures: [] });
    expect((await countsAt(spot, 4))?.waiting).toBe(was + 2);
    expect(await countersHandler({ Records: [...records, insert(report(spot))] } as DynamoDBStreamEvent)).toEqual({
      batchItemFailures: [],
    });
    expect((await countsAt(spot, 4))?.waiting).toBe(was + 3);
  });

  it('rebuilds to the same counts the stream kept', async () => {
    const before = await tileCells(6, tileOf(cellOf(here, 6)));
    await rebuildMapCells();
    // The made-up records of the test above have no items: the rebuild counts only what is stored.
    const after = await tileCells(6, tileOf(cellOf(here, 6)));
    expect(after.find((c) => c.cell === cellOf(here, 6))).toEqual(before.find((c) => c.cell === cellOf(here, 6)));
    expect(after.find((c) => c.cell === cellOf(here, 6))?.waiting).toBe(2);
  });
});

describe('GET /api/map/cells (shared stack)', () => {
  // A spot of this file's own (one precision-6 cell, ~1 km): other files file elsewhere.
  const spot = { lat: 51.4071 + Math.random() * 0.002, lng: -2.6702 + Math.random() * 0.002 };
  const cell = ngeohash.encode(spot.lat, spot.lng, 6);

  /** The cell's reports per phase, from the bbox list of the cell's own box: what the counts must equal. */
  async function listed(): Promise<Record<string, number>> {
    const [minLat, minLng, maxLat, maxLng] = cellBox(cell);
    const counts: Record<string, number> = { waiting: 0, in_progress: 0, done: 0 };
    let cursor: string | undefined;
    do {
      const res = await api(
        `/api/reports?bbox=${minLng},${minLat},${maxLng},${maxLat}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(res.status, res.text).toBe(200);
      for (const i of res.body.items) counts[i.phase] = (counts[i.phase] ?? 0) + 1;
      cursor = res.body.nextCursor;
    } while (cursor);
    return counts;
  }
  const served = async () => {
    const res = await api(`/api/map/cells?precision=6&tile=${tileOf(cell)}`);
    expect(res.status, res.text).toBe(200);
    const found = res.body.cells.find((c: CellCount) => c.cell === cell);
    return { waiting: found?.waiting ?? 0, in_progress: found?.in_progress ?? 0, done: found?.done ?? 0 };
  };

  it("answers a tile's counts, equal to the cell's list once the stream has caught up, cacheable at the CDN", async () => {
    const token = await signIn('roads.officer');
    const made = await Promise.all([1, 2, 3].map(() => createReport({ location: spot })));
    const res = await api(`/api/staff/reports/${made[0].id}/transitions`, { token, body: { to: 'acknowledged' } });
    expect(res.status, res.text).toBe(200);
    await eventually(async () => JSON.stringify(await served()) === JSON.stringify(await listed()));
    const counts = await served();
    expect(counts.waiting + counts.in_progress + counts.done).toBeGreaterThanOrEqual(3);

    const hidden = await api(`/api/staff/reports/${made[1].id}`, { token, method: 'PATCH', body: { hidden: true } });
    expect(hidden.status, hidden.text).toBe(200);
    await eventually(async () => (await served()).waiting + (await served()).in_progress === counts.waiting + counts.in_progress - 1);
    expect(await served()).toEqual(await listed());

    const tile = await api(`/api/map/cells?precision=6&tile=${tileOf(cell)}&service=pothole`);
    expect(tile.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    expect(tile.body).toMatchObject({ precision: 6, tile: tileOf(cell), service: 'pothole' });
  });

  it('says what to fix in a tile that does not fit the precision, or an unknown service', async () => {
    const wrong = await api('/api/map/cells?precision=6&tile=gcn');
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toContainEqual(expect.objectContaining({ path: 'query.tile' }));
    const precision = await api('/api/map/cells?precision=9&tile=gcnjhhh');
    expect(precision.status).toBe(400);
    expect(precision.body.errors).toContainEqual(expect.objectContaining({ path: 'query.precision' }));
    expect((await api('/api/map/cells?precision=4&tile=gc&service=no-such-service')).status).toBe(400);
    expect((await api('/api/map/cells?precision=4&tile=gc')).status).toBe(200); // positive control
  });
});
