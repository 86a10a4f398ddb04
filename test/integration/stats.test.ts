import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { itemRecord } from '../../functions/store/keys/items.js';
import { readBacklogCounters, readPeriodCounters } from '../../functions/store/stats.js';
import { handler } from '../../functions/views/stats-handler.js';
import type { Item } from '../../shared/items.js';
import { backlogByAge, periodFigures } from '../../shared/sla/index.js';
import { api, createReport, signIn, useTestTable } from '../support/api.js';

useTestTable();

const service = `zz-stats-${Date.now().toString(36)}`;
const scope = { service, area: '*' };
let seq = 0;

function report(id: string, closedAfterDays?: number): Item {
  const createdAt = '2025-03-03T10:00:00.000Z';
  const closedAt = closedAfterDays === undefined ? undefined : new Date(Date.parse(createdAt) + closedAfterDays * 86_400_000).toISOString();
  return {
    id,
    reference: `RF-${id}`,
    kind: 'report',
    serviceCode: service,
    title: 't',
    description: 'd',
    status: closedAt ? 'fixed' : 'new',
    phase: closedAt ? 'done' : 'waiting',
    priority: 'normal',
    version: 1,
    createdAt,
    updatedAt: closedAt ?? createdAt,
    ...(closedAt ? { closedAt } : {}),
    sla: { resolutionDueAt: '2025-03-06T10:00:00.000Z' },
  };
}

const image = (item: Item) => marshall(itemRecord(item), { removeUndefinedValues: true }) as never;
function record(before: Item | undefined, after: Item | undefined): DynamoDBRecord {
  seq++;
  return {
    eventID: `${service}-${seq}`,
    eventName: before ? (after ? 'MODIFY' : 'REMOVE') : 'INSERT',
    dynamodb: { SequenceNumber: String(seq).padStart(21, '0'), OldImage: before && image(before), NewImage: after && image(after) },
  };
}
const march = async () => periodFigures('2025-03', (await readPeriodCounters('month', scope, '2025-03', '2025-03')).get('2025-03'));

describe('statistics kept from the stream', () => {
  it('counts creates and closes once per stream record, with medians and on-time shares', async () => {
    const a = report('a', 1);
    const b = report('b', 2);
    const c = report('c', 4);
    const event: DynamoDBStreamEvent = { Records: [record(undefined, a), record(undefined, b), record(undefined, c)] };
    expect(await handler(event)).toEqual({ batchItemFailures: [] });
    const once = await march();
    expect(once).toMatchObject({ created: 3, closed: 3, resolvedOnTimePct: 66.7 });
    expect(once.medianDaysToClose).toBeCloseTo(2, 1);
    expect(once.p90DaysToClose).toBeCloseTo(4, 1);
    // The same records delivered again (a Lambda retry) change nothing.
    await handler(event);
    expect(await march()).toEqual(once);
  });

  it('a reopened report leaves the closed figures and joins the backlog; closing it again counts it again', async () => {
    const closed = report('d', 1);
    const reopened: Item = { ...report('d'), version: 2 };
    await handler({ Records: [record(undefined, closed)] });
    const before = await march();
    await handler({ Records: [record(closed, reopened)] });
    expect((await march()).closed).toBe(before.closed - 1);
    expect(backlogByAge(await readBacklogCounters(scope), '2025-03-10')).toEqual({
      total: 1,
      byAge: [
        { bucket: '0-2 days', count: 0 },
        { bucket: '3-7 days', count: 1 },
        { bucket: '8-30 days', count: 0 },
        { bucket: '31-90 days', count: 0 },
        { bucket: 'over 90 days', count: 0 },
      ],
    });
    await handler({ Records: [record(reopened, { ...closed, version: 3 })] });
    expect((await march()).closed).toBe(before.closed);
  });
});

describe('GET /api/stats', () => {
  let token: string;
  beforeAll(async () => {
    token = await signIn('roads.officer');
  });
  const month = new Date().toISOString().slice(0, 7);
  const current = async () => {
    const res = await api('/api/stats?service=street-light&interval=month');
    expect(res.status).toBe(200);
    return res.body.series.find((p: { period: string }) => p.period === month) ?? { created: 0, closed: 0 };
  };

  it('shows reports created and closed through the API once the stream has applied them, as JSON and CSV', async () => {
    const before = await current();
    const one = await createReport({ serviceCode: 'street-light' });
    await createReport({ serviceCode: 'street-light' });
    for (const to of ['in_progress', 'fixed']) {
      expect((await api(`/api/staff/reports/${one.id}/transitions`, { token, body: { to } })).status).toBe(200);
    }
    const deadline = Date.now() + 15_000;
    let now = await current();
    while ((now.created < before.created + 2 || now.closed < before.closed + 1) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      now = await current();
    }
    expect(now.created).toBeGreaterThanOrEqual(before.created + 2);
    expect(now.closed).toBeGreaterThanOrEqual(before.closed + 1);
    expect(now.medianDaysToClose).toEqual(expect.any(Number));
    const csv = await api('/api/stats?service=street-light&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe(
      'period,created,closed,medianDaysToFirstResponse,medianDaysToClose,p90DaysToClose,firstResponseOnTimePct,resolvedOnTimePct',
    );
    expect(csv.text).toContain(`\r\n${month},`);
  });

  it('a mistake in the query is a 400 naming the parameter', async () => {
    expect((await api('/api/stats?interval=week')).status).toBe(200);
    for (const [query, path] of [
      ['interval=day', 'query.interval'],
      ['from=2025-02-01&to=2025-01-01', 'query.from'],
      ['service=unicorn', 'query.service'],
      ['from=1900-01-01&to=2025-01-01', 'query.from'],
      ['area=a%23b', 'query.area'],
    ]) {
      const res = await api(`/api/stats?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.errors[0].path, query).toBe(path);
    }
  });
});

describe('statistics of bulk-loaded reports', () => {
  it('counts thousands of reports with many distinct days and durations (each counter item split across updates)', async () => {
    const { countStatsBulkLoaded } = await import('../../functions/store/stats-stream.js');
    const bulkService = `zz-bulk-${Date.now().toString(36)}`;
    const items: Item[] = Array.from({ length: 2000 }, (_, i) => {
      const createdAt = new Date(Date.parse('2024-01-01T00:00:00Z') + i * 3 * 3_600_000).toISOString();
      const open = i % 2 === 0;
      const closedAt = new Date(Date.parse(createdAt) + (i % 400) * 2_000_000).toISOString();
      return {
        ...report(`bulk${i}`, undefined),
        serviceCode: bulkService,
        createdAt,
        updatedAt: createdAt,
        ...(open ? {} : { phase: 'done', status: 'fixed', closedAt }),
      } as Item;
    });
    await countStatsBulkLoaded(items);
    const months = await readPeriodCounters('month', { service: bulkService, area: '*' }, '2024-01', '2024-12');
    const created = [...months.values()].reduce((s, c) => s + (c.created ?? 0), 0);
    expect(created).toBe(2000);
    expect(backlogByAge(await readBacklogCounters({ service: bulkService, area: '*' }), '2025-01-01').total).toBe(1000);
  });
});
