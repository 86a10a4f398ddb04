import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { config } from '../lib/env.js';
import { traced } from '../lib/tracing.js';

let client: SecretsManagerClient | undefined;

/** Stages a value goes through during an automatic rotation (functions/secrets/rotate.ts). */
const STAGES = ['AWSCURRENT', 'AWSPENDING', 'AWSPREVIOUS'] as const;

/**
 * The values of a secret's current, pending and previous versions (those that exist). The origin check
 * reads them when a request carries a value it does not know yet: CloudFront switched to a rotated
 * value after this function was deployed. Fails fast: the check answers 403 rather than hang.
 */
export async function secretVersions(secretId: string): Promise<string[]> {
  client ??= traced(new SecretsManagerClient({ region: config().region, maxAttempts: 2, requestHandler: { requestTimeout: 2000 } }));
  const sm = client;
  const values = await Promise.all(
    STAGES.map((VersionStage) =>
      sm.send(new GetSecretValueCommand({ SecretId: secretId, VersionStage })).then(
        (out) => out.SecretString,
        () => undefined,
      ),
    ),
  );
  return values.filter((v): v is string => typeof v === 'string');
}
