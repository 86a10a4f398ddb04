import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config, localCredentials } from '../lib/env.js';
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

let client: DynamoDBDocumentClient | undefined;

/** The one document client, created on first use and reused across warm invocations. */
export function db(): DynamoDBDocumentClient {
  if (!client) {
    const { dynamoEndpoint, region } = config();
    const base = new DynamoDBClient({
      region,
      endpoint: dynamoEndpoint,
      ...localCredentials(dynamoEndpoint),
      maxAttempts: STORE_TIMEOUTS.maxAttempts,
      requestHandler: {
        connectionTimeout: STORE_TIMEOUTS.connectionTimeoutMs,
        requestTimeout: STORE_TIMEOUTS.requestTimeoutMs,
        // Newer SDKs only warn when requestTimeout passes unless told to throw; older ones read
        // requestTimeout as a socket idle timeout, which socketTimeout keeps for them.
        throwOnRequestTimeout: true,
        socketTimeout: STORE_TIMEOUTS.requestTimeoutMs,
      },
    });
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
    client = DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
  }
  return client;
}

export function tableName(): string {
  return config().tableName;
}
