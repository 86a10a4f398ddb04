import { SecretValue } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { GeneratedSecret } from './generated-secret.js';

/**
 * The secret CloudFront sends to the API as an origin custom header (functions/lib/origin.ts), so a
 * request straight to the execute-api URL is refused. CloudFront and the functions get it through
 * dynamic references resolved at deploy time.
 *
 * Rotation without refusing anyone (docs/deploy.md): put a new value, then deploy with
 * `-c originSecretPreviousVersion=<the old value's VersionId>`. The functions then accept both values
 * while CloudFront's change propagates; a later deploy without the context drops the old one.
 */
export class OriginSecret extends GeneratedSecret {
  constructor(
    scope: Construct,
    id: string,
    private readonly previousVersionId?: string,
  ) {
    super(scope, id, 'civicboard: header CloudFront sends to the API so only requests through CloudFront are served');
  }

  /** During a rotation, the previous value (by its version id); otherwise undefined. */
  get previousValue(): string | undefined {
    if (!this.previousVersionId) return undefined;
    return SecretValue.secretsManager(this.secret.secretArn, { versionId: this.previousVersionId }).unsafeUnwrap();
  }

  /** A marker that changes with the rotation step, so CloudFormation updates (and re-resolves) the distribution. */
  get rotationMarker(): string {
    return this.previousVersionId ? `origin secret rotated from version ${this.previousVersionId}` : 'origin secret current';
  }
}
