import type { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { GetDistributionConfigCommand, UpdateDistributionCommand } from '@aws-sdk/client-cloudfront';
import {
  DescribeSecretCommand,
  GetRandomPasswordCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  type SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';

/** What Secrets Manager sends a rotation function, once per step. */
export interface RotationEvent {
  SecretId: string;
  ClientRequestToken: string;
  Step: 'createSecret' | 'setSecret' | 'testSecret' | 'finishSecret';
}

export interface RotationDeps {
  sm: Pick<SecretsManagerClient, 'send'>;
  /** For the origin secret: CloudFront, the distribution and the header whose value it sends. */
  origin?: { cloudfront: Pick<CloudFrontClient, 'send'>; distributionId: string; header: string; secretId: string };
}

/** The length and alphabet CloudFormation generates them with (infra/cdk/generated-secret.ts). */
const NEW_VALUE = { PasswordLength: 64, ExcludePunctuation: true } as const;

/**
 * Secrets Manager rotation for the board's generated secrets (the cursor key and the origin secret),
 * the four steps of the rotation protocol:
 * - createSecret: a new random value as AWSPENDING (once per rotation: a retried step finds it);
 * - setSecret: for the origin secret, CloudFront starts sending the pending value to the API (the API
 *   accepts it: on a value it does not know it re-reads the current, pending and previous versions,
 *   functions/lib/origin.ts); nothing for the cursor key, whose new value reaches the functions with
 *   the next deploy;
 * - testSecret: for the origin secret, the distribution really holds the pending value;
 * - finishSecret: the pending version becomes AWSCURRENT (the old one AWSPREVIOUS, still accepted).
 */
export async function rotate(event: RotationEvent, deps: RotationDeps): Promise<void> {
  const { SecretId, ClientRequestToken: token, Step } = event;
  const described = await deps.sm.send(new DescribeSecretCommand({ SecretId }));
  if (described.RotationEnabled === false) throw new Error(`rotation is not enabled for ${SecretId}`);
  const stages = described.VersionIdsToStages?.[token];
  if (!stages) throw new Error(`version ${token} is not a version of ${SecretId}`);
  if (stages.includes('AWSCURRENT')) return; // this rotation already finished
  if (!stages.includes('AWSPENDING')) throw new Error(`version ${token} of ${SecretId} is not pending`);
  const origin = deps.origin && sameSecret(deps.origin.secretId, SecretId, described.ARN) ? deps.origin : undefined;

  switch (Step) {
    case 'createSecret': {
      const existing = await deps.sm
        .send(new GetSecretValueCommand({ SecretId, VersionId: token, VersionStage: 'AWSPENDING' }))
        .catch(() => undefined);
      if (existing?.SecretString) return;
      const { RandomPassword } = await deps.sm.send(new GetRandomPasswordCommand(NEW_VALUE));
      await deps.sm.send(
        new PutSecretValueCommand({ SecretId, ClientRequestToken: token, SecretString: RandomPassword, VersionStages: ['AWSPENDING'] }),
      );
      return;
    }
    case 'setSecret': {
      if (!origin) return;
      const pending = await pendingValue(deps.sm, SecretId, token);
      const { DistributionConfig, ETag } = await origin.cloudfront.send(new GetDistributionConfigCommand({ Id: origin.distributionId }));
      if (!DistributionConfig) throw new Error(`distribution ${origin.distributionId} has no configuration`);
      let changed = 0;
      for (const o of DistributionConfig.Origins?.Items ?? []) {
        for (const h of o.CustomHeaders?.Items ?? []) {
          if (h.HeaderName?.toLowerCase() === origin.header && h.HeaderValue !== pending) {
            h.HeaderValue = pending;
            changed++;
          }
        }
      }
      if (changed) {
        await origin.cloudfront.send(new UpdateDistributionCommand({ Id: origin.distributionId, IfMatch: ETag, DistributionConfig }));
      }
      return;
    }
    case 'testSecret': {
      if (!origin) return;
      const pending = await pendingValue(deps.sm, SecretId, token);
      const { DistributionConfig } = await origin.cloudfront.send(new GetDistributionConfigCommand({ Id: origin.distributionId }));
      const sent = (DistributionConfig?.Origins?.Items ?? []).flatMap((o) =>
        (o.CustomHeaders?.Items ?? []).filter((h) => h.HeaderName?.toLowerCase() === origin.header).map((h) => h.HeaderValue),
      );
      if (!sent.length || sent.some((v) => v !== pending)) throw new Error('CloudFront does not send the pending origin secret yet');
      return;
    }
    case 'finishSecret': {
      const current = Object.entries(described.VersionIdsToStages ?? {}).find(([, s]) => s.includes('AWSCURRENT'))?.[0];
      await deps.sm.send(
        new UpdateSecretVersionStageCommand({ SecretId, VersionStage: 'AWSCURRENT', MoveToVersionId: token, RemoveFromVersionId: current }),
      );
      return;
    }
    default:
      throw new Error(`unknown rotation step ${String(Step)}`);
  }
}

async function pendingValue(sm: Pick<SecretsManagerClient, 'send'>, SecretId: string, token: string): Promise<string> {
  const { SecretString } = await sm.send(new GetSecretValueCommand({ SecretId, VersionId: token, VersionStage: 'AWSPENDING' }));
  if (!SecretString) throw new Error(`version ${token} has no value`);
  return SecretString;
}

/** Secrets Manager passes the ARN; the environment may hold the ARN or the name. */
function sameSecret(configured: string, eventId: string, arn?: string): boolean {
  return configured === eventId || configured === arn;
}
