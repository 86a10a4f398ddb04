import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { batchPut, recordsOf } from '../../functions/store/bulk.js';
import { db, tableName } from '../../functions/store/client.js';
import { commit } from '../../functions/store/commit.js';
import { countBulkLoaded, ensureQueueCounts, queuePosition } from '../../functions/store/queue-counts.js';
import { ensureTable, localDynamo } from '../../infra/local/table.js';
import type { Item } from '../../shared/items.js';
import { compareQueueOrder, PRIORITIES } from '../../shared/queue.js';
import { useTestTable } from '../support/api.js';

/**
 * Queue positions from the counters, checked against the queue's true order on DynamoDB Local. This
 * file's store works on a table of its own (same definition), so other test files creating reports at
 * the same time cannot move its queues, and its reports never show up in their lists.
 */
beforeAll(async () => {
  useTestTable();
  process.env.TABLE_NAME = `civicboard-queue-${ulid().toLowerCase()}`;
  await ensureTable(localDynamo(inject('dynamoEndpoint')), process.env.TABLE_NAME);
});

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
    const got = await Promise.all(queue.map((i) => queuePosition(i)));
    expect(got).toEqual(queue.map((_, i) => i + 1));
  }
  for (const i of items.filter((x) => x.phase !== 'waiting')) expect(await queuePosition(i)).toBeUndefined();
}

const change = (before: Item, patch: Partial<Item>): Item => ({ ...before, ...patch, version: before.version + 1 });

describe('queue position from the queue counters', () => {
  const service = 'pothole';
  const other = 'damaged-pavement';
  let items: Item[];

  beforeAll(async () => {
    items = Array.from({ length: 90 }, () => waitingReport(service));
    await batchPut(items.flatMap((i) => recordsOf(i, [])));
    await countBulkLoaded(items);
  });

  it('gives every bulk-loaded waiting report its exact place across priorities, months and days', async () => {
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
    await expectPositions(items);
    // Reopened: back in the queue at its original age.
    const reopened = change(items[12] as Item, { status: 'new', phase: 'waiting' });
    await commit({ change: { item: reopened, events: [], notifications: [] }, before: items[12] as Item });
    items[12] = reopened;
    await expectPositions(items);
  });

  it('counts a table from before the counters (no marker) from the queue index once, at start-up', async () => {
    await db().send(new PutCommand({ TableName: tableName(), Item: { PK: `QCOUNT#${service}`, SK: 'T#0', n: 999 } }));
    await db().send(new PutCommand({ TableName: tableName(), Item: { PK: `QCOUNT#${service}`, SK: 'M#3#2020-01', n: 5 } }));
    const urgentFree = items.find((i) => i.phase === 'waiting' && i.priority === 'low' && i.serviceCode === service) as Item;
    expect(await queuePosition(urgentFree)).toBeGreaterThan(999);
    expect(await ensureQueueCounts()).toBe('rebuilt');
    await expectPositions(items);
    expect(await ensureQueueCounts()).toBe('ready');
  });
});
