import { transitionReport } from '../../functions/ops/change-report.js';
import { createReport } from '../../functions/ops/create-report.js';
import { given } from '../../functions/ops/input.js';
import { publicReports, reportDetail, serviceQueue } from '../../functions/ops/read-reports.js';
import type { StaffActor } from '../../shared/actor.js';
import { listReportsQuerySchema } from '../../shared/schemas.js';
import { httpLoad, type LoadResult, rawLoad, settle } from '../lib/load.js';
import { seedFreshReports, seedReports } from '../lib/seed.js';
import { signIn, startTarget } from '../lib/stack.js';
import { ratio } from '../lib/stats.js';
import { type BenchOptions, type SuiteResult, table } from '../lib/suite.js';
import { bboxes, cycle, reportBody, reportServices, transitionCycle } from '../lib/workload.js';

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
    return {
      markdown: `Concurrency ${opts.connections}, ${opts.seconds} s per run after ${opts.warmup} s warm-up, table of 1,000 seeded reports.\n\n${markdown}`,
      targets: [{ name: 'API/raw on create report', target: '≥ 0.7', value: String(create.ratio), met: create.ratio >= 0.7 }],
      data: { connections: opts.connections, seconds: opts.seconds, rows },
    };
  } finally {
    await target.stop();
  }
}
