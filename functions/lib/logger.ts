import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import { correlationId } from './correlation.js';
import { ENV } from './env.js';

/**
 * Keys whose values are personal (or secret) whatever they hold: replaced whole. `name` is not one of
 * them: an error's name ("TypeError") is needed, and a person's name travels under `reporter`/`fullname`.
 */
const PERSONAL_KEYS = new Set(
  [
    'email',
    'emailaddress',
    'reporter',
    'reportername',
    'fullname',
    'givenname',
    'familyname',
    'phone',
    'to',
    'from',
    'destination',
    'destinations',
    'recipients',
    'authorization',
    'cookie',
    'token',
    'idtoken',
    'accesstoken',
    'password',
    'session',
  ].map((k) => k.toLowerCase()),
);
/** An email address anywhere in a string (an error message quoting a body, a key, a URL). */
const EMAIL = /[^\s@"'<>()[\],;:/]+@[^\s@"'<>()[\],;:/]+\.[A-Za-z]{2,}/g;
/** A bearer token or a JWT anywhere in a string. */
const JWT = /\beyJ[\w-]+\.[\w-]+\.[\w-]+/g;

const scrub = (text: string) => text.replace(EMAIL, '[email]').replace(JWT, '[token]');

/**
 * The JSON replacer every log line passes through: no email address, name, phone number or token
 * reaches CloudWatch Logs (docs/security.md). Errors are rebuilt from their scrubbed message and stack,
 * since a message can quote what a citizen typed.
 */
export function redact(key: string, value: unknown): unknown {
  if (key && PERSONAL_KEYS.has(key.toLowerCase()) && value !== undefined && value !== null) return '[redacted]';
  if (typeof value === 'string') return scrub(value);
  if (value instanceof Error) return { name: value.name, message: scrub(value.message), stack: value.stack && scrub(value.stack) };
  return value;
}

const LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const;
const levelFromEnv = () => {
  const wanted = process.env[ENV.logLevel]?.toUpperCase();
  return LEVELS.find((l) => l === wanted) ?? 'INFO';
};

let instance: Logger | undefined;

/**
 * The one Powertools logger: JSON lines with level, message, timestamp, service and, inside a Lambda
 * invocation, the request id and cold start; the same lines print locally. Created on first use, so a
 * module that imports it costs nothing until it logs.
 */
export function powertoolsLogger(): Logger {
  instance ??= new Logger({ serviceName: 'civicboard', logLevel: levelFromEnv(), jsonReplacerFn: redact });
  return instance;
}

/** Adds the invocation's request id, function name and cold start to every line until the next one. */
export function logInvocation(context: Context | undefined): void {
  if (context?.awsRequestId) powertoolsLogger().addContext(context);
}

/** The fields of a line, with the correlation id of the action being handled (functions/lib/correlation.ts). */
const fields = (f?: Record<string, unknown>) => {
  const id = correlationId();
  return id ? { correlationId: id, ...f } : (f ?? {});
};

export const logger = {
  debug: (m: string, f?: Record<string, unknown>) => powertoolsLogger().debug(m, fields(f)),
  info: (m: string, f?: Record<string, unknown>) => powertoolsLogger().info(m, fields(f)),
  warn: (m: string, f?: Record<string, unknown>) => powertoolsLogger().warn(m, fields(f)),
  error: (m: string, f?: Record<string, unknown>) => powertoolsLogger().error(m, fields(f)),
};
