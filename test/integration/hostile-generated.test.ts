import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, routeKey } from '../../functions/routes.js';
import { api, createReport, signIn, useTestTable } from '../support/api.js';
import { billBody, testSession } from '../support/bills.js';
import { contractBreach, describeRequest, StateWatch, send } from '../support/hostile/check.js';
import { ROUTE_INPUTS } from '../support/hostile/inputs.js';
import { type HostileContext, type HostileRequest, requestFor } from '../support/hostile/requests.js';
import { signWithEmulatorKey } from '../support/tokens.js';

/**
 * The hostile-input suite (issue 14): requests generated from every route's schemas, valid-ish and
 * broken, sent over HTTP to the local stack. No answer may be 5xx, every 4xx is problem+json with its
 * status, and a refused request changes nothing. Reproduce a failure with the seed it prints:
 * HOSTILE_SEED=<seed> npx vitest run --project integration test/integration/hostile-generated.test.ts
 */
const SEED = Number(process.env.HOSTILE_SEED ?? 20_261_414);
const TOTAL_RUNS = Number(process.env.HOSTILE_RUNS ?? 2_000);
/** Streams run side by side, each against items of its own so that its state checks are its own. */
const STREAMS = 4;

let tokens: HostileContext['tokens'];
const nonce = Date.now().toString(36);

async function newContext(tag: string): Promise<HostileContext> {
  const report = await createReport();
  const session = testSession(tag);
  const bill = await api('/api/staff/bills', { token: tokens.clerk, body: billBody(session) });
  if (bill.status !== 201) throw new Error(`bill create failed: ${bill.status} ${bill.text}`);
  return { reportId: report.id, reference: report.reference, billId: bill.body.id, billNumber: bill.body.number, session, tokens, nonce };
}

beforeAll(async () => {
  useTestTable();
  tokens = {
    roads: await signIn('roads.officer'),
    clerk: await signIn('leg.clerk'),
    admin: await signIn('admin'),
    expired: await signWithEmulatorKey({}, Math.floor(Date.now() / 1000) - 3600),
  };
});

describe('the hostile-input suite', () => {
  it('knows the schemas of every route in the route table', () => {
    expect(ROUTES.map(routeKey).filter((k) => !(k in ROUTE_INPUTS))).toEqual([]);
  });

  it('positive control: the state checks see an accepted write to each thing they watch', async () => {
    const ctx = await newContext('control');
    const watch = new StateWatch(ctx);
    await watch.refresh();
    const comment = await api(`/api/staff/reports/${ctx.reportId}/comments`, {
      token: tokens.roads,
      body: { body: 'control', visibility: 'public' },
    });
    expect(comment.status).toBe(201);
    const key = `hostile-${nonce}-control`;
    const created = await api('/api/reports', {
      body: { serviceCode: 'pothole', description: 'control', location: { lat: 51.45, lng: -2.59 } },
      headers: { 'idempotency-key': key },
    });
    expect(created.status).toBe(201);
    const bill = await api('/api/staff/bills', { token: tokens.clerk, body: billBody(ctx.session) });
    expect(bill.status).toBe(201);
    const route = ROUTES[0]!;
    const base: HostileRequest = { route, method: 'POST', path: '/', headers: {} };
    expect(await watch.changedBy({ ...base, target: 'report' })).toMatch(/report changed/);
    expect(await watch.changedBy({ ...base, idempotencyKey: key })).toMatch(/stored/);
    expect(await watch.changedBy({ ...base, billSession: ctx.session })).toMatch(/bills in/);
  });

  it(`${TOTAL_RUNS} generated requests: none 5xx, every 4xx problem+json, refused ones change nothing`, async () => {
    console.log(`hostile suite: seed ${SEED}, ${TOTAL_RUNS} requests in ${STREAMS} streams (HOSTILE_SEED / HOSTILE_RUNS override)`);
    const statuses = new Map<string, Map<number, number>>();
    const runStream = async (stream: number) => {
      const ctx = await newContext(`hostile${stream}`);
      const watch = new StateWatch(ctx);
      await watch.refresh();
      const requests = fc.constantFrom(...ROUTES).chain((route) => requestFor(route, ctx));
      await fc.assert(
        fc.asyncProperty(requests, async (req) => {
          const answer = await send(req);
          const byRoute = statuses.get(routeKey(req.route)) ?? new Map<number, number>();
          byRoute.set(answer.status, (byRoute.get(answer.status) ?? 0) + 1);
          statuses.set(routeKey(req.route), byRoute);
          const breach = contractBreach(req, answer);
          if (breach) throw new Error(`${breach}\n${describeRequest(req)}`);
          if (!StateWatch.watches(req)) return;
          if (answer.status >= 400) {
            const changed = await watch.changedBy(req);
            if (changed) throw new Error(`refused with ${answer.status} but ${changed}\n${describeRequest(req)}`);
          } else await watch.refresh();
        }),
        { seed: SEED + stream, numRuns: Math.ceil(TOTAL_RUNS / STREAMS), endOnFailure: true },
      );
    };
    await Promise.all(Array.from({ length: STREAMS }, (_, i) => runStream(i)));
    const summary = [...statuses].map(([route, s]) => `${route}: ${[...s].map(([k, n]) => `${k}×${n}`).join(' ')}`);
    console.log(`hostile suite answers by route:\n${summary.join('\n')}`);
    expect(statuses.size).toBe(ROUTES.length);
  }, 180_000);
});
