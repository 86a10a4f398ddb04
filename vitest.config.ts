import { defineConfig } from 'vitest/config';

/**
 * Four projects: `unit` (pure logic), `integration` (handlers + store against DynamoDB Local,
 * cognito-local and the SES emulator, started once by the global setup), `infra` (CDK template,
 * cdk-nag, route parity) and `e2e` (the built site in Debian Chromium). `npm test` runs them all, the
 * e2e project in a second vitest process: a local stack runs its handlers in-process and configures
 * them through process.env, so two stacks in one process would talk to each other's stores.
 */
// Handlers log one JSON line per request (functions/lib/logger.ts); in tests only warnings and errors,
// so a failing test's output is not buried. The workers and the local stacks inherit this.
process.env.LOG_LEVEL ??= 'warn';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/setup/local-stack.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      // CDK synth of the whole stack takes a few seconds per file on two cores.
      { test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/setup/e2e-stack.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser at a time: two cores are shared with DynamoDB Local and the server.
          fileParallelism: false,
        },
      },
    ],
  },
});
