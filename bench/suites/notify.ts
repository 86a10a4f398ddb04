import { signIn, startTarget, type Target } from '../lib/stack.js';
import { percentile, round } from '../lib/stats.js';
import { type BenchOptions, type SuiteResult, table } from '../lib/suite.js';
import { reportBody } from '../lib/workload.js';

interface Mail {
  destination: { to: string[] };
  subject: string;
}

async function mailCount(target: Target, address: string): Promise<number> {
  const { emails } = (await (await fetch(`${target.mailboxUrl}/store`)).json()) as { emails: Mail[] };
  return emails.filter((e) => e.destination.to.some((to) => to.includes(address))).length;
}

async function waitForMail(target: Target, address: string, count: number, timeoutMs = 30_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if ((await mailCount(target, address)) >= count) return performance.now();
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no email #${count} for ${address} within ${timeoutMs} ms`);
}

/**
 * Commit-to-inbox latency: one staff transition at a time on reports whose reporter follows them; the
 * clock starts when the API answers (the transaction has committed by then) and stops when the SES
 * emulator lists the update email (polled every 10 ms).
 */
export async function notifySuite(opts: BenchOptions): Promise<SuiteResult> {
  const count = opts.quick ? 20 : 100;
  const target = await startTarget({ notifications: true });
  try {
    const token = await signIn(target, 'roads.officer');
    const run = `${Date.now()}`;
    const items: { id: string; email: string }[] = [];
    opts.log(`notify: filing ${count} reports with a following reporter`);
    for (let i = 0; i < count; i++) {
      const email = `bench.${run}.${i}@example.org`;
      const res = await fetch(`${target.baseUrl}/api/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...reportBody(), reporter: { email }, subscribe: true }),
      });
      if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
      items.push({ id: ((await res.json()) as { id: string }).id, email });
    }
    for (const { email } of items) await waitForMail(target, email, 1);
    opts.log(`notify: ${count} transitions, one at a time`);
    const latencies: number[] = [];
    const requestLatencies: number[] = [];
    for (const { id, email } of items) {
      const sent = performance.now();
      const res = await fetch(`${target.baseUrl}/api/staff/reports/${id}/transitions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ to: 'acknowledged', note: 'Benchmark: inspection booked.' }),
      });
      const committed = performance.now();
      if (res.status !== 200) throw new Error(`transition failed: ${res.status} ${await res.text()}`);
      const arrived = await waitForMail(target, email, 2);
      latencies.push(arrived - committed);
      requestLatencies.push(committed - sent);
    }
    const p50 = round(percentile(latencies, 50));
    const p99 = round(percentile(latencies, 99));
    const markdown = [
      `${count} transitions; the local stream poller reads the stream every 200 ms (Lambda's event source mapping polls a shard about 4 times a second).`,
      '',
      table(
        ['measure', 'p50 ms', 'p99 ms', 'max ms'],
        [
          [
            'transition request (commit)',
            round(percentile(requestLatencies, 50)),
            round(percentile(requestLatencies, 99)),
            round(Math.max(...requestLatencies)),
          ],
          ['commit → email in inbox', p50, p99, round(Math.max(...latencies))],
        ],
      ),
    ].join('\n');
    return {
      markdown,
      targets: [],
      data: {
        count,
        p50,
        p99,
        max: round(Math.max(...latencies)),
        latencies: latencies.map(round),
        requestLatencies: requestLatencies.map(round),
      },
    };
  } finally {
    await target.stop();
  }
}
