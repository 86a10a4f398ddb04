import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ENV } from '../../functions/lib/env.js';
import { startLocalStack } from '../../infra/local/stack.js';
import { freePort } from '../support/ports.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The S3 stand-in, for tests that check what is stored privately (withheld photo files). */
    s3Endpoint: string;
    dynamoEndpoint: string;
    cognitoEndpoint: string;
    mailboxUrl: string;
    tableName: string;
    userPoolId: string;
    userPoolClientId: string;
  }
}

/** Starts one real local stack (in-memory DynamoDB Local, cognito-local, SES emulator) for the whole run. */
export default function setup(project: TestProject) {
  return startTestStack(project, 0);
}

export async function startTestStack(project: TestProject, seedCount: number) {
  // The suite files hundreds of reports from this machine: loopback is exempt from the per-client limits
  // (as a council's contact centre would be). test/integration/limits.test.ts sends from other 127.x
  // addresses, which are counted with the real defaults. Per-address email limits still apply.
  process.env[ENV.rateLimitExempt] = '127.0.0.1,::1';
  const dataDir = mkdtempSync(join(tmpdir(), 'civicboard-test-'));
  const stack = await startLocalStack({
    dataDir,
    inMemory: true,
    port: await freePort(),
    dynamoPort: await freePort(),
    cognitoPort: await freePort(),
    sesPort: await freePort(),
    seedCount,
    tableName: 'civicboard-test',
  });
  project.provide('baseUrl', stack.urls.site);
  project.provide('s3Endpoint', stack.urls.s3);
  project.provide('dynamoEndpoint', stack.urls.dynamodb);
  project.provide('cognitoEndpoint', stack.urls.cognito);
  project.provide('mailboxUrl', stack.urls.mailbox);
  project.provide('tableName', stack.tableName);
  project.provide('userPoolId', stack.cognito.userPoolId);
  project.provide('userPoolClientId', stack.cognito.userPoolClientId);
  return async () => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
