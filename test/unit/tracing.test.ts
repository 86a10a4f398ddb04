import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';

const names = (c: DynamoDBClient) => c.middlewareStack.identify().join(' ');

describe('tracing of SDK calls (functions/lib/tracing.ts)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('leaves clients as they are outside a traced Lambda function (locally, in tests, in benches)', async () => {
    vi.stubEnv('POWERTOOLS_TRACE_ENABLED', 'true'); // but no AWS_LAMBDA_FUNCTION_NAME: not in Lambda
    const { traced, tracing, tracingWanted } = await import('../../functions/lib/tracing.js');
    const client = new DynamoDBClient({ region: 'eu-west-2' });
    const before = names(client);
    expect(traced(client)).toBe(client);
    expect(names(client)).toBe(before);
    expect(tracing()).toBe(false);
    expect(tracingWanted({ POWERTOOLS_TRACE_ENABLED: 'true', AWS_LAMBDA_FUNCTION_NAME: 'f' })).toBe(true);
    expect(tracingWanted({ AWS_LAMBDA_FUNCTION_NAME: 'f' })).toBe(false);
  });

  it('records every call of a client as an X-Ray subsegment in a function deployed with tracing on', async () => {
    vi.stubEnv('POWERTOOLS_TRACE_ENABLED', 'true');
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'civicboard-test');
    vi.stubEnv('AWS_EXECUTION_ENV', 'AWS_Lambda_nodejs24.x');
    const { traced, tracing } = await import('../../functions/lib/tracing.js');
    expect(tracing()).toBe(true);
    const client = new DynamoDBClient({ region: 'eu-west-2' });
    const before = names(client);
    traced(client);
    expect(names(client)).not.toBe(before);
    expect(names(client).toLowerCase()).toContain('xray');
  });
});
