import { RemovalPolicy, SecretValue } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/**
 * The secret CloudFront sends to the API as an origin custom header (functions/lib/origin.ts), so a
 * request straight to the execute-api URL is refused. CloudFormation generates it into Secrets
 * Manager on the first deploy; CloudFront and the functions get it through dynamic references resolved
 * at deploy time, so it is never in the template or in git.
 *
 * Rotation without refusing anyone (docs/deploy.md): put a new value, then deploy with
 * `-c originSecretPreviousVersion=<the old value's VersionId>`. The functions then accept both values
 * while CloudFront's change propagates; a later deploy without the context drops the old one.
 */
export class OriginSecret extends Construct {
  readonly secret: Secret;

  constructor(
    scope: Construct,
    id: string,
    private readonly previousVersionId?: string,
  ) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: 'civicboard: header CloudFront sends to the API so only requests through CloudFront are served',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
  }

  /** `{{resolve:secretsmanager:…}}`: the current value, for CloudFront's header and the functions. */
  get value(): string {
    return this.secret.secretValue.unsafeUnwrap();
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
