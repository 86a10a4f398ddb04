import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createReport } from '../../functions/ops/create-report.js';
import { batchPut, recordsOf } from '../../functions/store/bulk.js';
import { db, tableName } from '../../functions/store/client.js';
import { commit } from '../../functions/store/commit.js';
import { itemRecord } from '../../functions/store/keys/items.js';
import { countBulkLoaded, ensureQueueCounts, queuePosition } from '../../functions/store/queue-counts.js';
import { handler as countersHandler } from '../../functions/views/queue-counts-handler.js';
import { type StreamPoller, startStreamPoller } from '../../infra/local/stream-poller.js';
import { ensureTable, localDynamo } from '../../infra/local/table.js';
import type { Item } from '../../shared/items.js';
import { compareQueueOrder, PRIORITIES } from '../../shared/queue.js';
import { useTestTable } from '../support/api.js';
import { asClient } from '../support/as-client.js';

/**
 * Queue positions from the counters, checked against the queue's true order on DynamoDB Local. This
 * file's store works on a table of its own (same definition), so other test files creating reports at
 * the same time cannot move its queues, and its reports never show up in their lists. The counters are
 * kept by the same stream consumer as in the stack, fed by a poller of this table's stream; a test
 * waits for it with `caughtUp()` (every record written before has been applied), never a fixed sleep.
 */
let views: StreamPoller | undefined;
const startViews = async () => {
  views = await startStreamPoller({
    endpoint: inject('dynamoEndpoint'),
    tableName: tableName(),
    handler: countersHandler,
    intervalMs: 50,
    log: (m) => console.error(m),
  });
};
const stopViews = async () => {
  await views?.stop();
  views = undefined;
};
const caughtUp = () => (views as StreamPoller).caughtUp();

beforeAll(async () => {
  useTestTable();
  process.env.TABLE_NAME = `civicboard-queue-${ulid().toLowerCase()}`;
  process.env.RATE_LIMIT_EXEMPT = '127.0.0.1,::1';
  await ensureTable(localDynamo(inject('dynamoEndpoint')), process.env.TABLE_NAME);
  await startViews();
});
afterAll(stopViews);

let n = 0;
/** A deterministic spread: three months, several reports a day, every priority. */
function waitingReport(serviceCode: string): Item {
  n++;
  const day = 1 + ((n * 7) % 28);
  const month = 9 + (n % 3);
  const createdAt = new Date(Date.UTC(2026, month - 1, day, (n * 5) % 24, n % 60)).toISOString();
  return {
    id: ulid(),
    reference: `RF-${String(9_000_000 + n).padStart(7, '0')}`,
    kind: 'report',
    serviceCode,
    title: `Queue test ${n}`,
    description: 'queue position test',
    status: 'new',
    phase: 'waiting',
    priority: PRIORITIES[n % 4] as Item['priority'],
    version: 1,
    createdAt,
    updatedAt: createdAt,
  };
}

/** Every waiting item's position, as the counters give it, against its place in the sorted list. */
async function expectPositions(items: Item[]) {
  const waiting = items.filter((i) => i.phase === 'waiting');
  const byService = new Map<string, Item[]>();
  for (const i of waiting) byService.set(i.serviceCode, [...(byService.get(i.serviceCode) ?? []), i]);
  for (const queue of byService.values()) {
    queue.sort(compareQueueOrder);
    // A few at a time: each position is several Queries, and the whole queue at once (~1,000 Queries)
    // stalls a DynamoDB Local that the rest of the suite shares, into false store timeouts.
    const got: (number | undefined)[] = [];
    for (let start = 0; start < queue.length; start += 8) {
      got.push(...(await Promise.all(queue.slice(start, start + 8).map((i) => queuePosition(i)))));
    }
    expect(got).toEqual(queue.map((_, i) => i + 1));
  }
  for (const i of items.filter((x) => x.phase !== 'waiting')) expect(await queuePosition(i)).toBeUndefined();
}

/**
 * Files a report as a client would: a create answered 503 (a store call stalled on a machine the whole
 * suite shares) is sent again with the same Idempotency-Key, which must give the one report, never two.
 */
async function file(body: Parameters<typeof createReport>[0]) {
  const key = `queue-test-${ulid()}`;
  return asClient(() => createReport(body, key, '127.0.0.1'));
}

const change = (before: Item, patch: Partial<Item>): Item => ({ ...before, ...patch, version: before.version + 1 });

describe('queue position from the queue counters', () => {
  const service = 'pothole';
  const other = 'damaged-pavement';
  let items: Item[];

  beforeAll(async () => {
    items = Array.from({ length: 90 }, () => waitingReport(service));
    await batchPut(items.flatMap((i) => recordsOf(i, [], { countedOnLoad: true })));
    await countBulkLoaded(items);
  });

  it('gives every bulk-loaded waiting report its exact place across priorities, months and days', async () => {
    await caughtUp(); // the stream's copy of the load must not be counted a second time
    await expectPositions(items);
  });

  it('stays exact as reports change priority, leave the queue, come back and move to another service', async () => {
    const plan: [number, Partial<Item>][] = [
      [3, { priority: 'urgent' }],
      [10, { priority: 'low' }],
      [11, { status: 'in_progress', phase: 'in_progress' }],
      [12, { status: 'fixed', phase: 'done' }],
      [20, { serviceCode: other }],
      [21, { serviceCode: other, priority: 'high' }],
      [30, { status: 'acknowledged' }],
    ];
    for (const [index, patch] of plan) {
      const before = items[index] as Item;
      const after = change(before, patch);
      await commit({ change: { item: after, events: [], notifications: [] }, before });
      items[index] = after;
    }
    await caughtUp();
    await expectPositions(items);
    // Reopened: back in the queue at its original age.
    const reopened = change(items[12] as Item, { status: 'new', phase: 'waiting' });
    await commit({ change: { item: reopened, events: [], notifications: [] }, before: items[12] as Item });
    items[12] = reopened;
    await caughtUp();
    await expectPositions(items);
  });

  it('files 50 concurrent reports in one service: all filed, and every position exact once the stream has caught up', async () => {
    const body = (i: number) => ({ serviceCode: service, description: `Concurrent ${i}`, location: { lat: 51.45 + i * 1e-5, lng: -2.59 } });
    const created = await Promise.all(Array.from({ length: 50 }, (_, i) => file(body(i))));
    expect(new Set(created.map((c) => c.item.id)).size).toBe(50);
    items.push(...created.map((c) => c.item));
    await caughtUp();
    await expectPositions(items);
    // An answer given while others were still committing can only be lower (they sort ahead, counted later).
    for (const c of created) expect(c.queuePosition).toBeLessThanOrEqual((await queuePosition(c.item)) as number);
  });

  it("keeps the window's reports in order across priorities as staff reprioritise them", async () => {
    // Filed today, so their positions (and those behind them) come from the window's one filtered read.
    const recent = items.filter(
      (i) => i.phase === 'waiting' && i.serviceCode === service && i.createdAt.startsWith(new Date().toISOString().slice(0, 10)),
    );
    expect(recent.length).toBeGreaterThanOrEqual(3);
    const patches: Partial<Item>[] = [{ priority: 'urgent' }, { priority: 'high' }, { priority: 'low' }];
    for (const [k, patch] of patches.entries()) {
      const before = recent[k] as Item;
      const after = change(before, patch);
      await commit({ change: { item: after, events: [], notifications: [] }, before });
      items[items.indexOf(before)] = after;
    }
    await caughtUp();
    await expectPositions(items);
  });

  it('answers a report filed while the stream is behind with its exact place, and counts nothing twice on replay', async () => {
    await stopViews();
    // Filed yesterday evening and not yet counted: its day is inside the window read from the queue index.
    const lateYesterday = new Date(Date.now() - 86_400_000);
    lateYesterday.setUTCHours(23, 30);
    const yesterday = { ...waitingReport(service), priority: 'urgent' as const, createdAt: lateYesterday.toISOString() };
    await commit({ change: { item: yesterday, events: [], notifications: [] } });
    items.push(yesterday);
    for (let i = 0; i < 5; i++) {
      const filed = await file({ serviceCode: service, description: `While behind ${i}`, address: `${i} Mill Lane` });
      items.push(filed.item);
      const ahead = items.filter((x) => x.phase === 'waiting' && x.serviceCode === service && compareQueueOrder(x, filed.item) < 0);
      expect(filed.queuePosition).toBe(ahead.length + 1);
    }
    // A new poller reads the whole stream again, as Lambda would after losing its place: the markers
    // keep every record already counted from being counted twice.
    await startViews();
    await caughtUp();
    await expectPositions(items);
  });

  it('counts a table from before the counters (no marker) from the queue index once, at start-up', async () => {
    // A stray count in a shard, and a counter of the layout before shards.
    await db().send(new PutCommand({ TableName: tableName(), Item: { PK: `QCOUNT#${service}`, SK: 'M#0#2020-01#2', n: 999 } }));
    await db().send(new PutCommand({ TableName: tableName(), Item: { PK: `QCOUNT#${service}`, SK: 'M#3#2020-01', n: 5 } }));
    const urgentFree = items.find((i) => i.phase === 'waiting' && i.priority === 'low' && i.serviceCode === service) as Item;
    expect(await queuePosition(urgentFree)).toBeGreaterThan(999);
    expect(await ensureQueueCounts()).toBe('rebuilt');
    await expectPositions(items);
    expect(await ensureQueueCounts()).toBe('ready');
  });
});

describe('the queue counters consumer', () => {
  const service = 'damaged-sign';
  /** Σ n over the service's counters: each waiting item is in one month counter and one day counter. */
  async function counted(): Promise<number> {
    const { Items = [] } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': `QCOUNT#${service}` },
        ConsistentRead: true,
      }),
    );
    return Items.reduce((sum, row) => sum + Number(row.n), 0) / 2;
  }
  const insert = (item: Item) =>
    ({
      eventID: ulid(),
      eventName: 'INSERT',
      dynamodb: { SequenceNumber: ulid(), NewImage: marshall(itemRecord(item), { removeUndefinedValues: true }) },
    }) as unknown as DynamoDBRecord;

  it('counts a redelivered batch once, and a batch redelivered with one new record adds only that one', async () => {
    await stopViews(); // these records are made up: the table's own stream must not count anything meanwhile
    const records = [insert(waitingReport(service)), insert(waitingReport(service)), insert(waitingReport(service))];
    const event = { Records: records } as DynamoDBStreamEvent;
    expect(await countersHandler(event)).toEqual({ batchItemFailures: [] });
    expect(await counted()).toBe(3);

    expect(await countersHandler(event)).toEqual({ batchItemFailures: [] });
    expect(await counted()).toBe(3);

    const retried = { Records: [...records.slice(1), insert(waitingReport(service))] } as DynamoDBStreamEvent;
    expect(await countersHandler(retried)).toEqual({ batchItemFailures: [] });
    expect(await counted()).toBe(4);
  });

  it('reports the first record of a run it could not apply, so the retry starts there', async () => {
    const records = [insert(waitingReport(service)), insert(waitingReport(service))];
    const saved = process.env.TABLE_NAME;
    // A store that refuses every write: the table is not there.
    vi.resetModules();
    process.env.TABLE_NAME = 'civicboard-missing';
    const fresh = await import('../../functions/views/queue-counts-handler.js');
    const result = await fresh.handler({ Records: records } as DynamoDBStreamEvent);
    process.env.TABLE_NAME = saved;
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: records[0]?.dynamodb?.SequenceNumber }]);
  });
});
