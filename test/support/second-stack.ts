import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_PASSWORD } from '../../infra/local/cognito-setup.js';
import { freePort } from './ports.js';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * A second local board in a child process (a stack's handlers read process.env, so two cannot share one
 * process): its own ports, data folder and emulators. `stop()` and `start()` again keep its data, so a
 * test can take it down for a while.
 */
export class SecondStack {
  private child?: ChildProcess;
  readonly dataDir = mkdtempSync(join(tmpdir(), 'civicboard-b-'));
  ports = { port: 0, dynamo: 0, cognito: 0, ses: 0, s3: 0 };
  private clientId = '';

  /** `env`: extra environment for the child, e.g. another jurisdiction folder (`CIVICBOARD_JURISDICTION`) or a connector key. */
  constructor(private readonly env: Record<string, string> = {}) {}

  get url(): string {
    return `http://127.0.0.1:${this.ports.port}`;
  }

  /** Its DynamoDB Local, for reading what it stored. */
  get dynamoEndpoint(): string {
    return `http://localhost:${this.ports.dynamo}`;
  }

  /** Starts the board (a no-op while it runs). */
  async start(): Promise<void> {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) return;
    if (!this.ports.port)
      this.ports = {
        port: await freePort(),
        dynamo: await freePort(),
        cognito: await freePort(),
        ses: await freePort(),
        s3: await freePort(),
      };
    const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts'], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PORT: String(this.ports.port),
        DYNAMODB_PORT: String(this.ports.dynamo),
        COGNITO_PORT: String(this.ports.cognito),
        SES_PORT: String(this.ports.ses),
        // Its own S3 stand-in too: two boards on the default port (4569) would clash.
        S3_PORT: String(this.ports.s3),
        CIVICBOARD_DATA_DIR: this.dataDir,
        SEED_COUNT: '0',
        ...this.env,
      },
    });
    this.child = child;
    let output = '';
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error(`second stack did not start in 120 s:\n${output.slice(-2000)}`)), 120_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('civicboard is running.')) {
          clearTimeout(timer);
          ready();
        }
      };
      child.stdout?.on('data', read);
      child.stderr?.on('data', read);
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`second stack exited (${code}):\n${output.slice(-2000)}`));
      });
    });
    const config = (await (await fetch(`${this.url}/config.json`)).json()) as { auth: { userPoolClientId: string } };
    this.clientId = config.auth.userPoolClientId;
  }

  /** Stops the child and everything it started (its process group), and waits for it to exit. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child?.pid || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
    this.child = undefined;
  }

  async signIn(username: string): Promise<string> {
    const res = await fetch(`http://127.0.0.1:${this.ports.cognito}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
      body: JSON.stringify({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: this.clientId,
        AuthParameters: { USERNAME: username, PASSWORD: DEMO_PASSWORD },
      }),
    });
    const token = ((await res.json()) as { AuthenticationResult?: { IdToken: string } }).AuthenticationResult?.IdToken;
    if (!token) throw new Error(`sign-in on the second stack failed for ${username}`);
    return token;
  }

  /** A JSON call to the second board's API. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response shapes
  async api(path: string, init: { token?: string; body?: unknown; method?: string } = {}): Promise<{ status: number; body: any }> {
    const res = await fetch(`${this.url}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    return { status: res.status, body: text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text };
  }
}
