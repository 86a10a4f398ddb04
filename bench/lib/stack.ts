import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ENV } from '../../functions/lib/env.js';
import { DEMO_PASSWORD } from '../../infra/local/cognito-setup.js';

/** Where a benchmark talks to the board: the API origin, the table behind it, Cognito and the mailbox. */
export interface Target {
  baseUrl: string;
  dynamoEndpoint: string;
  tableName: string;
  cognitoEndpoint: string;
  userPoolId: string;
  userPoolClientId: string;
  mailboxUrl: string;
  /** True when the stack was started by the bench (fresh, empty table); false for BENCH_URL. */
  own: boolean;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let ports: { port: number; dynamoPort: number; cognitoPort: number; sesPort: number } | undefined;

/**
 * The bench process reuses the store adapter, whose config and SDK client are read once per process:
 * every stack of one run therefore gets the same ports (chosen free once), so the endpoint never changes.
 */
async function runPorts() {
  ports ??= { port: await freePort(), dynamoPort: await freePort(), cognitoPort: await freePort(), sesPort: await freePort() };
  return ports;
}

/** The load comes from this machine: the per-client limits (docs/limits.md) would refuse most of it. */
const LOOPBACK = process.env[ENV.rateLimitExempt] ?? '127.0.0.1,::1';

/** Points this process's store adapter (functions/store) at the target's table. */
function useTable(dynamoEndpoint: string, tableName: string, mailboxUrl: string) {
  Object.assign(process.env, {
    [ENV.tableName]: tableName,
    [ENV.dynamoEndpoint]: dynamoEndpoint,
    [ENV.region]: 'eu-west-2',
    [ENV.sesEndpoint]: mailboxUrl,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    [ENV.rateLimitExempt]: LOOPBACK,
  });
  // Cursors this process makes, it reads back itself: a key of its own will do.
  process.env[ENV.cursorKey] ??= randomBytes(32).toString('hex');
}

/** An already running board named by BENCH_URL (with BENCH_DYNAMODB_ENDPOINT and BENCH_TABLE). */
async function externalTarget(baseUrl: string): Promise<Target> {
  const config = (await (await fetch(`${baseUrl}/config.json`)).json()) as {
    auth: { userPoolId: string; userPoolClientId: string; endpoint: string };
    mailbox?: { url: string };
  };
  const target = {
    baseUrl: baseUrl.replace(/\/$/, ''),
    dynamoEndpoint: process.env.BENCH_DYNAMODB_ENDPOINT ?? 'http://localhost:8000',
    tableName: process.env.BENCH_TABLE ?? 'civicboard',
    cognitoEndpoint: config.auth.endpoint,
    userPoolId: config.auth.userPoolId,
    userPoolClientId: config.auth.userPoolClientId,
    mailboxUrl: config.mailbox?.url ?? 'http://localhost:8005',
    own: false,
    stop: async () => undefined,
  };
  useTable(target.dynamoEndpoint, target.tableName, target.mailboxUrl);
  return target;
}

/**
 * A fresh local stack (in-memory DynamoDB Local, cognito-local, SES emulator, API server) in a child
 * process, or the running board named by BENCH_URL. `notifications` runs the stream poller + notifier.
 */
export async function startTarget(opts: { notifications?: boolean } = {}): Promise<Target> {
  if (process.env.BENCH_URL) return externalTarget(process.env.BENCH_URL);
  const root = join(import.meta.dirname, '..', '..');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench', 'lib', 'stack-child.ts')], {
    cwd: root,
    env: {
      ...process.env,
      [ENV.rateLimitExempt]: LOOPBACK,
      BENCH_PORTS: JSON.stringify(await runPorts()),
      BENCH_NOTIFICATIONS: opts.notifications ? '1' : '0',
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const ready = await new Promise<{
    urls: Record<string, string>;
    cognito: { userPoolId: string; userPoolClientId: string };
    tableName: string;
  }>((resolve, reject) => {
    let buffer = '';
    child.once('exit', (code) => reject(new Error(`bench stack exited with code ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.startsWith('READY '));
      if (line) resolve(JSON.parse(line.slice(6)));
    });
  });
  const urls = ready.urls as { site: string; dynamodb: string; cognito: string; mailbox: string };
  useTable(urls.dynamodb, ready.tableName, urls.mailbox);
  return {
    baseUrl: urls.site,
    dynamoEndpoint: urls.dynamodb,
    tableName: ready.tableName,
    cognitoEndpoint: urls.cognito,
    userPoolId: ready.cognito.userPoolId,
    userPoolClientId: ready.cognito.userPoolClientId,
    mailboxUrl: urls.mailbox,
    own: true,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Signs a demo staff user in with Cognito USER_PASSWORD_AUTH, as the site does; returns the ID token. */
export async function signIn(target: Target, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(target.cognitoEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
    body: JSON.stringify({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: target.userPoolClientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  });
  const json = (await res.json()) as { AuthenticationResult?: { IdToken: string } };
  const token = json.AuthenticationResult?.IdToken;
  if (!token) throw new Error(`sign-in failed for ${username}: ${JSON.stringify(json)}`);
  return token;
}
