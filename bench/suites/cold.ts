import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { marshall } from '@aws-sdk/util-dynamodb';
import { build } from 'esbuild';
import ngeohash from 'ngeohash';
import { ENV } from '../../functions/lib/env.js';
import { ORIGIN_ENV, ORIGIN_HEADER } from '../../functions/lib/origin.js';
import { ROUTES } from '../../functions/routes.js';
import { getItemWithHistory } from '../../functions/store/items.js';
import { eventNotificationRecord } from '../../functions/store/keys/subscriptions.js';
import { jurisdictionInject } from '../../infra/cdk/jurisdiction-bundle.js';
import { BUNDLE } from '../../infra/cdk/lambda.js';
import {
  alertTokens,
  type ColdFixtures,
  coldFixtures,
  freshAddress,
  manageAlertsToken,
  newApiKey,
  newUpload,
  reportFollowTokens,
} from '../lib/cold-fixtures.js';
import { seedFreshReports } from '../lib/seed.js';
import { signIn, startTarget, type Target } from '../lib/stack.js';
import { median, round } from '../lib/stats.js';
import { type BenchOptions, type SuiteResult, table } from '../lib/suite.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BUNDLE_LIMIT_KB = 250;
const FIRST_ANSWER_LIMIT_MS = 80;

/** The esbuild options infra/cdk/lambda.ts gives NodejsFunction (its BUNDLE), AWS SDK left to the runtime. */
async function bundle(handler: string, outdir: string): Promise<string> {
  const outfile = join(outdir, `${handler.replace(/\//g, '__')}.mjs`);
  await build({
    entryPoints: [join(ROOT, 'functions', `${handler}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: BUNDLE.target,
    minify: BUNDLE.minify,
    sourcemap: BUNDLE.sourceMap,
    mainFields: [...BUNDLE.mainFields],
    banner: { js: BUNDLE.banner },
    external: [...BUNDLE.externalModules],
    inject: [jurisdictionInject(ROOT)],
    logLevel: 'silent',
  });
  return outfile;
}

/** Runs in a fresh Node: imports the bundle, answers one event, prints the timings as JSON. */
const RUNNER = `
const bootMs = performance.now();
const t0 = performance.now();
// The AWS SDK is the runtime's (external to the bundle): loaded first, to tell its share of the import.
if (process.env.BENCH_SDK === '1') {
  await import('@aws-sdk/client-dynamodb');
  await import('@aws-sdk/lib-dynamodb');
}
const tSdk = performance.now();
const mod = await import(process.argv[2]);
const t1 = performance.now();
const ctx = { awsRequestId: 'bench', functionName: 'bench', getRemainingTimeInMillis: () => 10000, callbackWaitsForEmptyEventLoop: false };
const call = async (event) => {
  try {
    const res = await mod.handler(JSON.parse(event), ctx);
    return res?.statusCode ?? (res?.batchItemFailures?.length ? 'batch failure' : 'ok');
  } catch (err) { return 'threw ' + err.message; }
};
const status = await call(process.env.BENCH_EVENT);
const t2 = performance.now();
// The same function warm: what the first call spent on one-time work (SDK client, credentials, connection, JIT) is the difference.
const warmStatus = await call(process.env.BENCH_EVENT_2);
const t3 = performance.now();
process.stdout.write(JSON.stringify({ bootMs, sdkImportMs: tSdk - t0, importMs: t1 - t0, handlerMs: t2 - t1, warmMs: t3 - t2, firstAnswerMs: t2 - t0, status, warmStatus }));
process.exit(0);
`;

function httpEvent(
  method: string,
  path: string,
  opts: {
    pathParameters?: Record<string, string>;
    body?: unknown;
    form?: Record<string, string>;
    query?: Record<string, string>;
    staff?: boolean;
    /** Another staff member's ID token than the admin's (an office member's, for the watchlist). */
    token?: string;
  } = {},
) {
  // Staff functions verify the ID token themselves (no API Gateway authorizer): a cold start includes
  // fetching the pool's JWKS, as it does in AWS.
  const now = Date.now();
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: new URLSearchParams(opts.query ?? {}).toString(),
    headers: {
      'content-type': opts.form ? 'application/x-www-form-urlencoded' : 'application/json',
      host: 'bench.local',
      [ORIGIN_HEADER]: BENCH_ORIGIN_SECRET,
      ...(opts.staff && (opts.token ?? staffToken) ? { authorization: `Bearer ${opts.token ?? staffToken}` } : {}),
    },
    queryStringParameters: opts.query,
    pathParameters: opts.pathParameters,
    body: opts.form ? new URLSearchParams(opts.form).toString() : opts.body === undefined ? undefined : JSON.stringify(opts.body),
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'bench',
      domainName: 'bench.local',
      domainPrefix: 'bench',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
      requestId: `bench-${now}`,
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: new Date(now).toISOString(),
      timeEpoch: now,
    },
  };
}

/** One realistic event per function; write routes that change an item get a fresh item every run. */
let staffToken: string | undefined;
/** A member of a legislator's office (the demo's leg.clerk): the watchlist is per office. */
let officeToken: string | undefined;
/** What CloudFront would send: the functions refuse requests without it. */
const BENCH_ORIGIN_SECRET = randomBytes(32).toString('hex');

const VOTE = { chamber: 'House', motion: 'Third reading, final passage', yes: 3, no: 1, abstain: 0, absent: 1, result: 'pass' };
const billBody = (number: string) => ({
  number,
  session: 'cold-bench',
  title: 'Cold start bill',
  summary: 'A bill the cold bench files.',
  chamber: 'House',
  sponsors: [{ name: 'A. Sponsor', role: 'primary' }],
});
/** The demo city's centre, for the map tile and the circle. */
const MAP_TILE = ngeohash.encode(51.45, -2.59, 5).slice(0, 3);

async function staffCall(target: Target, path: string, body: unknown, method = 'POST', token = staffToken) {
  const res = await fetch(`${target.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`cold: ${method} ${path} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

/**
 * One event per function that does the function's real work (a 2xx, never a refused request): write
 * routes that change or use up a record get a fresh one for every event, links a freshly mailed token.
 */
async function eventFor(handler: string, method: string, path: string, runs: number, target: Target, fx: ColdFixtures) {
  const [item] = await seedFreshReports(1);
  const fresh = handler === 'staff/create-transition' || handler === 'notify/stream-handler' ? await seedFreshReports(2 * runs) : [];
  const id = item as string;
  const next = () => fresh.shift() as string;
  const staff = path.startsWith('/api/staff');
  const ev = (o: Parameters<typeof httpEvent>[2] = {}) => httpEvent(method, path, { staff, ...o });
  switch (handler) {
    case 'reports/create-report':
      return () => ev({ body: { serviceCode: 'pothole', description: 'Cold start pothole', location: { lat: 51.45, lng: -2.59 } } });
    case 'reports/list-reports':
      return () => ev({ query: { bbox: '-2.60,51.45,-2.585,51.46' } });
    case 'map/get-map-cells':
      return () => ev({ query: { precision: '5', tile: MAP_TILE } });
    case 'reports/create-upload':
      return () => ev({ body: { contentType: 'image/jpeg', size: 2048 } });
    case 'reports/get-upload':
      return async () => ev({ pathParameters: { uploadId: await newUpload(target) } });
    case 'reports/create-flag':
      return () => ev({ pathParameters: { id }, body: { reason: 'Cold bench flag' } });
    case 'staff/resolve-flags':
      return async () => {
        const [flagged] = await seedFreshReports(1);
        await fetch(`${target.baseUrl}/api/reports/${flagged}/flags`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ reason: 'Cold bench flag' }),
        });
        return ev({ pathParameters: { id: flagged as string }, body: { action: 'keep' } });
      };
    case 'staff/create-redaction':
      return () => ev({ pathParameters: { id }, body: { field: 'title', reason: 'Cold bench', replacement: 'Redacted' } });
    case 'queues/get-queue':
    case 'staff/list-team-members':
      return () => ev({ pathParameters: { serviceCode: 'pothole' } });
    case 'subscriptions/create-subscription':
      return () => ev({ pathParameters: { id }, body: { email: freshAddress('follow') } });
    case 'subscriptions/confirm-subscription':
      return async () => ev({ query: { token: (await reportFollowTokens(target, id))[0] as string } });
    case 'subscriptions/unsubscribe':
      return async () => ev({ query: { token: (await reportFollowTokens(target, id)).at(-1) as string } });
    case 'staff/update-report':
      return () => ev({ pathParameters: { id }, body: { priority: 'high' } });
    case 'staff/create-transition':
      return () => ev({ pathParameters: { id: next() }, body: { to: 'acknowledged' } });
    case 'staff/create-comment':
      return () => ev({ pathParameters: { id }, body: { body: 'Cold start note', visibility: 'internal' } });
    case 'bills/get-bill':
    case 'staff-bills/get-bill':
    case 'feeds/get-bill-calendar':
      return () => ev({ pathParameters: { id: fx.billId } });
    case 'bills/get-member':
      return () => ev({ pathParameters: { id: fx.memberId } });
    case 'bills/get-committee':
      return () => ev({ pathParameters: { name: fx.committee } });
    case 'bills/create-subscription':
      return () => ev({ pathParameters: { id: fx.billId }, body: { email: freshAddress('bill') } });
    case 'staff-bills/create-bill':
      return () => ev({ body: billBody(fx.nextBillNumber()) });
    case 'staff-bills/create-transition':
      return async () => {
        const bill = await staffCall(target, '/api/staff/bills', billBody(fx.nextBillNumber()));
        return ev({ pathParameters: { id: bill.id }, body: { to: 'committee' } });
      };
    case 'staff-bills/create-vote':
      // A bill of its own per event: the same vote recorded twice on one bill is a 409.
      return async () => {
        const bill = await staffCall(target, '/api/staff/bills', billBody(fx.nextBillNumber()));
        return ev({ pathParameters: { id: bill.id }, body: { ...VOTE, at: new Date().toISOString() } });
      };
    case 'staff-bills/list-watchlist':
    case 'staff-bills/get-watch-alerts':
      return () => ev({ token: officeToken });
    case 'staff-bills/put-watch':
      return () => ev({ pathParameters: { id: fx.billId }, body: { note: 'Cold bench' }, token: officeToken });
    case 'staff-bills/delete-watch':
      return async () => {
        await staffCall(target, `/api/staff/watchlist/${fx.billId}`, { note: 'Cold bench' }, 'PUT', officeToken);
        return ev({ pathParameters: { id: fx.billId }, token: officeToken });
      };
    case 'staff-bills/put-watch-alerts':
      return () => ev({ body: { enabled: true }, token: officeToken });
    case 'staff/create-api-key':
      return () => ev({ body: { name: 'Cold bench key', services: ['pothole'], ratePerMinute: 60 } });
    case 'staff/delete-api-key':
      return async () => ev({ pathParameters: { id: (await newApiKey(target, staffToken as string)).id } });
    case 'open311/create-request':
      return () =>
        ev({ form: { api_key: fx.apiKey, service_code: 'pothole', lat: '51.45', long: '-2.59', description: 'Cold bench Open311' } });
    // Open311 ids carry the response format as a suffix (`pothole.json`), as API Gateway passes them.
    case 'open311/get-request':
      return () => ev({ pathParameters: { service_request_id: `${id}.json` } });
    case 'open311/get-service-definition':
      return () => ev({ pathParameters: { service_code: 'pothole.json' } });
    case 'open311/get-token':
      // The token a machine client polls with is the request's item id.
      return () => ev({ pathParameters: { token: `${id}.json` } });
    case 'alerts/create-alert':
      return () => ev({ body: { email: freshAddress('alert'), target: { type: 'service', serviceCode: 'pothole' } } });
    case 'alerts/confirm-alert':
      return async () => ev({ query: { token: (await alertTokens(target))[0] as string } });
    case 'alerts/cancel-alert':
      return async () => ev({ query: { token: (await alertTokens(target)).at(-1) as string } });
    case 'alerts/list-alerts':
      return async () => ev({ query: { token: await manageAlertsToken(target) } });
    case 'notify/stream-handler':
      return async () => {
        const { item: stored, history } = await getItemWithHistory(next());
        const record = eventNotificationRecord(stored, 'report.created', history[0] as (typeof history)[number]);
        return {
          Records: [
            {
              eventID: '1',
              eventName: 'INSERT',
              eventSource: 'aws:dynamodb',
              dynamodb: { NewImage: marshall(record, { removeUndefinedValues: true }), SequenceNumber: '1' },
            },
          ],
        };
      };
    default:
      return () => ev({ pathParameters: path.includes('{id}') ? { id } : undefined });
  }
}

/** A first answer that did the function's work: an HTTP 2xx or 3xx, or a stream batch with no failures. */
const answered = (status: string | number) => status === 'ok' || (typeof status === 'number' && status >= 200 && status < 400);

interface ColdSample {
  bootMs: number;
  sdkImportMs: number;
  importMs: number;
  handlerMs: number;
  warmMs: number;
  firstAnswerMs: number;
  status: string | number;
  warmStatus: string | number;
}

function runOnce(runner: string, file: string, event: unknown, warmEvent: unknown, target: Target) {
  return new Promise<ColdSample>((resolve, reject) => {
    const child = spawn(process.execPath, [runner, file], {
      env: {
        PATH: process.env.PATH,
        NODE_OPTIONS: '--enable-source-maps',
        BENCH_EVENT: JSON.stringify(event),
        BENCH_EVENT_2: JSON.stringify(warmEvent),
        // Only a function that uses the SDK loads it: a health check must not pay for it here either.
        BENCH_SDK: readFileSync(file, 'utf8').includes('@aws-sdk/lib-dynamodb') ? '1' : '0',
        [ENV.tableName]: target.tableName,
        [ENV.dynamoEndpoint]: target.dynamoEndpoint,
        [ENV.region]: 'eu-west-2',
        [ENV.publicBaseUrl]: target.baseUrl,
        [ENV.sesEndpoint]: target.mailboxUrl,
        [ENV.userPoolId]: target.userPoolId,
        [ENV.userPoolClientId]: target.userPoolClientId,
        [ENV.cognitoEndpoint]: target.cognitoEndpoint,
        [ENV.logLevel]: 'error',
        [ENV.cursorKey]: randomBytes(32).toString('hex'),
        [ORIGIN_ENV.current]: BENCH_ORIGIN_SECRET,
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
      },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.once('exit', () => {
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`cold run of ${file} printed ${out}`));
      }
    });
  });
}

/**
 * Each function bundled as CDK bundles it, then imported and asked one question in a fresh Node process
 * (Lambda's init + first invoke, minus the runtime's own boot), several times; medians reported.
 */
export async function coldSuite(opts: BenchOptions): Promise<SuiteResult> {
  const runs = opts.quick ? 3 : 5;
  // Inside the repository, so the external @aws-sdk/* resolve from node_modules as the runtime's own do.
  mkdirSync(join(ROOT, 'bench', '.cold'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, 'bench', '.cold', 'run-'));
  // With the notifier: subscription and alert links are mailed (confirm, unsubscribe, manage).
  const target = await startTarget({ notifications: true });
  try {
    staffToken = await signIn(target, 'admin');
    officeToken = await signIn(target, 'leg.clerk');
    const fx = await coldFixtures(target, staffToken);
    const runner = join(dir, 'runner.mjs');
    writeFileSync(runner, RUNNER);
    const fns = new Map<string, { method: string; path: string }>();
    for (const r of ROUTES) if (!fns.has(r.handler)) fns.set(r.handler, { method: r.method, path: r.path });
    fns.set('notify/stream-handler', { method: 'STREAM', path: 'DynamoDB stream' });
    // BENCH_COLD_ONLY=bills/get-member,open311/get-token: just these (a quick look while fixing one event).
    const only = process.env.BENCH_COLD_ONLY?.split(',').map((h) => h.trim());
    if (only) for (const h of fns.keys()) if (!only.includes(h)) fns.delete(h);
    const rows = [];
    const errors: string[] = [];
    for (const [handler, { method, path }] of fns) {
      opts.log(`cold: ${handler}`);
      const file = await bundle(handler, dir);
      const bytes = statSync(file).size;
      const samples = [];
      try {
        const makeEvent = await eventFor(handler, method, path, runs, target, fx);
        for (let i = 0; i < runs; i++) samples.push(await runOnce(runner, file, await makeEvent(), await makeEvent(), target));
      } catch (err) {
        // One function's event that could not be made must not lose every other function's figures.
        errors.push(`${handler}: no event (${(err as Error).message.slice(0, 200)})`);
        opts.log(`cold: ERROR no event for ${handler}: ${(err as Error).message}`);
        continue;
      }
      // A refused event (4xx, 5xx, a throw) measures a function that did no work: an error, not a figure.
      const refused = samples.filter((s) => !answered(s.status));
      if (refused.length) {
        errors.push(`${handler}: first answer ${[...new Set(refused.map((s) => String(s.status)))].join(', ')} (${method} ${path})`);
        opts.log(`cold: ERROR ${handler} answered ${refused.map((s) => s.status).join(', ')}`);
      }
      rows.push({
        handler,
        route: `${method} ${path}`,
        kb: round(bytes / 1024),
        gzKb: round(gzipSync(readFileSync(file)).length / 1024),
        mapKb: round(statSync(`${file}.map`).size / 1024),
        bootMs: round(median(samples.map((s) => s.bootMs))),
        sdkImportMs: round(median(samples.map((s) => s.sdkImportMs))),
        importMs: round(median(samples.map((s) => s.importMs))),
        handlerMs: round(median(samples.map((s) => s.handlerMs))),
        warmMs: round(median(samples.map((s) => s.warmMs))),
        firstAnswerMs: round(median(samples.map((s) => s.firstAnswerMs))),
        status: [...new Set(samples.map((s) => String(s.status)))].join(','),
      });
    }
    const markdown = [
      ...(errors.length ? ['**Refused or missing events (errors):**', '', ...errors.map((e) => `- ${e}`), ''] : []),
      `Median of ${runs} fresh processes each; first answer = import + one handler call against the local stack, with NODE_OPTIONS=--enable-source-maps as deployed. Node's own boot (≈${median(rows.map((r) => r.bootMs))} ms here) is not included: on Lambda it is the runtime's. "SDK import" is loading @aws-sdk/client-dynamodb and lib-dynamodb (the runtime's, outside the bundle), part of the import; "warm call" is a second event in the same process, so first call − warm call is the one-time work of the first request (SDK client and credentials, the HTTP connection, JIT).`,
      '',
      table(
        [
          'function',
          'route',
          'bundle KB',
          'gz KB',
          'SDK import ms',
          'import ms (incl. SDK)',
          'first call ms',
          'warm call ms',
          'first answer ms',
          'status',
        ],
        rows.map((r) => [r.handler, r.route, r.kb, r.gzKb, r.sdkImportMs, r.importMs, r.handlerMs, r.warmMs, r.firstAnswerMs, r.status]),
      ),
    ].join('\n');
    if (!rows.length) return { markdown, targets: [], data: { runs, rows, errors }, errors };
    const biggest = rows.reduce((a, b) => (b.kb > a.kb ? b : a));
    const slowest = rows.reduce((a, b) => (b.firstAnswerMs > a.firstAnswerMs ? b : a));
    return {
      markdown,
      targets: [
        {
          name: `largest bundle (${biggest.handler})`,
          target: `≤ ${BUNDLE_LIMIT_KB} KB`,
          value: `${biggest.kb} KB`,
          met: biggest.kb <= BUNDLE_LIMIT_KB,
        },
        {
          name: `slowest first answer (${slowest.handler})`,
          target: `≤ ${FIRST_ANSWER_LIMIT_MS} ms`,
          value: `${slowest.firstAnswerMs} ms`,
          met: slowest.firstAnswerMs <= FIRST_ANSWER_LIMIT_MS,
        },
        {
          name: 'functions whose event did their real work (first answer 2xx/3xx)',
          target: `all ${fns.size}`,
          value: String(fns.size - new Set(errors.map((e) => e.split(':')[0])).size),
          met: errors.length === 0,
        },
        {
          name: 'functions within both cold-start targets',
          target: `all ${rows.length}`,
          value: String(rows.filter((r) => r.kb <= BUNDLE_LIMIT_KB && r.firstAnswerMs <= FIRST_ANSWER_LIMIT_MS).length),
          met: rows.every((r) => r.kb <= BUNDLE_LIMIT_KB && r.firstAnswerMs <= FIRST_ANSWER_LIMIT_MS),
        },
      ],
      data: { runs, rows, errors },
      errors,
    };
  } finally {
    await target.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
