import autocannon from 'autocannon';
import { percentile, round } from './stats.js';

/** Throughput and latency of one load run, whoever generated it. */
export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  requests: number;
  failures: number;
}

export interface HttpRequestSpec {
  method?: 'GET' | 'POST' | 'PATCH';
  /** Called for every request: path (with query), and body if any. */
  next: () => { path: string; body?: unknown };
  headers?: Record<string, string>;
}

function runAutocannon(baseUrl: string, spec: HttpRequestSpec, connections: number, seconds: number): Promise<autocannon.Result> {
  const headers = { ...spec.headers, ...(spec.method && spec.method !== 'GET' ? { 'content-type': 'application/json' } : {}) };
  return autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    // DynamoDB Local on a shared 2-core machine can take seconds per request: count slow answers, do not drop them.
    timeout: 60,
    requests: [
      {
        method: spec.method ?? 'GET',
        headers,
        setupRequest: (req) => {
          const { path, body } = spec.next();
          return { ...req, path, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
        },
      },
    ],
  });
}

/** Drives an HTTP route with autocannon at a fixed concurrency (after a short discarded warm-up). */
export async function httpLoad(baseUrl: string, spec: HttpRequestSpec, opts: { connections: number; seconds: number; warmup: number }) {
  if (opts.warmup > 0) await runAutocannon(baseUrl, spec, opts.connections, opts.warmup);
  const r = await runAutocannon(baseUrl, spec, opts.connections, opts.seconds);
  const result: LoadResult = {
    rps: round(r.requests.total / opts.seconds),
    p50: round(r.latency.p50),
    p99: round(r.latency.p99),
    mean: round(r.latency.average),
    requests: r.requests.total,
    failures: r.non2xx + r.errors + r.timeouts,
  };
  await settle(baseUrl);
  return result;
}

/**
 * Waits for the server to drain: requests autocannon abandoned at the end of a run keep the handlers and
 * DynamoDB Local busy, and would slow the next run down. Idle = three one-item queue reads in a row under 100 ms (or 20 s passed).
 */
export async function settle(baseUrl: string, maxMs = 20_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  let fast = 0;
  await new Promise((r) => setTimeout(r, 1000));
  while (fast < 3 && Date.now() < deadline) {
    const t0 = performance.now();
    await fetch(`${baseUrl}/api/queues/pothole?limit=1`).catch(() => undefined);
    fast = performance.now() - t0 < 100 ? fast + 1 : 0;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The same closed loop autocannon runs, for in-process calls: `concurrency` workers each issue the next
 * operation as soon as the previous one answers, for `seconds`.
 */
export async function rawLoad(op: () => Promise<unknown>, opts: { concurrency: number; seconds: number; warmup: number }) {
  const run = async (seconds: number) => {
    const latencies: number[] = [];
    let failures = 0;
    const end = performance.now() + seconds * 1000;
    const worker = async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          await op();
          latencies.push(performance.now() - t0);
        } catch {
          failures++;
        }
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
    return { latencies, failures };
  };
  if (opts.warmup > 0) await run(opts.warmup);
  const { latencies, failures } = await run(opts.seconds);
  const mean = latencies.reduce((a, b) => a + b, 0) / Math.max(latencies.length, 1);
  const result: LoadResult = {
    rps: round(latencies.length / opts.seconds),
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    mean: round(mean),
    requests: latencies.length,
    failures,
  };
  return result;
}
