import { keyHash } from './hash.js';

/**
 * Keys of the anti-automation counters (functions/store/limits.ts). One record per limit window per
 * subject; the subject (a client network or a mailbox) is hashed, so no key holds an address.
 *
 *   LIMIT#<scope>#<window seconds>#<subject hash> #LIMIT   hits, windowEnds (ms), expiresAt (TTL, s)
 *
 * `scope` names what is counted: `client:report`, `client:follow`, `mail`.
 */
export const limitKey = (scope: string, windowSeconds: number, subject: string) => ({
  PK: `LIMIT#${scope}#${windowSeconds}#${keyHash(subject)}`,
  SK: '#LIMIT',
});
export type LimitKey = ReturnType<typeof limitKey>;
