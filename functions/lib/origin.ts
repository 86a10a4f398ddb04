import { createHash, timingSafeEqual } from 'node:crypto';
import { HttpError } from './problem.js';

/**
 * The header CloudFront adds to every request it forwards to the API (an origin custom header; it
 * replaces any value a viewer sent). The local server adds it the same way.
 */
export const ORIGIN_HEADER = 'x-civicboard-origin';

export const ORIGIN_ENV = { current: 'ORIGIN_SECRET', previous: 'ORIGIN_SECRET_PREVIOUS' } as const;

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
 * Refuses a request that did not come through CloudFront (the execute-api URL called directly): no
 * security headers, cache or WAF there, and a `CloudFront-Viewer-Address` anyone could write. Compared
 * in constant time. A missing secret in the environment fails closed (a 500 naming the variable).
 */
export function requireViaCloudFront(value: string | undefined): void {
  const secrets = acceptedSecrets();
  const sent = digest(value ?? '');
  if (value && secrets.some((s) => timingSafeEqual(s, sent))) return;
  throw new HttpError(403, 'forbidden', 'Not allowed', "Use the board's own address: the API answers only requests that come through it.");
}
