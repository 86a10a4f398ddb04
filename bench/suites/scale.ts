import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { publicReports, reportDetail, serviceQueue } from '../../functions/ops/read-reports.js';
import { readStats } from '../../functions/ops/read-stats.js';
import { db, tableName } from '../../functions/store/client.js';
import { getItemWithHistory } from '../../functions/store/items.js';
import { queuePosition } from '../../functions/store/queue-counts.js';
import { listReportsQuerySchema } from '../../shared/schemas.js';
import { statsQuerySchema } from '../../shared/sla/index.js';
import { httpLoad, type LoadResult } from '../lib/load.js';
import { readCost } from '../lib/read-cost.js';
import { type SeededItem, seedReports } from '../lib/seed.js';
import { startTarget } from '../lib/stack.js';
import { median, ratio, round } from '../lib/stats.js';
import { type BenchOptions, type SuiteResult, table } from '../lib/suite.js';
import { bboxes, cycle, reportServices } from '../lib/workload.js';

// Cheapest first: a heavy run's leftovers cannot slow a lighter one down.
const ROUTES = ['stats', 'queue page', 'bbox list', 'get report'] as const;
/** A page small enough to be full at 1k too, so both sizes return the same amount of data. */
const PAGE = 20;

/** The operation each read route's handler calls, for counting what they read. */
function storeCalls(sample: SeededItem[]): Record<(typeof ROUTES)[number], () => Promise<unknown>> {
  const ids = cycle(sample.map((s) => s.id));
  const boxes = cycle(bboxes());
  const services = cycle(reportServices);
  return {
    'get report': () => reportDetail(ids()),
    // A year of months for one service (or all): its cost depends on the range, not on the table.
    stats: () => readStats(statsQuerySchema.parse({ service: services() })),
    'queue page': () => serviceQueue(services(), { limit: PAGE }),
    'bbox list': () => publicReports(listReportsQuerySchema.parse({ bbox: boxes(), limit: String(PAGE) })),
  };
}

async function readCosts(sample: SeededItem[]) {
  const calls = storeCalls(sample);
  const out = {} as Record<(typeof ROUTES)[number], { calls: number; itemsRead: number }>;
  for (const route of ROUTES) out[route] = await readCost(calls[route], 40);
  return out;
}

/** Waiting items per service: the length of each queue (a COUNT on the sparse queue index). */
async function queueLengths(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const code of reportServices) {
    let count = 0;
    let key: Record<string, unknown> | undefined;
    do {
      const page = await db().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: 'queue',
          KeyConditionExpression: 'queuePK = :s',
          ExpressionAttributeValues: { ':s': code },
          Select: 'COUNT',
          ExclusiveStartKey: key,
        }),
      );
      count += page.Count ?? 0;
      key = page.LastEvaluatedKey;
    } while (key);
    out[code] = count;
  }
  return out;
}

/** Where get-report's time goes: the item + history query vs the queue-position count, one call at a time. */
async function getReportParts(sample: SeededItem[]) {
  const history: number[] = [];
  const position: number[] = [];
  for (const s of sample.filter((x) => x.phase === 'waiting').slice(0, 30)) {
    const t0 = performance.now();
    const { item } = await getItemWithHistory(s.id);
    const t1 = performance.now();
    await queuePosition(item);
    history.push(t1 - t0);
    position.push(performance.now() - t1);
  }
  return { historyMs: round(median(history)), queuePositionMs: round(median(position)), items: history.length };
}

async function measure(baseUrl: string, sample: SeededItem[], opts: BenchOptions) {
  const ids = cycle(sample.map((s) => s.id));
  const boxes = cycle(bboxes());
  const services = cycle(reportServices);
  const paths: Record<(typeof ROUTES)[number], () => string> = {
    'get report': () => `/api/reports/${ids()}`,
    stats: () => `/api/stats?service=${services()}`,
    'queue page': () => `/api/queues/${services()}?limit=${PAGE}`,
    'bbox list': () => `/api/reports?bbox=${boxes()}&limit=${PAGE}`,
  };
  const out = {} as Record<(typeof ROUTES)[number], LoadResult>;
  for (const route of ROUTES) {
    opts.log(`scale: ${route}`);
    out[route] = await httpLoad(
      baseUrl,
      { next: () => ({ path: paths[route]() }) },
      { connections: opts.connections, seconds: opts.seconds, warmup: opts.warmup },
    );
  }
  return out;
}

/**
 * The read routes at 1,000 items, then again after bulk-loading the table to 100,000 (20,000 in quick
 * mode). Latency that grows with the table means a read that is not bounded by its page.
 */
export async function scaleSuite(opts: BenchOptions): Promise<SuiteResult> {
  const big = opts.quick ? 20_000 : 100_000;
  const target = await startTarget();
  try {
    const t0 = Date.now();
    const small = await seedReports(1000, { seed: 21, sampleEvery: 5 });
    const atSmall = await measure(target.baseUrl, small, opts);
    const partsSmall = await getReportParts(small);
    const costSmall = await readCosts(small);
    const queuesSmall = await queueLengths();
    opts.log(`scale: bulk-loading to ${big.toLocaleString('en')} items`);
    const seedStart = Date.now();
    const rest = await seedReports(big - 1000, {
      seed: 22,
      sampleEvery: Math.floor((big - 1000) / 200),
      onProgress: (done) => done % 20_000 < 5000 && opts.log(`scale: seeded ${done + 1000}`),
    });
    const seedSeconds = (Date.now() - seedStart) / 1000;
    const atBig = await measure(target.baseUrl, rest, opts);
    const partsBig = await getReportParts(rest);
    const costBig = await readCosts(rest);
    const queuesBig = await queueLengths();
    const rows = ROUTES.map((route) => ({
      route,
      small: atSmall[route],
      big: atBig[route],
      // No answer at all within the run is the worst outcome, not a ratio of 0.
      p50Ratio: atBig[route].requests === 0 ? Number.POSITIVE_INFINITY : ratio(atBig[route].p50, atSmall[route].p50),
      p99Ratio: atBig[route].requests === 0 ? Number.POSITIVE_INFINITY : ratio(atBig[route].p99, atSmall[route].p99),
      costSmall: costSmall[route],
      costBig: costBig[route],
      readRatio: ratio(costBig[route].itemsRead, costSmall[route].itemsRead),
    }));
    const label = big === 100_000 ? '100k' : `${big / 1000}k`;
    const markdown = [
      `Over HTTP, concurrency ${opts.connections}, ${opts.seconds} s per run. Bulk load of ${(big - 1000).toLocaleString('en')} items took ${Math.round(seedSeconds)} s (${Math.round((big - 1000) / seedSeconds)} items/s).`,
      '',
      table(
        [
          'route',
          'req/s 1k',
          `req/s ${label}`,
          'p50 ms 1k',
          `p50 ms ${label}`,
          'p99 ms 1k',
          `p99 ms ${label}`,
          `p50 ${label}/1k`,
          `p99 ${label}/1k`,
        ],
        rows.map((r) => {
          const none = r.big.requests === 0 ? `none answered in ${opts.seconds} s` : undefined;
          return [r.route, r.small.rps, r.big.rps, r.small.p50, none ?? r.big.p50, r.small.p99, none ?? r.big.p99, r.p50Ratio, r.p99Ratio];
        }),
      ),
      '',
      `DynamoDB work per request (the store's own calls counted by an SDK middleware, mean of 40; unit-free, so immune to machine noise):`,
      '',
      table(
        ['route', 'calls 1k', `calls ${label}`, 'items read 1k', `items read ${label}`, `items read ${label}/1k`],
        rows.map((r) => [r.route, r.costSmall.calls, r.costBig.calls, r.costSmall.itemsRead, r.costBig.itemsRead, r.readRatio]),
      ),
      '',
      `Get report, one call at a time on waiting items (median): item + history query ${partsSmall.historyMs} ms at 1k vs ${partsBig.historyMs} ms at ${label}; queue position ${partsSmall.queuePositionMs} ms at 1k vs ${partsBig.queuePositionMs} ms at ${label}. Longest queue: ${Math.max(...Object.values(queuesSmall))} items at 1k, ${Math.max(...Object.values(queuesBig))} at ${label}.`,
    ].join('\n');
    return {
      markdown,
      targets: [
        ...rows.map((r) => ({
          name: `${label}/1k latency (p50) on ${r.route}`,
          target: '≤ 1.2',
          value: String(r.p50Ratio),
          met: r.p50Ratio <= 1.2,
        })),
        // The unit-free check: items read per request must not grow with the table.
        ...rows.map((r) => ({
          name: `${label}/1k items read per request on ${r.route}`,
          target: '≤ 1.2',
          value: String(r.readRatio),
          met: r.readRatio <= 1.2,
        })),
      ],
      data: {
        big,
        seedSeconds: round(seedSeconds),
        totalSeconds: round((Date.now() - t0) / 1000),
        rows,
        getReportParts: { small: partsSmall, big: partsBig },
        queues: { small: queuesSmall, big: queuesBig },
      },
    };
  } finally {
    await target.stop();
  }
}
