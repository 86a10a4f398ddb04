import { RemovalPolicy } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/**
 * A value CloudFormation generates into Secrets Manager on the first deploy (64 random characters), so no
 * one makes or copies it by hand and it never appears in the template or in git. Whoever needs it gets a
 * dynamic reference CloudFormation resolves at deploy time, so a cold start makes no extra call.
 */
export class GeneratedSecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string, description: string) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      // In the data stack: kept if the stack is ever deleted, like the table and the user pool.
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** `{{resolve:secretsmanager:…}}`: the current value, filled in by CloudFormation. */
  get value(): string {
    return this.secret.secretValue.unsafeUnwrap();
  }
}
