import { createHash } from 'node:crypto';

/**
 * A short stable stand-in for something personal (an email address, a client network) inside a key, so
 * no key or record holds the thing itself: the first 128 bits of its SHA-256, in hex.
 */
export const keyHash = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 32);
