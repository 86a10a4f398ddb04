import { SecretValue } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { GeneratedSecret } from './generated-secret.js';

/** What CloudFront sends to the API origin: the secret's value and a marker that changes with a rotation step. */
export interface OriginHeader {
  value: string;
  rotationMarker: string;
}

/**
 * The secret CloudFront sends to the API as an origin custom header (functions/lib/origin.ts), so a
 * request straight to the execute-api URL is refused. CloudFront and the functions get it through
 * dynamic references resolved at deploy time. It lives in the data stack (infra/cdk/data-stack.ts) so
 * redeploying the service stack keeps it.
 *
 * Rotation without refusing anyone (docs/runbook.md): put a new value, then deploy with
 * `-c originSecretPreviousVersion=<the old value's VersionId>`. The functions then accept both values
 * while CloudFront's change propagates; a later deploy without the context drops the old one.
 */
export class OriginSecret extends GeneratedSecret {
  constructor(scope: Construct, id: string) {
    super(scope, id, 'civicboard: header CloudFront sends to the API so only requests through CloudFront are served');
  }

  /** The header as the service stack uses it; during a rotation (`previousVersionId`) the old value is accepted too. */
  header(previousVersionId?: string): OriginHeader & { previousValue?: string } {
    return {
      value: this.value,
      previousValue: previousVersionId
        ? SecretValue.secretsManager(this.secret.secretArn, { versionId: previousVersionId }).unsafeUnwrap()
        : undefined,
      // Changes with the rotation step, so CloudFormation updates (and re-resolves) the distribution.
      rotationMarker: previousVersionId ? `origin secret rotated from version ${previousVersionId}` : 'origin secret current',
    };
  }
}
