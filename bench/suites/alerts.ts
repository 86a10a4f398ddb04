import { ulid } from 'ulid';
import { batchPut } from '../../functions/store/bulk.js';
import { alertRecord, indexRecords } from '../../functions/store/keys/alerts.js';
import type { Alert } from '../../shared/alerts/schemas.js';
import { startTarget, type Target } from '../lib/stack.js';
import { median, percentile, ratio, round } from '../lib/stats.js';
import { type BenchOptions, type SuiteResult, table } from '../lib/suite.js';

/** Demo City's wards (jurisdictions/demo/areas.geojson): followed instantly, followed daily, followed by no one. */
const WARDS = {
  instant: { id: 'centre', at: { lat: 51.43, lng: -2.59 } },
  daily: { id: 'outskirts', at: { lat: 51.43, lng: -2.65 } },
  none: { id: 'east', at: { lat: 51.48, lng: -2.52 } },
} as const;
const SEND_RATE = 200;

interface Mail {
  destination: { to: string[] };
}

async function create(target: Target, ward: keyof typeof WARDS, n: number): Promise<number> {
  const { at } = WARDS[ward];
  const started = performance.now();
  const res = await fetch(`${target.baseUrl}/api/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      serviceCode: 'pothole',
      description: `Alert bench ${ward} ${n}`,
      location: { lat: at.lat + n * 1e-6, lng: at.lng },
    }),
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return performance.now() - started;
}

async function alertMailCount(target: Target, run: string): Promise<number> {
  const { emails } = (await (await fetch(`${target.mailboxUrl}/store`)).json()) as { emails: Mail[] };
  return emails.filter((e) => e.destination.to.some((to) => to.includes(`alert.${run}.`))).length;
}

/** Confirmed area alerts written straight to the table (the alert and its index entry), as confirming them would. */
function followers(run: string, count: number, frequency: Alert['frequency'], areaId: string): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => {
    const alert = {
      id: ulid(),
      email: `alert.${run}.${frequency}.${i}@example.org`,
      target: { type: 'area' as const, areaId },
      frequency,
      status: 'confirmed' as const,
      createdAt: new Date().toISOString(),
      unsubscribeToken: `bench-${run}-${frequency}-${i}`,
    };
    return [alertRecord(alert), ...indexRecords(alert)];
  }).flat();
}

/**
 * Alert fan-out (docs/notifications.md, "Alert fan-out"). A ward with N instant followers and one with
 * N daily followers, written straight into a fresh table, then:
 * 1. one report in the ward with N instant followers, on a quiet stream: time from its commit to the first
 *    and the last of the N emails handed to SES (the emulator's store, polled every 250 ms), at
 *    ALERT_SEND_RATE=200, with creates in the unfollowed ward while those N emails drain;
 * 2. create latency, interleaved, in a ward nobody follows vs the ward with N daily followers (the fan-out
 *    matches and writes N digest entries per report, in the stream consumer, never in the request).
 */
export async function alertsSuite(opts: BenchOptions): Promise<SuiteResult> {
  const n = opts.quick ? 200 : 2000;
  const creates = opts.quick ? 6 : 20;
  process.env.ALERT_SEND_RATE = String(SEND_RATE); // the stack's child process inherits it
  const target = await startTarget({ notifications: true });
  try {
    const run = `${Date.now()}`;
    opts.log(`alerts: ${n} instant followers of ${WARDS.instant.id}, ${n} daily followers of ${WARDS.daily.id}`);
    await batchPut([...followers(run, n, 'instant', WARDS.instant.id), ...followers(run, n, 'daily', WARDS.daily.id)]);

    for (let i = 0; i < 3; i++) await create(target, 'none', -1 - i); // warm-up

    // First, on a quiet stream: the pipeline of one report in the instantly followed ward.
    opts.log(`alerts: one report in ${WARDS.instant.id}, waiting for ${n} emails`);
    const none: number[] = [];
    const startedAt = performance.now();
    const instantCreate = await create(target, 'instant', 0);
    const committed = startedAt + instantCreate;
    let first = Number.NaN;
    const during: number[] = [];
    let sent = 0;
    const deadline = committed + 15 * 60_000;
    while (sent < n) {
      if (performance.now() > deadline) throw new Error(`only ${sent} of ${n} alert emails within 15 minutes`);
      if (during.length < creates) during.push(await create(target, 'none', 1000 + during.length));
      else await new Promise((r) => setTimeout(r, 250));
      sent = await alertMailCount(target, run);
      if (sent > 0 && Number.isNaN(first)) first = performance.now() - committed;
    }
    const all = performance.now() - committed;

    // Then create latency, interleaved: a ward nobody follows vs the ward with n daily followers.
    opts.log(`alerts: ${creates} creates in ${WARDS.none.id} and ${WARDS.daily.id}, interleaved`);
    const daily: number[] = [];
    for (let i = 0; i < creates; i++) {
      none.push(await create(target, 'none', i));
      daily.push(await create(target, 'daily', i));
    }
    const rate = round((n / (all - first)) * 1000);
    const latencyRatio = ratio(median(daily), median(none));
    const duringRatio = ratio(median(during), median(none));
    const markdown = [
      `${n} followers per ward; ${creates} creates per case, interleaved; ALERT_SEND_RATE=${SEND_RATE} (the emulator and DynamoDB Local, not SES, set the pace here).`,
      '',
      table(
        ['create in…', 'p50 ms', 'p90 ms', 'ratio to no followers'],
        [
          ['a ward nobody follows', round(median(none)), round(percentile(none, 90)), 1],
          [`a ward with ${n} daily followers`, round(median(daily)), round(percentile(daily, 90)), latencyRatio],
          [`a ward nobody follows, while ${n} alert emails drain`, round(median(during)), round(percentile(during, 90)), duringRatio],
          [`the ward with ${n} instant followers (one create)`, round(instantCreate), '', ratio(instantCreate, median(none))],
        ],
      ),
      '',
      table(
        ['fan-out of one report', 'seconds'],
        [
          ['commit → first alert email handed to SES', round(first / 1000)],
          [`commit → all ${n} handed to SES`, round(all / 1000)],
          ['sending rate reached (emails/s)', rate],
        ],
      ),
    ].join('\n');
    return {
      markdown,
      targets: [
        {
          name: `create latency with ${n} followers vs none (p50 ratio)`,
          target: '≤ 1.2',
          value: String(latencyRatio),
          met: latencyRatio <= 1.2,
        },
      ],
      data: { n, creates, none, daily, during, instantCreate, firstMs: first, allMs: all, rate, sendRate: SEND_RATE },
    };
  } finally {
    await target.stop();
  }
}
