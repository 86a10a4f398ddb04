import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { logger } from '../lib/logger.js';
import { ORIGIN_HEADER } from '../lib/origin.js';
import { traced } from '../lib/tracing.js';
import { type RotationEvent, rotate } from './rotate.js';

/** Set by infra/cdk/rotation.ts: which secret is the origin secret, and the distribution that sends it. */
export const ROTATION_ENV = { originSecretId: 'ROTATION_ORIGIN_SECRET_ID', distributionId: 'ROTATION_DISTRIBUTION_ID' } as const;

const sm = traced(new SecretsManagerClient({}));
const cloudfront = traced(new CloudFrontClient({ region: 'us-east-1' }));

/** The rotation function Secrets Manager invokes for the cursor key and the origin secret. */
export const handler = async (event: RotationEvent): Promise<void> => {
  const secretId = process.env[ROTATION_ENV.originSecretId];
  const distributionId = process.env[ROTATION_ENV.distributionId];
  logger.info('rotation step', { step: event.Step, secret: event.SecretId, version: event.ClientRequestToken });
  await rotate(event, {
    sm,
    origin: secretId && distributionId ? { cloudfront, distributionId, header: ORIGIN_HEADER, secretId } : undefined,
  });
};
