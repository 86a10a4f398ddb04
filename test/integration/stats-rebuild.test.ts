import { setTimeout as sleep } from 'node:timers/promises';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../shared/items.js';
import { asClient } from '../support/as-client.js';
import { useOwnTable } from '../support/own-table.js';

// A table of its own: the rebuild recounts (and deletes) every stats item of the table it runs on.
let store: typeof import('../../functions/store/client.js');
let keys: typeof import('../../functions/store/keys/items.js');
let rebuild: typeof import('../../functions/store/stats-rebuild.js');
let readStats: typeof import('../../functions/ops/read-stats.js').readStats;
const now = new Date('2026-06-15T12:00:00Z');
let reports: Item[] = [];

const image = (item: Item) => marshall(keys.itemRecord(item), { removeUndefinedValues: true }) as never;
let seq = 0;
function record(before: Item | undefined, after: Item): DynamoDBRecord {
  seq++;
  return {
    eventID: `rebuild-${seq}`,
    eventName: before ? 'MODIFY' : 'INSERT',
    dynamodb: { SequenceNumber: String(seq).padStart(21, '0'), OldImage: before && image(before), NewImage: image(after) },
  };
}

/** What /api/stats answers for a few scopes: all services, one service, one area, by week. */
const figures = async () =>
  asClient(() =>
    Promise.all([
      readStats({ interval: 'month', from: '2025-12-01', to: '2026-06-30', format: 'json' }, now),
      readStats({ service: 'pothole', interval: 'month', from: '2025-12-01', to: '2026-06-30', format: 'json' }, now),
      readStats({ area: 'harbour', interval: 'month', from: '2025-12-01', to: '2026-06-30', format: 'json' }, now),
      readStats({ interval: 'week', from: '2026-03-01', to: '2026-06-30', format: 'json' }, now),
    ]),
  );

async function statsItems(): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await store.bulkDb().send(
      new ScanCommand({
        TableName: store.tableName(),
        FilterExpression: 'begins_with(PK, :s)',
        ExpressionAttributeValues: { ':s': 'STATS#' },
        ExclusiveStartKey,
      }),
    );
    out.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return out.sort((a, b) => `${a.PK}${a.SK}`.localeCompare(`${b.PK}${b.SK}`));
}

beforeAll(async () => {
  await useOwnTable(`stats-rebuild-${Date.now()}`);
  store = await import('../../functions/store/client.js');
  keys = await import('../../functions/store/keys/items.js');
  rebuild = await import('../../functions/store/stats-rebuild.js');
  readStats = (await import('../../functions/ops/read-stats.js')).readStats;
  const { demoReports } = await import('../../infra/local/demo-data.js');
  const { batchPut } = await import('../../functions/store/bulk.js');
  // Demo City reports over six months, in every phase, with areas, first responses and promises.
  reports = [...demoReports(100, 17, now.getTime())].map((r) => r.item);
  await batchPut(reports.map((r) => keys.itemRecord(r)));
}, 120_000);

describe('rebuild:stats', () => {
  it('recounts a table written without statistics to what the stream consumer gives, and a second run changes nothing', async () => {
    const { handler } = await import('../../functions/views/stats-handler.js');
    // The consumer-fed reference: each report's arrival, and for closed ones an open version first and
    // the close as a change, as the stream delivers them.
    const records = reports.flatMap((r) => {
      if (r.phase !== 'done') return [record(undefined, r)];
      const open: Item = { ...r, phase: 'waiting', status: 'new', closedAt: undefined, resolution: undefined, version: r.version - 1 };
      return [record(undefined, open), record(open, r)];
    });
    // As Lambda does: a batch that reports a failure is handed over again from that record (a loaded
    // DynamoDB Local can time a transaction out) after a pause; the markers make the redelivery harmless.
    for (let i = 0; i < records.length; i += 50) {
      let batch = records.slice(i, i + 50);
      for (let attempt = 0; batch.length; attempt++) {
        expect(attempt).toBeLessThan(20);
        if (attempt) await sleep(Math.min(250 * attempt, 2000));
        const failed = (await handler({ Records: batch })).batchItemFailures[0]?.itemIdentifier;
        batch = failed ? batch.slice(batch.findIndex((r) => r.dynamodb?.SequenceNumber === failed)) : [];
      }
    }
    const fed = await figures();
    expect(fed[0].total.created).toBeGreaterThan(50);
    expect(fed[0].total.closed).toBeGreaterThan(10);

    // The same table as if written before the consumer existed: no statistics at all.
    const { BatchWriteCommand } = await import('@aws-sdk/lib-dynamodb');
    const before = await statsItems();
    for (let i = 0; i < before.length; i += 25) {
      await store.bulkDb().send(
        new BatchWriteCommand({
          RequestItems: { [store.tableName()]: before.slice(i, i + 25).map((r) => ({ DeleteRequest: { Key: { PK: r.PK, SK: r.SK } } })) },
        }),
      );
    }
    const empty = await figures();
    expect(empty[0].total.created ?? 0).toBe(0);

    expect(await rebuild.ensureStats()).toBe('rebuilt');
    const rebuilt = await figures();
    expect(rebuilt).toEqual(fed);

    // Twice: the same items, nothing deleted, the same answers; the marker makes start-up skip it.
    const once = await statsItems();
    const again = await rebuild.rebuildStats();
    expect(again).toMatchObject({ items: reports.length, deleted: 0 });
    expect(await statsItems()).toEqual(once);
    expect(await figures()).toEqual(fed);
    expect(await rebuild.ensureStats()).toBe('ready');
  }, 120_000);

  it('folds every shard into one and drops counter items no report accounts for', async () => {
    const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
    const reference = await figures();
    // A stray shard of a live consumer and a scope nothing counts any more (a retired service).
    await store
      .bulkDb()
      .send(
        new PutCommand({ TableName: store.tableName(), Item: { PK: 'STATS#M#retired#*', SK: 'P#2026-01#2', entity: 'stats', created: 4 } }),
      );
    const out = await rebuild.rebuildStats();
    expect(out.deleted).toBe(1);
    expect((await statsItems()).some((r) => r.PK === 'STATS#M#retired#*')).toBe(false);
    expect((await statsItems()).every((r) => String(r.SK).endsWith('#0'))).toBe(true);
    expect(await figures()).toEqual(reference);
  }, 120_000);
});
