import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { traced } from '../lib/tracing.js';

/**
 * Credentials of outside systems (an Open311 upstream's api_key), by name: the env variable
 * `OPEN311_KEY_<NAME>` when set (the local stack, tests), else the Secrets Manager secret
 * `<OPEN311_SECRET_PREFIX><name>` (the CDK app sets the prefix and grants read on those secrets), read once
 * per cold start. Lives beside the store as the other adapter that talks to AWS for data.
 */
const cache = new Map<string, Promise<string>>();
let client: SecretsManagerClient | undefined;

export function upstreamCredential(name: string, env = process.env): Promise<string> {
  const fromEnv = env[`OPEN311_KEY_${name.toUpperCase()}`];
  if (fromEnv) return Promise.resolve(fromEnv);
  const prefix = env.OPEN311_SECRET_PREFIX;
  if (!prefix) return Promise.reject(new Error(`Invalid configuration: set OPEN311_KEY_${name.toUpperCase()} (or OPEN311_SECRET_PREFIX)`));
  let found = cache.get(name);
  if (!found) {
    client ??= traced(new SecretsManagerClient({}));
    found = client.send(new GetSecretValueCommand({ SecretId: `${prefix}${name}` })).then((out) => {
      if (!out.SecretString) throw new Error(`secret ${prefix}${name} has no string value`);
      return out.SecretString;
    });
    found.catch(() => cache.delete(name));
    cache.set(name, found);
  }
  return found;
}
