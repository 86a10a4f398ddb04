/**
 * Keys of the API-key family (docs/open311.md). Every key lives in one partition, so the admin list is
 * one Query and a lookup by id one GetItem; the record holds only the secret's SHA-256, never the secret.
 *
 *   APIKEYS  KEY#<id>    {id, name, services, ratePerMinute, secretHash, createdAt, createdBy, revokedAt?}
 */
export const API_KEYS_PK = 'APIKEYS';
export const apiKeyKey = (id: string) => ({ PK: API_KEYS_PK, SK: `KEY#${id}` });
