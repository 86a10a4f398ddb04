import { isIP } from 'node:net';
import * as z from 'zod';
import { jurisdiction } from '../../shared/jurisdiction/index.js';
import { CLIENT_ACTIONS, DEFAULT_LIMITS, type Limits } from '../../shared/limits.js';

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
  sesConfigurationSet: 'SES_CONFIGURATION_SET',
  userPoolId: 'USER_POOL_ID',
  userPoolClientId: 'USER_POOL_CLIENT_ID',
  cognitoEndpoint: 'COGNITO_ENDPOINT',
  logLevel: 'LOG_LEVEL',
  rateLimits: 'RATE_LIMITS',
  rateLimitExempt: 'RATE_LIMIT_EXEMPT',
  cursorKey: 'CURSOR_KEY',
  /** The private bucket presigned uploads land in (originals; never public). */
  uploadBucket: 'UPLOAD_BUCKET',
  /** The bucket processed photos are written to, served under /photos/ by CloudFront. */
  photoBucket: 'PHOTO_BUCKET',
  /** Local only: the S3 stand-in (infra/local/s3.ts). */
  s3Endpoint: 'S3_ENDPOINT',
  /** Alert emails a second the alert sender may hand SES (the account's SES sending rate, or less). */
  alertSendRate: 'ALERT_SEND_RATE',
} as const;

const schema = z.object({
  [ENV.tableName]: z.string().min(1),
  [ENV.dynamoEndpoint]: z.url().optional(),
  [ENV.region]: z.string().min(1).default('eu-west-2'),
  [ENV.publicBaseUrl]: z.url().default('http://localhost:3000'),
  // The jurisdiction folder's sender unless the deploy names another (CDK `-c senderEmail=`).
  [ENV.mailFrom]: z.string().min(3).default(jurisdiction.mail.from),
  [ENV.sesEndpoint]: z.url().optional(),
  [ENV.sesConfigurationSet]: z.string().min(1).optional(),
  [ENV.userPoolId]: z.string().optional(),
  [ENV.userPoolClientId]: z.string().optional(),
  [ENV.cognitoEndpoint]: z.url().optional(),
  [ENV.logLevel]: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  [ENV.rateLimits]: z.string().optional(),
  [ENV.rateLimitExempt]: z.string().optional(),
  [ENV.uploadBucket]: z.string().min(3).default('civicboard-uploads'),
  [ENV.photoBucket]: z.string().min(3).default('civicboard-photos'),
  [ENV.s3Endpoint]: z.url().optional(),
  // SES's production default is 14 a second; a sandbox account has 1.
  [ENV.alertSendRate]: z.coerce.number().positive().max(1000).default(14),
});

/** RATE_LIMITS: JSON replacing some of the defaults, e.g. `{"perClient":{"report":[{"limit":30,"seconds":600}]}}`. */
const windows = z
  .array(
    z
      .object({
        limit: z.int().min(1),
        seconds: z
          .int()
          .min(1)
          .max(7 * 86_400),
      })
      .strict(),
  )
  .min(1);
const limitsOverride = z
  .object({
    perClient: z.partialRecord(z.enum(CLIENT_ACTIONS), windows).optional(),
    mailPerAddress: windows.optional(),
  })
  .strict();

function limits(raw: string | undefined): Limits {
  if (!raw) return DEFAULT_LIMITS;
  let override: z.infer<typeof limitsOverride>;
  try {
    override = limitsOverride.parse(JSON.parse(raw));
  } catch (err) {
    throw new Error(`${ENV.rateLimits} is not valid: ${err instanceof Error ? err.message : String(err)}`);
  }
  return {
    perClient: { ...DEFAULT_LIMITS.perClient, ...override.perClient },
    mailPerAddress: override.mailPerAddress ?? DEFAULT_LIMITS.mailPerAddress,
  };
}

/** RATE_LIMIT_EXEMPT: comma-separated addresses or CIDR blocks (a council's contact centre) with no per-client limit. */
function exempt(raw: string | undefined): string[] {
  const entries = (raw ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/');
    if (!isIP(address) || (bits !== undefined && !/^\d{1,3}$/.test(bits)))
      throw new Error(`${ENV.rateLimitExempt}: "${entry}" is not an address or CIDR block`);
  }
  return entries;
}

export interface Config {
  tableName: string;
  dynamoEndpoint?: string;
  region: string;
  publicBaseUrl: string;
  mailFrom: string;
  sesEndpoint?: string;
  /** In AWS, the SES configuration set whose bounce and complaint events reach functions/ses-events. */
  sesConfigurationSet?: string;
  userPoolId?: string;
  userPoolClientId?: string;
  cognitoEndpoint?: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  limits: Limits;
  limitExempt: string[];
  uploadBucket: string;
  photoBucket: string;
  s3Endpoint?: string;
  alertSendRate: number;
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
    sesConfigurationSet: e[ENV.sesConfigurationSet],
    userPoolId: e[ENV.userPoolId],
    userPoolClientId: e[ENV.userPoolClientId],
    cognitoEndpoint: e[ENV.cognitoEndpoint],
    logLevel: e[ENV.logLevel],
    limits: limits(e[ENV.rateLimits]),
    limitExempt: exempt(e[ENV.rateLimitExempt]),
    uploadBucket: e[ENV.uploadBucket],
    photoBucket: e[ENV.photoBucket],
    s3Endpoint: e[ENV.s3Endpoint],
    alertSendRate: e[ENV.alertSendRate],
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
