/** API keys for machine clients (Open311 POST): what an admin sends to make one, and the public shape. Pure. */
import * as z from 'zod';
import { freeText } from '../fields.js';

export const createApiKeySchema = z
  .object({
    /** Who the key is for: the actor of every ticket it makes ("Drain sensors"). */
    name: freeText({ max: 80 }),
    /** Service codes it may report to. */
    services: z.array(z.string().min(1).max(100)).min(1, 'allow at least one service').max(50),
    /** Reports it may file per minute (429 with Retry-After over that). */
    ratePerMinute: z.number().int('must be a whole number').min(1, 'must be at least 1').max(600, 'must be at most 600'),
  })
  .strict();
export type CreateApiKeyInput = z.output<typeof createApiKeySchema>;

/** A key as admins see it: never the secret or its hash. */
export interface ApiKeyView {
  id: string;
  name: string;
  services: string[];
  ratePerMinute: number;
  createdAt: string;
  createdBy: string;
  revokedAt?: string;
}

/**
 * The secret's shape: `cb_<key id>_<random>`. The id lets one GetItem find the key; the random part is
 * what is hashed and compared.
 * @example parseSecret('cb_01J..._abc') // {id: '01J...', secret: 'cb_01J..._abc'}
 */
export function keyIdOf(secret: string): string | undefined {
  return /^cb_([0-9A-Z]{26})_[A-Za-z0-9_-]{43}$/.exec(secret)?.[1];
}
