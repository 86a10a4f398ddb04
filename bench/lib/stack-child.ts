// Runs one local stack in its own process, so the API server never shares an event loop with the load
// generator. Started by bench/lib/stack.ts; prints one READY line with its URLs, stops on SIGTERM.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack } from '../../infra/local/stack.js';

const ports = JSON.parse(process.env.BENCH_PORTS ?? '{}') as { port: number; dynamoPort: number; cognitoPort: number; sesPort: number };
const dataDir = mkdtempSync(join(tmpdir(), 'civicboard-bench-'));
const stack = await startLocalStack({
  dataDir,
  inMemory: true,
  ...ports,
  seedCount: 0,
  notifications: process.env.BENCH_NOTIFICATIONS === '1',
  tableName: process.env.BENCH_TABLE ?? 'civicboard-bench',
});
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
console.log(`READY ${JSON.stringify({ urls: stack.urls, cognito: stack.cognito, tableName: stack.tableName })}`);
