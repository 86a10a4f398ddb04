import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { Distribution } from 'aws-cdk-lib/aws-cloudfront';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { RotationSchedule, type Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ORIGIN_ENV } from '../../functions/lib/origin.js';
import { ROTATION_ENV } from '../../functions/secrets/rotate-handler.js';
import { boardFunction } from './lambda.js';

/** How often each generated secret is replaced. */
export const ROTATION_DAYS = 30;

/**
 * Automatic rotation of the generated secrets (functions/secrets/rotate.ts), every {@link ROTATION_DAYS} days:
 * - the origin secret: a new value, which CloudFront starts sending (the rotation updates the
 *   distribution's origin header), which the API accepts because, on a value it does not know, it
 *   re-reads the secret's current, pending and previous versions (functions/lib/origin.ts);
 * - the cursor key: a new value, which the functions take up at the next deploy (their environment).
 * The schedules live here, in the service stack, with the distribution they update; the secrets stay
 * in the data stack.
 */
export class SecretRotation extends Construct {
  readonly fn: NodejsFunction;

  constructor(
    scope: Construct,
    id: string,
    props: { originSecret: Secret; cursorKey: Secret; distribution: Distribution; apiFunctions: Iterable<NodejsFunction> },
  ) {
    super(scope, id);
    this.fn = boardFunction(
      this,
      'Rotate',
      'secrets/rotate-handler',
      {
        [ROTATION_ENV.originSecretId]: props.originSecret.secretArn,
        [ROTATION_ENV.distributionId]: props.distribution.distributionId,
      },
      Duration.seconds(60),
    );
    const stack = Stack.of(this);
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['cloudfront:GetDistributionConfig', 'cloudfront:UpdateDistribution'],
        resources: [
          stack.formatArn({ service: 'cloudfront', region: '', resource: 'distribution', resourceName: props.distribution.distributionId }),
        ],
      }),
    );
    for (const [name, secret] of [
      ['OriginSecret', props.originSecret],
      ['CursorKey', props.cursorKey],
    ] as const) {
      new RotationSchedule(this, name, { secret, rotationLambda: this.fn, automaticallyAfter: Duration.days(ROTATION_DAYS) });
    }
    // The API re-reads the origin secret (only when a request carries a value it does not know).
    for (const fn of props.apiFunctions) {
      fn.addEnvironment(ORIGIN_ENV.secretArn, props.originSecret.secretArn);
      props.originSecret.grantRead(fn);
    }
    Validations.of(this.fn).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'secretsmanager:GetRandomPassword has no resource-level permissions, so it is granted on "*"; it only returns random characters. Every other permission of the rotation function is on the two generated secrets and the one distribution.',
    });
  }
}
