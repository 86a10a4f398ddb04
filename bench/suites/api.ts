import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { transitionReport } from '../../functions/ops/change-report.js';
import { createReport } from '../../functions/ops/create-report.js';
import { given } from '../../functions/ops/input.js';
import { publicReports, reportDetail, serviceQueue } from '../../functions/ops/read-reports.js';
import { db, tableName } from '../../functions/store/client.js';
import { eventRecord, itemRecord } from '../../functions/store/keys/items.js';
import { queueCountCheck } from '../../functions/store/queue-counts.js';
import type { StaffActor } from '../../shared/actor.js';
import { getService } from '../../shared/catalog/index.js';
import { newReport } from '../../shared/items.js';
import { newReference } from '../../shared/reference.js';
import type { CreateReportInput } from '../../shared/schemas.js';
import { listReportsQuerySchema } from '../../shared/schemas.js';
import { httpLoad, type LoadResult, rawLoad, settle } from '../lib/load.js';
import { seedFreshReports, seedReports } from '../lib/seed.js';
import { signIn, startTarget } from '../lib/stack.js';
import { ratio } from '../lib/stats.js';
import { type BenchOptions, type SuiteResult, table } from '../lib/suite.js';
import { bboxes, cycle, reportBody, reportServices, transitionCycle } from '../lib/workload.js';

const BURST_SERVICE = 'street-light';
const BURST_CONNECTIONS = 50;

/** The least a create can be: the item and its created event, in one conditional transaction. */
async function minimalCreate(): Promise<void> {
  const service = getService('pothole');
  const { item, events } = newReport(service, reportBody() as CreateReportInput, {
    id: ulid(),
    reference: newReference(),
    now: new Date().toISOString(),
    eventId: ulid(),
  });
  const put = (Item: Record<string, unknown>) => ({
    Put: { TableName: tableName(), Item, ConditionExpression: 'attribute_not_exists(PK)' },
  });
  await db().send(new TransactWriteCommand({ TransactItems: [put(itemRecord(item)), ...events.map((e) => put(eventRecord(item.id, e)))] }));
}

/**
 * Creates in one service from 50 connections at once: what used to conflict on the service's counters.
 * Lost = 201s that are not in the queue afterwards; catch-up = last response to counters equal to queue.
 */
async function oneServiceBurst(baseUrl: string, opts: BenchOptions) {
  const before = await queueCountCheck(BURST_SERVICE);
  const body = () => ({ ...reportBody(), serviceCode: BURST_SERVICE });
  opts.log(`api: creates in one service at concurrency ${BURST_CONNECTIONS}`);
  const load = await httpLoad(
    baseUrl,
    { method: 'POST', next: () => ({ path: '/api/reports', body: body() }) },
    { connections: BURST_CONNECTIONS, seconds: opts.seconds, warmup: 0 },
  );
  let after = await queueCountCheck(BURST_SERVICE);
  // httpLoad waits for the server to settle (≥ 1 s): the counters are normally caught up by then.
  const deadline = performance.now() + 120_000;
  while (after.counted !== after.queued && performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    after = await queueCountCheck(BURST_SERVICE);
  }
  // A request still in flight when the run stops may commit without being counted as a response: never negative.
  const lost = Math.max(0, load.requests - load.failures - (after.queued - before.queued));
  return {
    load,
    lost,
    caughtUp: after.counted === after.queued,
    counted: after.counted,
    queued: after.queued,
    lag: await streamLag(baseUrl),
  };
}

/** Stream lag: from a create's 201 (it has committed) until the queue counters include it, one create at a time. */
async function streamLag(baseUrl: string, samples = 30) {
  const lags: number[] = [];
  for (let i = 0; i < samples; i++) {
    const { counted } = await queueCountCheck(BURST_SERVICE);
    const res = await fetch(`${baseUrl}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...reportBody(), serviceCode: BURST_SERVICE }),
    });
    const committed = performance.now();
    await res.text();
    while ((await queueCountCheck(BURST_SERVICE)).counted <= counted) {
      if (performance.now() - committed > 30_000) throw new Error('the queue counters did not take a create within 30 s');
      await new Promise((r) => setTimeout(r, 5));
    }
    lags.push(performance.now() - committed);
  }
  lags.sort((a, b) => a - b);
  const at = (q: number) => Math.round(lags[Math.min(lags.length - 1, Math.floor(q * lags.length))] as number);
  return { p50: at(0.5), p99: at(0.99), samples };
}

const ACTOR: StaffActor = { type: 'staff', id: 'roads.officer', name: 'Rita Okafor', groups: ['roads'] };

interface Case {
  route: string;
  http: Parameters<typeof httpLoad>[1];
  /** The work the handler does, called as its operation (domain + store) with no HTTP, event or middleware. */
  raw: () => Promise<unknown>;
}

/**
 * API vs raw store: each route over HTTP (autocannon) beside the same store calls (same DynamoDB
 * operations, same SDK client settings) made in-process at the same concurrency.
 */
export async function apiSuite(opts: BenchOptions): Promise<SuiteResult> {
  const target = await startTarget();
  try {
    opts.log('api: seeding 1,000 reports and two pools of fresh items for transitions');
    const sample = await seedReports(1000, { seed: 11 });
    const [apiPool, rawPool] = [await seedFreshReports(500), await seedFreshReports(500)];
    const token = await signIn(target, 'roads.officer');
    const ids = cycle(sample.map((s) => s.id));
    const boxes = cycle(bboxes());
    const services = cycle(reportServices);
    const apiTransition = transitionCycle(apiPool);
    const rawTransition = transitionCycle(rawPool);
    const cases: Case[] = [
      {
        route: 'create report',
        http: { method: 'POST', next: () => ({ path: '/api/reports', body: reportBody() }) },
        raw: () => createReport(reportBody(), undefined, '127.0.0.1'),
      },
      {
        route: 'get report',
        http: { next: () => ({ path: `/api/reports/${ids()}` }) },
        raw: () => reportDetail(ids()),
      },
      {
        route: 'queue page',
        http: { next: () => ({ path: `/api/queues/${services()}` }) },
        raw: () => serviceQueue(services(), { limit: 100 }),
      },
      {
        route: 'bbox list',
        http: { next: () => ({ path: `/api/reports?bbox=${boxes()}` }) },
        raw: () => publicReports(listReportsQuerySchema.parse({ bbox: boxes() })),
      },
      {
        route: 'staff transition',
        http: {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
          next: () => {
            const { id, to } = apiTransition();
            return { path: `/api/staff/reports/${id}/transitions`, body: { to } };
          },
        },
        raw: () => {
          const { id, to } = rawTransition();
          return transitionReport(ACTOR, id, given({ to }));
        },
      },
    ];
    // DynamoDB Local is a JVM: its first seconds of work run interpreted. Warm it on every operation
    // first, or whichever route is measured first pays for the JIT.
    opts.log('api: warming DynamoDB Local on every operation');
    for (const c of cases) await rawLoad(c.raw, { concurrency: opts.connections, seconds: opts.quick ? 2 : 5, warmup: 0 });
    const rows: { route: string; api: LoadResult; raw: LoadResult; ratio: number }[] = [];
    for (const c of cases) {
      opts.log(`api: ${c.route} over HTTP`);
      const api = await httpLoad(target.baseUrl, c.http, { connections: opts.connections, seconds: opts.seconds, warmup: opts.warmup });
      opts.log(`api: ${c.route} raw store`);
      const raw = await rawLoad(c.raw, { concurrency: opts.connections, seconds: opts.seconds, warmup: opts.warmup });
      await settle(target.baseUrl);
      rows.push({ route: c.route, api, raw, ratio: ratio(api.rps, raw.rps) });
    }
    const markdown = table(
      ['route', 'API req/s', 'API p50 ms', 'API p99 ms', 'raw req/s', 'raw p50 ms', 'raw p99 ms', 'API/raw (req/s)', 'failures API/raw'],
      rows.map((r) => [
        r.route,
        r.api.rps,
        r.api.p50,
        r.api.p99,
        r.raw.rps,
        r.raw.p50,
        r.raw.p99,
        r.ratio,
        `${r.api.failures}/${r.raw.failures}`,
      ]),
    );
    const create = rows[0] as (typeof rows)[number];
    // The machine's load moves within a minute: measure the minimal write on both sides of a second API
    // create run, and compare that run with their mean.
    opts.log('api: minimal raw create (item + event, one conditional transaction), API create, minimal again');
    const load = { concurrency: opts.connections, seconds: opts.seconds, warmup: opts.warmup };
    const minimalBefore = await rawLoad(minimalCreate, load);
    const apiCreate = await httpLoad(target.baseUrl, cases[0]?.http as Case['http'], {
      connections: opts.connections,
      seconds: opts.seconds,
      warmup: 0,
    });
    const minimalAfter = await rawLoad(minimalCreate, load);
    const minimal = { ...minimalBefore, rps: Math.round(((minimalBefore.rps + minimalAfter.rps) / 2) * 10) / 10 };
    const minimalRatio = ratio(apiCreate.rps, minimal.rps);
    const burst = await oneServiceBurst(target.baseUrl, opts);
    return {
      markdown: [
        `Concurrency ${opts.connections}, ${opts.seconds} s per run after ${opts.warmup} s warm-up, table of 1,000 seeded reports.`,
        '',
        markdown,
        '',
        `Create against the minimal write (item + created event in one conditional TransactWriteItems, same table and indexes, stream on), concurrency ${opts.connections}, measured side by side: minimal ${minimalBefore.rps} req/s before and ${minimalAfter.rps} after (p50 ${minimalBefore.p50} / ${minimalAfter.p50} ms), API create ${apiCreate.rps} req/s (p50 ${apiCreate.p50} ms) between them: API/minimal **${minimalRatio}**.`,
        '',
        `Creates in one service (${BURST_SERVICE}) at concurrency ${BURST_CONNECTIONS} for ${opts.seconds} s over HTTP: **${burst.load.rps} creates/s**, p50 ${burst.load.p50} ms, p99 ${burst.load.p99} ms, ${burst.load.failures} failures, ${burst.lost} lost (201s not in the queue); counters equal to the queue afterwards: ${burst.caughtUp ? 'yes' : '**no**'}.`,
        '',
        `Stream lag, create's 201 → queue counters include it, one create at a time (${burst.lag.samples} samples; local poller every 200 ms): p50 ${burst.lag.p50} ms, p99 ${burst.lag.p99} ms.`,
      ].join('\n'),
      targets: [
        { name: 'API/raw on create report (own store)', target: '≥ 0.7', value: String(create.ratio), met: create.ratio >= 0.7 },
        { name: 'API/minimal raw write on create report', target: '≥ 0.7', value: String(minimalRatio), met: minimalRatio >= 0.7 },
        {
          name: `creates/s in one service at concurrency ${BURST_CONNECTIONS}, 0 errors, 0 lost`,
          target: '0 errors, 0 lost',
          value: `${burst.load.rps}/s, ${burst.load.failures} errors, ${burst.lost} lost`,
          met: burst.load.failures === 0 && burst.lost === 0,
        },
      ],
      data: { connections: opts.connections, seconds: opts.seconds, rows, minimalBefore, apiCreate, minimalAfter, burst },
    };
  } finally {
    await target.stop();
  }
}
