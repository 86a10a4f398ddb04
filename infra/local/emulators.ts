import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Child, packageFile, startChild, waitForHttp } from './processes.js';

/**
 * cognito-local, keeping its pools under `dataDir/cognito/.cognito` so users survive a restart.
 * Tokens it issues name `http://localhost:<port>/<poolId>` as issuer.
 */
export async function startCognito(port: number, dataDir: string, logDir: string): Promise<Child> {
  const cwd = join(dataDir, 'cognito');
  mkdirSync(join(cwd, '.cognito'), { recursive: true });
  writeFileSync(
    join(cwd, '.cognito', 'config.json'),
    JSON.stringify({ TokenConfig: { IssuerDomain: `http://localhost:${port}` }, UserPoolDefaults: { UsernameAttributes: [] } }, null, 2),
  );
  const child = startChild('cognito', process.execPath, [packageFile('cognito-local/lib/bin/start.js')], {
    cwd,
    env: { PORT: String(port), HOST: '127.0.0.1', DEBUG: '' },
    logDir,
  });
  await waitForHttp(`http://127.0.0.1:${port}/health`, child);
  return child;
}

/** The SES v1/v2 emulator; sent mail is listed at `/store` and shown in a web inbox at `/`. */
export async function startSes(port: number, logDir: string): Promise<Child> {
  const cli = join(packageFile('aws-ses-v2-local/package.json'), '..', 'dist', 'cli.js');
  const child = startChild('ses', process.execPath, [cli, '--port', String(port), '--host', '127.0.0.1'], { cwd: logDir, logDir });
  await waitForHttp(`http://127.0.0.1:${port}/store`, child);
  return child;
}
