import { RemovalPolicy } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/**
 * The key list cursors are signed with (functions/store/paginate.ts): 64 random characters that
 * CloudFormation generates into Secrets Manager on the first deploy, so no one makes or copies a key
 * by hand and it never appears in the template or in git. Functions get it as an environment variable
 * through a dynamic reference CloudFormation resolves at deploy time, so a cold start makes no extra call.
 * Replacing the value (and deploying) only ends the cursors clients hold: they start their list again.
 */
export class CursorKey extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: 'civicboard: HMAC key that signs list cursors',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
  }

  /** `{{resolve:secretsmanager:…}}`: the value, filled in by CloudFormation, for a function's environment. */
  get value(): string {
    return this.secret.secretValue.unsafeUnwrap();
  }
}
