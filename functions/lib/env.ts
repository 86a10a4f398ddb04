import * as z from 'zod';

/**
 * Names of every environment variable the functions read. The CDK app and the local stack import
 * these same constants, so a rename cannot leave one side behind.
 */
export const ENV = {
  tableName: 'TABLE_NAME',
  dynamoEndpoint: 'DYNAMODB_ENDPOINT',
  region: 'AWS_REGION',
  publicBaseUrl: 'PUBLIC_BASE_URL',
  mailFrom: 'MAIL_FROM',
  sesEndpoint: 'SES_ENDPOINT',
  userPoolId: 'USER_POOL_ID',
  cognitoEndpoint: 'COGNITO_ENDPOINT',
  logLevel: 'LOG_LEVEL',
  cursorKey: 'CURSOR_KEY',
} as const;

const schema = z.object({
  [ENV.tableName]: z.string().min(1),
  [ENV.dynamoEndpoint]: z.url().optional(),
  [ENV.region]: z.string().min(1).default('eu-west-2'),
  [ENV.publicBaseUrl]: z.url().default('http://localhost:3000'),
  [ENV.mailFrom]: z.string().min(3).default('civicboard <no-reply@civicboard.local>'),
  [ENV.sesEndpoint]: z.url().optional(),
  [ENV.userPoolId]: z.string().optional(),
  [ENV.cognitoEndpoint]: z.url().optional(),
  [ENV.logLevel]: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export interface Config {
  tableName: string;
  dynamoEndpoint?: string;
  region: string;
  publicBaseUrl: string;
  mailFrom: string;
  sesEndpoint?: string;
  userPoolId?: string;
  cognitoEndpoint?: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

let cached: Config | undefined;

/** The validated configuration, read once. Throws at cold start naming every missing or bad variable. */
export function config(): Config {
  if (cached) return cached;
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration: ${lines.join('; ')}`);
  }
  const e = result.data;
  cached = {
    tableName: e[ENV.tableName],
    dynamoEndpoint: e[ENV.dynamoEndpoint],
    region: e[ENV.region],
    publicBaseUrl: e[ENV.publicBaseUrl].replace(/\/$/, ''),
    mailFrom: e[ENV.mailFrom],
    sesEndpoint: e[ENV.sesEndpoint],
    userPoolId: e[ENV.userPoolId],
    cognitoEndpoint: e[ENV.cognitoEndpoint],
    logLevel: e[ENV.logLevel],
  };
  return cached;
}

/** Shortest cursor key accepted: 32 characters of a random string (the CDK secret has 64, the local stack 64 hex digits). */
export const CURSOR_KEY_MIN_LENGTH = 32;
let cachedCursorKey: string | undefined;

/**
 * The key list cursors are signed with (functions/store/paginate.ts). Read on first use rather than
 * in config(), so the scripts that never page (seed, import) need not carry it; a function that pages
 * without one fails on its first list request, naming the variable, instead of issuing unsigned cursors.
 */
export function cursorKey(): string {
  if (cachedCursorKey) return cachedCursorKey;
  const value = process.env[ENV.cursorKey];
  if (!value || value.length < CURSOR_KEY_MIN_LENGTH) {
    throw new Error(`Invalid configuration: ${ENV.cursorKey} must be a random string of at least ${CURSOR_KEY_MIN_LENGTH} characters`);
  }
  cachedCursorKey = value;
  return value;
}

/** Local AWS stand-ins accept any credentials; AWS itself uses the Lambda role. */
export function localCredentials(endpoint: string | undefined) {
  return endpoint ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {};
}
