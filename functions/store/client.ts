import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config, localCredentials } from '../lib/env.js';
import { traced } from '../lib/tracing.js';
import { isStoreOutage, outageError } from './outage.js';

/**
 * How long one store call may take. Without limits the SDK waits on a silent socket far past the
 * function's 10 s timeout (~20 s locally): the client gets a bare timeout and nobody learns why.
 * Worst case per call: `maxAttempts` × `requestTimeoutMs` plus the SDK's short backoff, ~6 s, which
 * leaves a handler time to answer 503 (test/infra asserts it against the Lambda timeout).
 */
export const STORE_TIMEOUTS = {
  /**
   * Connecting to DynamoDB takes milliseconds; 2 s rather than 1 s because a busy two-core machine
   * running the whole local stack and test suite can stall a process's event loop for over a second,
   * which showed up as spurious connection timeouts. The request timeout bounds the attempt either way.
   */
  connectionTimeoutMs: 2000,
  requestTimeoutMs: 3000,
  /** One retry: a lone slow or throttled request usually succeeds the second time. */
  maxAttempts: 2,
} as const;

/**
 * Bulk loads (demo seed, bill import, benchmarks, counter rebuilds) run outside any request, write
 * thousands of records, and must finish rather than answer quickly: they wait and retry far longer.
 */
const BULK_TIMEOUTS = { connectionTimeoutMs: 5000, requestTimeoutMs: 60_000, maxAttempts: 10 } as const;

let client: DynamoDBDocumentClient | undefined;
let bulkClient: DynamoDBDocumentClient | undefined;

/** The one document client for request paths, created on first use and reused across warm invocations. */
export function db(): DynamoDBDocumentClient {
  client ??= makeClient(STORE_TIMEOUTS);
  return client;
}

/** The client for bulk loads: the same table and credentials, patient timeouts. Never on a request path. */
export function bulkDb(): DynamoDBDocumentClient {
  bulkClient ??= makeClient(BULK_TIMEOUTS);
  return bulkClient;
}

function makeClient(limits: { connectionTimeoutMs: number; requestTimeoutMs: number; maxAttempts: number }): DynamoDBDocumentClient {
  const { dynamoEndpoint, region } = config();
  const base = traced(
    new DynamoDBClient({
      region,
      endpoint: dynamoEndpoint,
      ...localCredentials(dynamoEndpoint),
      maxAttempts: limits.maxAttempts,
      requestHandler: {
        connectionTimeout: limits.connectionTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        // Newer SDKs only warn when requestTimeout passes unless told to throw; older ones read
        // requestTimeout as a socket idle timeout, which socketTimeout keeps for them.
        throwOnRequestTimeout: true,
        socketTimeout: limits.requestTimeoutMs,
        // The connection timeout runs while a request waits for a free socket: with the SDK's default of 50
        // sockets, a burst of concurrent calls in one process (the local server runs every handler in one
        // process; a Lambda container serves one request at a time) waited its way into false timeouts.
        httpAgent: { keepAlive: true, maxSockets: 512 },
        httpsAgent: { keepAlive: true, maxSockets: 512 },
      },
    }),
  );
  // Outside the retries: what is left once the SDK gives up becomes one domain error (503).
  base.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (err) {
        throw isStoreOutage(err) ? outageError(err) : err;
      }
    },
    { step: 'initialize', name: 'storeOutageToUnavailable', priority: 'high' },
  );
  return DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
}

export function tableName(): string {
  return config().tableName;
}
