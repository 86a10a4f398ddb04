// Its own file, so its own process: the handlers here run against a DynamoDB Local this file starts
// and pauses, never the shared one other test files use.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../functions/lib/env.js';
import { HEALTH_CACHE_MS } from '../../functions/ops/health.js';
import { type Child, startDynamo } from '../../infra/local/processes.js';
import { startServer } from '../../infra/local/server.js';
import { ensureTable, localDynamo } from '../../infra/local/table.js';
import { freePort } from '../support/ports.js';

/** Lambda's timeout for API functions (infra/cdk/lambda.ts): an answer after it would never reach the client. */
const FUNCTION_TIMEOUT_MS = 10_000;

let dynamo: Child;
let server: Server;
let base: string;
let endpoint: string;
const dataDir = mkdtempSync(join(tmpdir(), 'civicboard-outage-'));
const tableName = 'civicboard-outage';
const originSecret = randomBytes(32).toString('hex');

const pause = () => process.kill(dynamo.process.pid!, 'SIGSTOP');
const running = () => dynamo.process.exitCode === null && dynamo.process.signalCode === null;
const resume = () => running() && process.kill(dynamo.process.pid!, 'SIGCONT');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function call(path: string, init: RequestInit = {}) {
  const started = Date.now();
  const res = await fetch(`${base}${path}`, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined, ms: Date.now() - started };
}

const createBody = (description: string) => JSON.stringify({ serviceCode: 'pothole', description, location: { lat: 51.45, lng: -2.59 } });
const create = (description: string, key: string) =>
  call('/api/reports', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: createBody(description),
  });

/** Reports stored with this description, read straight from this file's own table. */
async function storedWith(description: string): Promise<string[]> {
  const { Items = [] } = await localDynamo(endpoint).send(
    new ScanCommand({
      TableName: tableName,
      FilterExpression: 'entity = :item AND description = :d',
      ExpressionAttributeValues: { ':item': { S: 'item' }, ':d': { S: description } },
    }),
  );
  return Items.map((i) => i.id?.S as string);
}

const expectOutage = (res: Awaited<ReturnType<typeof call>>) => {
  expect(res.status).toBe(503);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(res.body).toMatchObject({ type: '/problems/unavailable', status: 503 });
  expect(res.ms).toBeLessThan(FUNCTION_TIMEOUT_MS);
};

beforeAll(async () => {
  const dynamoPort = await freePort();
  dynamo = await startDynamo(dynamoPort, undefined, join(dataDir, 'logs'));
  endpoint = `http://127.0.0.1:${dynamoPort}`;
  await ensureTable(localDynamo(endpoint), tableName);
  // The handlers run in this process and read their config once, from here on, from this table.
  Object.assign(process.env, {
    [ENV.tableName]: tableName,
    [ENV.dynamoEndpoint]: endpoint,
    [ENV.region]: 'eu-west-2',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    ORIGIN_SECRET: originSecret,
  });
  const { ensureQueueCounts } = await import('../../functions/store/queue-counts.js');
  await ensureQueueCounts();
  const port = await freePort();
  server = await startServer({
    port,
    originSecret,
    siteConfig: () => ({}),
    siteDir: dataDir,
    cognitoOrigin: 'http://localhost:1',
  });
  base = `http://127.0.0.1:${port}`;
}, 120_000);

afterAll(async () => {
  if (dynamo) {
    resume();
    await dynamo.stop();
  }
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('with the store paused', () => {
  it('reads, creates and health answer 503 problem+json with Retry-After, before the function would time out', async () => {
    expect((await call('/api/health')).status).toBe(200);
    const report = await create('before the pause', 'outage-before');
    expect(report.status).toBe(201);
    pause();
    try {
      const started = Date.now();
      const [read, list, created] = await Promise.all([
        call(`/api/reports/${report.body.id}`),
        call('/api/reports?limit=5'),
        create('during the pause', 'outage-during'),
      ]);
      for (const res of [read, list, created]) expectOutage(res);
      expect(created.body.detail).toContain('same Idempotency-Key');
      // The health answer from before the pause stands for a few seconds, then the probe finds the outage.
      await sleep(Math.max(0, HEALTH_CACHE_MS - (Date.now() - started)));
      expectOutage(await call('/api/health'));
    } finally {
      resume();
    }
  }, 60_000);

  it('a create told 503 and retried with the same Idempotency-Key leaves exactly one report', async () => {
    const description = `sent while the store was paused ${Date.now()}`;
    pause();
    let first: Awaited<ReturnType<typeof call>>;
    try {
      first = await create(description, 'outage-retry');
    } finally {
      resume();
    }
    expectOutage(first);
    // Whatever the paused store does with the request it had buffered, the client's retry finds it.
    await sleep(Number(first.headers.get('retry-after')) * 1000);
    const retried = await create(description, 'outage-retry');
    expect(retried.status).toBe(201);
    const again = await create(description, 'outage-retry');
    expect(again.body.id).toBe(retried.body.id);
    await sleep(1000);
    expect(await storedWith(description)).toEqual([retried.body.id]);
  }, 60_000);

  it('health recovers once the store answers again', async () => {
    await sleep(HEALTH_CACHE_MS);
    const res = await call('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  }, 30_000);
});

describe('with the store gone', () => {
  it('a refused connection is a 503 problem+json too', async () => {
    resume();
    await dynamo.stop();
    const res = await call('/api/reports?limit=5');
    expectOutage(res);
  }, 30_000);
});
