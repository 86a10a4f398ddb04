import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { ESCALATION_EVERY_MINUTES, ESCALATION_TABLE_ACTIONS } from '../../functions/escalation/table-grants.js';
import { ENV } from '../../functions/lib/env.js';
import { ORIGIN_ENV } from '../../functions/lib/origin.js';
import { matchesFilter, NOTIFIER_FILTER } from '../../functions/notify/filter.js';
import { ALERT_SENDER_TABLE_ACTIONS, NOTIFIER_TABLE_ACTIONS } from '../../functions/notify/table-grants.js';
import { PHOTO_PROCESSOR_TABLE_ACTIONS } from '../../functions/photos/table-grants.js';
import { db } from '../../functions/store/client.js';
import { ensureQueueCounts } from '../../functions/store/queue-counts.js';
import { listServices } from '../../shared/catalog/index.js';
import { jurisdiction } from '../../shared/jurisdiction/index.js';
import { publicConfig } from '../../shared/jurisdiction/public.js';
import { type CognitoIds, ensureCognito, localCognito } from './cognito-setup.js';
import { seedDemoBills } from './demo-bills.js';
import { startCognito, startSes } from './emulators.js';
import { enforceRouteGrants, withGrantsOf } from './local-iam.js';
import { type Child, startDynamo } from './processes.js';
import { startLocalS3 } from './s3.js';
import { seedIfEmpty } from './seed.js';
import { startServer } from './server.js';
import { startStreamPoller } from './stream-poller.js';
import { ensureTable, localDynamo } from './table.js';

export interface LocalStackOptions {
  /** Where DynamoDB Local, cognito-local and logs keep their files (git-ignored). */
  dataDir: string;
  port: number;
  dynamoPort: number;
  cognitoPort: number;
  sesPort: number;
  /** The S3 stand-in's port (uploads, photos); any free port when absent. */
  s3Port?: number;
  /** Keep DynamoDB in memory (tests); otherwise it persists under dataDir. */
  inMemory?: boolean;
  /** Run the stream poller that feeds the notifier (default true). */
  notifications?: boolean;
  /** Run the stream poller that keeps the derived views (queue counters) (default true). */
  derivedViews?: boolean;
  /** Demo reports to seed into an empty table; 0 to skip. */
  seedCount?: number;
  tableName?: string;
  siteDir?: string;
  /**
   * Whether the console makes staff enrol a TOTP app before entering (`required`, as in AWS, where the
   * pool enforces it too). cognito-local cannot require MFA (it has no MFA_SETUP), so locally the
   * console enforces it; the default `optional` keeps the demo accounts one password away.
   */
  staffMfa?: 'required' | 'optional';
  /** How often the SLA escalation job runs, in ms (default: every ESCALATION_EVERY_MINUTES; 0 turns it off). */
  escalationEveryMs?: number;
  /** How often the alert sender runs (queued alert emails, daily digests), in ms (default 1000; 0 turns it off). */
  alertSenderEveryMs?: number;
  log?: (line: string) => void;
}

export interface LocalStack {
  urls: { site: string; api: string; dynamodb: string; cognito: string; mailbox: string; s3: string };
  cognito: CognitoIds;
  tableName: string;
  options: LocalStackOptions;
  children: Child[];
  stop(): Promise<void>;
}

export const ROOT = resolve(import.meta.dirname, '../..');

/** Ports and folders from the environment, with the documented defaults. */
export function optionsFromEnv(env = process.env): LocalStackOptions {
  return {
    dataDir: resolve(ROOT, env.CIVICBOARD_DATA_DIR ?? '.local'),
    port: Number(env.PORT ?? 3000),
    dynamoPort: Number(env.DYNAMODB_PORT ?? 8000),
    cognitoPort: Number(env.COGNITO_PORT ?? 9229),
    sesPort: Number(env.SES_PORT ?? 8005),
    s3Port: Number(env.S3_PORT ?? 4569),
    seedCount: Number(env.SEED_COUNT ?? 400),
    staffMfa: env.CIVICBOARD_STAFF_MFA === 'required' ? 'required' : 'optional',
  };
}

/**
 * The key list cursors are signed with: made once per data folder (as CDK makes one secret per
 * deployment), so a restart keeps outstanding cursors valid and two folders never share a key.
 */
function localCursorKey(dataDir: string): string {
  return localSecret(dataDir, 'cursor-key');
}

/** 64 random hex digits kept in a file of the data folder, made on first use. */
function localSecret(dataDir: string, name: string): string {
  const file = join(dataDir, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** Forwards new reports as the connector's event source mapping would, and syncs every OPEN311_SYNC_SECONDS (60). */
async function startConnector(endpoint: string, tableName: string, log: (line: string) => void) {
  const forward = await startStreamPoller({
    endpoint,
    tableName,
    handler: (await import('../../functions/connector/forward-handler.js')).handler,
    // From the oldest record the stream holds: reports filed while the board was stopped are forwarded too
    // (one already forwarded has its record and is skipped).
    startAt: 'TRIM_HORIZON',
    log,
  });
  const sync = (await import('../../functions/connector/sync-handler.js')).handler;
  const timer = setInterval(() => void sync().catch(() => undefined), Number(process.env.OPEN311_SYNC_SECONDS ?? 60) * 1000);
  log('open311 connector: forwarding new reports and syncing upstream status');
  return {
    stop: async () => {
      clearInterval(timer);
      await forward.stop();
    },
  };
}

/** A timer in place of the EventBridge rule: runs the escalation job's handler under its own grants, one run at a time. */
function startEscalationTimer(everyMs: number, log: (line: string) => void): { stop(): Promise<void> } {
  const role = { method: 'SCHEDULE', path: 'escalation', table: ESCALATION_TABLE_ACTIONS } as const;
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = import('../../functions/escalation/run-escalation.js')
      .then(({ handler }) => withGrantsOf(role, () => handler()))
      .catch((err) => log(`escalation run failed: ${String(err)}`))
      .finally(() => {
        running = undefined;
      });
  }, everyMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * A timer in place of the alert sender's EventBridge rule: the same handler under its own grants, one
 * run at a time (the handler's lease would turn a second one away anyway).
 */
function startAlertSenderTimer(everyMs: number, log: (line: string) => void): { stop(): Promise<void> } {
  const role = { method: 'SCHEDULE', path: 'alert-sender', table: ALERT_SENDER_TABLE_ACTIONS } as const;
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = import('../../functions/notify/alert-sender.js')
      .then(({ handler }) => withGrantsOf(role, () => handler()))
      .catch((err) => log(`alert sender run failed: ${String(err)}`))
      .finally(() => {
        running = undefined;
      });
  }, everyMs);
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

/** The notifier under its own grants, as its IAM role has them in AWS. */
function grantedNotifier<E, R>(handler: (event: E) => Promise<R>) {
  const role = { method: 'STREAM', path: 'notifier', table: NOTIFIER_TABLE_ACTIONS } as const;
  return (event: E) => withGrantsOf(role, () => handler(event));
}

const UPLOAD_BUCKET = 'civicboard-uploads';
const PHOTO_BUCKET = 'civicboard-photos';

/**
 * The S3 stand-in (infra/local/s3.ts) with the two buckets, its ObjectCreated notification feeding the
 * photo processor under the processor's own grants, as the bucket notification invokes it in AWS.
 */
async function startPhotoStore(options: LocalStackOptions, logDir: string, log: (line: string) => void) {
  Object.assign(process.env, { [ENV.uploadBucket]: UPLOAD_BUCKET, [ENV.photoBucket]: PHOTO_BUCKET });
  const { handler } = await import('../../functions/photos/process-upload.js');
  const role = { method: 'S3', path: 'photo-processor', table: PHOTO_PROCESSOR_TABLE_ACTIONS } as const;
  return startLocalS3({
    port: options.s3Port ?? 0,
    directory: join(options.dataDir, options.inMemory ? `s3-${process.pid}` : 's3'),
    buckets: [UPLOAD_BUCKET, PHOTO_BUCKET],
    siteOrigin: `http://localhost:${options.port}`,
    secretAccessKey: 'local',
    onObjectCreated: async (event) => {
      if (event.Records.some((r) => r.s3.bucket.name === UPLOAD_BUCKET)) await withGrantsOf(role, () => handler(event));
    },
    log: (line) => log(line),
  }).catch((err: unknown) => {
    throw new Error(`the S3 stand-in did not start (logs in ${logDir}): ${String(err)}`);
  });
}

/**
 * Starts the whole board locally: DynamoDB Local, cognito-local, the SES emulator, the table and
 * demo accounts, demo data on first start, and the HTTP server that runs the same handler modules
 * Lambda runs. `stop()` ends every process it started.
 */
let running = false;

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  // Handlers run in this process and read their settings from process.env: a second stack here would
  // silently point the first one's handlers at its own store and mailbox.
  if (running) throw new Error('a local stack is already running in this process; run each stack in its own process');
  running = true;
  const log = options.log ?? (() => undefined);
  const tableName = options.tableName ?? 'civicboard';
  const logDir = join(options.dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const children: Child[] = [];
  let stopS3: (() => Promise<void>) | undefined;
  const stopAll = async () => {
    await Promise.all([...children.map((c) => c.stop()), stopS3?.()]);
  };
  try {
    log('starting DynamoDB Local, cognito-local and the SES emulator…');
    const [dynamo, cognitoChild, ses] = await Promise.all([
      startDynamo(options.dynamoPort, options.inMemory ? undefined : join(options.dataDir, 'dynamodb'), logDir),
      startCognito(options.cognitoPort, options.dataDir, logDir),
      startSes(options.sesPort, logDir),
    ]);
    children.push(dynamo, cognitoChild, ses);
    const urls = {
      s3: '',
      site: `http://localhost:${options.port}`,
      api: `http://localhost:${options.port}/api`,
      dynamodb: `http://localhost:${options.dynamoPort}`,
      cognito: `http://localhost:${options.cognitoPort}`,
      mailbox: `http://localhost:${options.sesPort}`,
    };
    const originSecret = localSecret(options.dataDir, 'origin-secret');
    Object.assign(process.env, {
      [ENV.tableName]: tableName,
      [ENV.dynamoEndpoint]: urls.dynamodb,
      [ENV.region]: 'eu-west-2',
      [ENV.publicBaseUrl]: urls.site,
      [ENV.sesEndpoint]: urls.mailbox,
      [ENV.cognitoEndpoint]: urls.cognito,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      [ENV.cursorKey]: localCursorKey(options.dataDir),
      // One per data folder, as CloudFormation makes one per deployment: the server sends it, the handlers check it.
      [ORIGIN_ENV.current]: originSecret,
    });

    const s3 = await startPhotoStore(options, logDir, log);
    stopS3 = s3.stop;
    process.env[ENV.s3Endpoint] = s3.url;
    urls.s3 = s3.url;

    const table = await ensureTable(localDynamo(urls.dynamodb), tableName);
    log(`table ${tableName}: ${table}`);
    const stateFile = join(options.dataDir, 'cognito-ids.json');
    const saved = existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, 'utf8')) as CognitoIds) : undefined;
    const cognito = await ensureCognito(localCognito(urls.cognito), saved);
    writeFileSync(stateFile, JSON.stringify(cognito, null, 2));
    process.env[ENV.userPoolId] = cognito.userPoolId;
    process.env[ENV.userPoolClientId] = cognito.userPoolClientId;
    // Each route's handler may use only the table actions its IAM role has in AWS.
    enforceRouteGrants(db());

    const counters = await ensureQueueCounts();
    if (counters === 'rebuilt') log('queue counters: counted from the queues');
    const seeded = await seedIfEmpty(options.seedCount ?? 0, (done, total) => log(`seeding demo data: ${done}/${total}`));
    if (seeded) log(`seeded ${seeded} demo reports`);
    if ((options.seedCount ?? 0) > 0 && (await seedDemoBills())) log('seeded demo bills');

    const poller =
      options.notifications === false
        ? undefined
        : await startStreamPoller({
            endpoint: urls.dynamodb,
            tableName,
            handler: grantedNotifier((await import('../../functions/notify/stream-handler.js')).handler),
            filter: (record) => matchesFilter(NOTIFIER_FILTER, record),
            log,
          });

    // As a second event source mapping would in AWS: its own reader of the stream, its own handler.
    // After a recount it starts at the stream's tip: what the stream holds is in the recount already.
    const views =
      options.derivedViews === false
        ? undefined
        : await startStreamPoller({
            endpoint: urls.dynamodb,
            tableName,
            handler: (await import('../../functions/views/queue-counts-handler.js')).handler,
            startAt: counters === 'rebuilt' ? 'LATEST' : 'TRIM_HORIZON',
            log,
          });

    // The back-office connector (docs/open311.md), only when a service forwards to an Open311 upstream:
    // a third stream reader for new reports, and the upstream sync on a timer (a schedule in AWS).
    const connector = listServices('report').some((s) => s.open311) ? await startConnector(urls.dynamodb, tableName, log) : undefined;
    // The statistics' own reader of the stream, as its own event source mapping is in AWS.
    const stats =
      options.derivedViews === false
        ? undefined
        : await startStreamPoller({
            endpoint: urls.dynamodb,
            tableName,
            handler: (await import('../../functions/views/stats-handler.js')).handler,
            startAt: 'TRIM_HORIZON',
            log,
          });

    const escalationEveryMs = options.escalationEveryMs ?? ESCALATION_EVERY_MINUTES * 60_000;
    const escalation = escalationEveryMs > 0 ? startEscalationTimer(escalationEveryMs, log) : undefined;
    const alertSenderEveryMs = options.alertSenderEveryMs ?? 1000;
    const alertSender =
      options.notifications === false || alertSenderEveryMs <= 0 ? undefined : startAlertSenderTimer(alertSenderEveryMs, log);

    const siteConfig = {
      ...publicConfig(jurisdiction),
      auth: {
        region: 'eu-west-2',
        userPoolId: cognito.userPoolId,
        userPoolClientId: cognito.userPoolClientId,
        endpoint: urls.cognito,
        mfa: options.staffMfa ?? 'optional',
      },
      mailbox: { url: urls.mailbox },
    };
    const server: Server = await startServer({
      port: options.port,
      originSecret,
      siteConfig: () => siteConfig,
      siteDir: options.siteDir ?? join(ROOT, 'site', 'dist'),
      cognitoOrigin: urls.cognito,
      uploadOrigin: s3.url,
      photoOrigin: `${s3.internalUrl}/${PHOTO_BUCKET}`,
    });
    return {
      urls,
      cognito,
      tableName,
      options,
      children,
      stop: async () => {
        await Promise.all([poller?.stop(), views?.stop(), stats?.stop(), escalation?.stop(), alertSender?.stop(), connector?.stop()]);
        server.closeAllConnections();
        await new Promise<void>((r) => server.close(() => r()));
        await stopAll();
        running = false;
      },
    };
  } catch (err) {
    await stopAll();
    running = false;
    throw err;
  }
}
