import { createHash, timingSafeEqual } from 'node:crypto';
import { HttpError } from './problem.js';

/**
 * The header CloudFront adds to every request it forwards to the API (an origin custom header; it
 * replaces any value a viewer sent). The local server adds it the same way.
 */
export const ORIGIN_HEADER = 'x-civicboard-origin';

export const ORIGIN_ENV = {
  current: 'ORIGIN_SECRET',
  previous: 'ORIGIN_SECRET_PREVIOUS',
  /** In AWS: the secret's ARN, re-read when a request carries a value rotated after this deploy. */
  secretArn: 'ORIGIN_SECRET_ARN',
} as const;

/** At most one re-read of the secret per this long per instance, however many wrong values arrive. */
export const ORIGIN_REFRESH_MS = 30_000;
let rotated: Buffer[] = [];
let lastRefresh = 0;

/** Shortest secret accepted: the CDK secret has 64 characters, the local stack 64 hex digits. */
const MIN_LENGTH = 32;
let accepted: Buffer[] | undefined;

const digest = (value: string) => createHash('sha256').update(value).digest();

/** The values a request may carry: the current secret and, during a rotation, the previous one. */
function acceptedSecrets(): Buffer[] {
  if (accepted) return accepted;
  const current = process.env[ORIGIN_ENV.current];
  if (!current || current.length < MIN_LENGTH)
    throw new Error(`Invalid configuration: ${ORIGIN_ENV.current} must be a random string of at least ${MIN_LENGTH} characters`);
  const previous = process.env[ORIGIN_ENV.previous];
  accepted = [current, ...(previous && previous.length >= MIN_LENGTH ? [previous] : [])].map(digest);
  return accepted;
}

/**
 * The secret's current, pending and previous values from Secrets Manager: the automatic rotation
 * (functions/secrets/rotate.ts) makes CloudFront send a value this deployment's environment does not
 * hold. Read lazily, at most once per {@link ORIGIN_REFRESH_MS}; locally (no ARN) never.
 */
async function refreshRotated(): Promise<void> {
  const arn = process.env[ORIGIN_ENV.secretArn];
  if (!arn || Date.now() - lastRefresh < ORIGIN_REFRESH_MS) return;
  lastRefresh = Date.now();
  const { secretVersions } = await import('../secrets/versions.js');
  const values = await secretVersions(arn).catch(() => []);
  rotated = values.filter((v) => v.length >= MIN_LENGTH).map(digest);
}

/**
 * Refuses a request that did not come through CloudFront (the execute-api URL called directly): no
 * security headers, cache or WAF there, and a `CloudFront-Viewer-Address` anyone could write. Compared
 * in constant time. A missing secret in the environment fails closed (a 500 naming the variable).
 */
export async function requireViaCloudFront(value: string | undefined): Promise<void> {
  const secrets = acceptedSecrets();
  const sent = digest(value ?? '');
  const known = () => value !== undefined && value !== '' && [...secrets, ...rotated].some((s) => timingSafeEqual(s, sent));
  if (known()) return;
  if (value) {
    await refreshRotated();
    if (known()) return;
  }
  throw new HttpError(403, 'forbidden', 'Not allowed', "Use the board's own address: the API answers only requests that come through it.");
}
