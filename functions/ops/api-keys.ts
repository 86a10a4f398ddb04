import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ulid } from 'ulid';
import { ADMIN_GROUP, type StaffActor } from '../../shared/actor.js';
import { findService } from '../../shared/catalog/index.js';
import { ForbiddenError, NotFoundError, TooManyRequestsError, ValidationError } from '../../shared/errors.js';
import { type ApiKeyView, type CreateApiKeyInput, keyIdOf } from '../../shared/open311/api-keys.js';
import { findApiKey, listApiKeys, putApiKey, revokeApiKey, type StoredApiKey } from '../store/api-keys.js';
import { take } from '../store/limits.js';

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

function requireAdmin(actor: StaffActor): void {
  if (!actor.groups.includes(ADMIN_GROUP)) throw new ForbiddenError('Only admins manage API keys.');
}

const view = ({ secretHash: _h, ...key }: StoredApiKey): ApiKeyView => key;

/** An admin issues a key: the secret is returned this once and stored only as its hash. */
export async function createApiKey(actor: StaffActor, input: () => CreateApiKeyInput): Promise<ApiKeyView & { secret: string }> {
  requireAdmin(actor);
  const body = input();
  const unknown = body.services.filter((code) => findService(code)?.kind !== 'report');
  if (unknown.length) {
    throw new ValidationError(unknown.map((code) => ({ path: 'services', message: `"${code}" is not a report service` })));
  }
  const id = ulid();
  const secret = `cb_${id}_${randomBytes(32).toString('base64url')}`;
  const key: StoredApiKey = {
    id,
    name: body.name,
    services: [...new Set(body.services)],
    ratePerMinute: body.ratePerMinute,
    secretHash: hashOf(secret),
    createdAt: new Date().toISOString(),
    createdBy: actor.id,
  };
  await putApiKey(key);
  return { ...view(key), secret };
}

export async function listKeys(actor: StaffActor): Promise<ApiKeyView[]> {
  requireAdmin(actor);
  return (await listApiKeys()).map(view);
}

/** Revokes a key: the next request with it is refused (the check reads the key consistently). */
export async function revokeKey(actor: StaffActor, id: string): Promise<void> {
  requireAdmin(actor);
  if (!(await revokeApiKey(id, new Date().toISOString()))) throw new NotFoundError(`There is no API key "${id}".`);
}

/** The key a machine client presents, allowed to report to this service; else a ForbiddenError (unknown, revoked, other service). */
export async function authorizeKey(secret: string, serviceCode: string): Promise<StoredApiKey> {
  const id = keyIdOf(secret);
  const key = id ? await findApiKey(id) : undefined;
  const presented = Buffer.from(hashOf(secret), 'hex');
  if (!key || !timingSafeEqual(Buffer.from(key.secretHash, 'hex'), presented)) throw new ForbiddenError('The api_key is not valid.');
  if (key.revokedAt) throw new ForbiddenError('This api_key has been revoked.');
  if (!key.services.includes(serviceCode)) throw new ForbiddenError(`This api_key may not report to service "${serviceCode}".`);
  return key;
}

/** Counts one new report against the key's rate: over it, a TooManyRequestsError (429 with Retry-After). */
export async function limitKeyRate(key: StoredApiKey): Promise<void> {
  const refusal = await take('apikey', [{ limit: key.ratePerMinute, seconds: 60 }], key.id);
  if (refusal) {
    throw new TooManyRequestsError(
      refusal.retryAfterSeconds,
      `This api_key may file ${key.ratePerMinute} requests a minute; retry in ${refusal.retryAfterSeconds} s.`,
    );
  }
}
