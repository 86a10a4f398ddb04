import { randomBytes, randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { inject } from 'vitest';
import { ORIGIN_ENV, ORIGIN_HEADER } from '../../functions/lib/origin.js';
import { useTestTable } from './api.js';

/**
 * Points this worker's functions at the local stack's store and user pool, as Lambda's environment
 * would, so a test can invoke a handler the way API Gateway does in AWS: no local server in between.
 */
export function useLambdaEnvironment(): void {
  useTestTable();
  process.env.USER_POOL_ID = inject('userPoolId');
  process.env.USER_POOL_CLIENT_ID = inject('userPoolClientId');
  process.env.COGNITO_ENDPOINT = inject('cognitoEndpoint');
  process.env[ORIGIN_ENV.current] = TEST_ORIGIN_SECRET;
}

/** This worker's origin secret: what CloudFront would send to its functions. */
export const TEST_ORIGIN_SECRET = randomBytes(32).toString('hex');

/** The header CloudFront adds to every request it forwards. */
export const viaCloudFront = () => ({ [ORIGIN_HEADER]: TEST_ORIGIN_SECRET });

/** A payload 2.0 event as API Gateway sends it for `routeKey` (no authorizer: the board has none); add `viaCloudFront()` to its headers for one that came through CloudFront. */
export function apiGatewayEvent(routeKey: string, init: { headers?: Record<string, string>; requestContext?: object } = {}) {
  const [method = 'GET', path = '/'] = routeKey.split(' ');
  return {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: '',
    headers: { ...init.headers },
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-west-2.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '198.51.100.9', userAgent: 'test' },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
      ...init.requestContext,
    },
  } as APIGatewayProxyEventV2;
}

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** Invokes a handler as Lambda would and parses a JSON body. */
export async function invoke(handler: Handler, event: APIGatewayProxyEventV2) {
  const context = { awsRequestId: randomUUID(), getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
  const res = await handler(event, context);
  const headers = (res.headers ?? {}) as Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response shapes
  const body: any = headers['content-type']?.includes('json') && res.body ? JSON.parse(res.body) : res.body;
  return { status: res.statusCode, headers, body };
}
