import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { DEMO_PASSWORD } from '../../infra/local/cognito-setup.js';
import { openApiBreach } from './openapi-check.js';

/** Calls the local board over real HTTP. JSON bodies are sent as JSON; responses parsed when JSON. */
export async function api(
  path: string,
  init: { method?: string; body?: unknown; token?: string; headers?: Record<string, string>; raw?: string } = {},
) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined) headers['content-type'] ??= 'application/json';
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const res = await fetch(`${inject('baseUrl')}${path}`, {
    method: init.method ?? (init.body !== undefined || init.raw !== undefined ? 'POST' : 'GET'),
    headers,
    body: init.raw ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
  });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response shapes
  const body: any = type.includes('json') && text ? JSON.parse(text) : text;
  // Every response the integration tests receive is checked against GET /api/openapi.json's document.
  const breach = openApiBreach(
    init.method ?? (init.body !== undefined || init.raw !== undefined ? 'POST' : 'GET'),
    path,
    res.status,
    type,
    body,
  );
  if (breach) throw new Error(`OpenAPI: ${breach}`);
  return { status: res.status, headers: res.headers, body, text };
}

const tokens = new Map<string, string>();

/** Signs a demo staff user in with Cognito USER_PASSWORD_AUTH, as the site does; returns the ID token. */
export async function signIn(username: string, password = DEMO_PASSWORD): Promise<string> {
  const cached = tokens.get(username);
  if (cached) return cached;
  const res = await fetch(inject('cognitoEndpoint'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
    body: JSON.stringify({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: inject('userPoolClientId'),
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  });
  const json = (await res.json()) as { AuthenticationResult?: { IdToken: string } };
  const token = json.AuthenticationResult?.IdToken;
  if (!token) throw new Error(`sign-in failed for ${username}: ${JSON.stringify(json)}`);
  tokens.set(username, token);
  return token;
}

let counter = 0;

/** A valid report body at a point inside Demo City; override any field. */
export function reportBody(overrides: Record<string, unknown> = {}) {
  counter++;
  return {
    serviceCode: 'pothole',
    description: `Test pothole ${counter} ${Date.now()}`,
    location: { lat: 51.45 + counter * 1e-5, lng: -2.59 },
    ...overrides,
  };
}

/** Creates a report through the API and returns its public body. */
export async function createReport(overrides: Record<string, unknown> = {}) {
  const res = await api('/api/reports', { body: reportBody(overrides) });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
  return res.body;
}

/** Points this worker's store adapter at the test table, to assert stored state directly. */
export function useTestTable(): void {
  process.env.TABLE_NAME = inject('tableName');
  process.env.DYNAMODB_ENDPOINT = inject('dynamoEndpoint');
  process.env.AWS_REGION = 'eu-west-2';
  process.env.AWS_ACCESS_KEY_ID = 'local';
  process.env.AWS_SECRET_ACCESS_KEY = 'local';
  // Cursors made in this process are read back in it: any key will do (the server's is its own).
  process.env.CURSOR_KEY ??= randomBytes(32).toString('hex');
}
