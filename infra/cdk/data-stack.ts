import { type CfnElement, CfnOutput, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { StaffAuth } from './auth.js';
import { CursorKey } from './cursor-key.js';
import { OriginSecret } from './origin-secret.js';
import { PhotoBuckets } from './photo-buckets.js';
import { BoardTable } from './table.js';

/**
 * The board's state: the table, the staff user pool (with its groups and the site's client), the
 * generated secrets and the photo buckets. Termination-protected and every resource retained, so the service stack
 * (infra/cdk/stack.ts: API, functions, site, alarms) can be destroyed and redeployed freely.
 *
 * Construct ids `Store` and `Staff` are those the single stack used, so the table and the pool keep
 * their logical ids: deploying this stack under the old stack's name updates it in place and never
 * replaces them (docs/deploy.md, "Moving from the single stack").
 */
export class BoardDataStack extends Stack {
  readonly store: BoardTable;
  readonly auth: StaffAuth;
  readonly cursorKey: CursorKey;
  readonly originSecret: OriginSecret;
  /** Citizens' photos: the upload bucket (originals, a day) and the processed photos CloudFront serves. */
  readonly photos: PhotoBuckets;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, {
      terminationProtection: true,
      description: 'civicboard data: table, staff user pool, secrets, photo buckets',
      ...props,
    });
    this.store = new BoardTable(this, 'Store');
    this.auth = new StaffAuth(this, 'Staff');
    this.cursorKey = new CursorKey(this, 'CursorKey');
    this.originSecret = new OriginSecret(this, 'OriginSecret');
    this.photos = new PhotoBuckets(this, 'Photos');
    acknowledgeDataFindings(this);

    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.store.table.tableName });
  }

  /** The table's logical id, which must never change (a change would replace the table). */
  get tableLogicalId(): string {
    return this.getLogicalId(this.store.table.node.defaultChild as CfnElement);
  }
}

function acknowledgeDataFindings(stack: BoardDataStack): void {
  const ack = (scope: Construct, id: string, reason: string) => Validations.of(scope).acknowledge({ id, reason });
  // The rotation schedules are the service stack's (infra/cdk/rotation.ts): they need the distribution the
  // origin secret's rotation updates, and cdk-nag looks for a schedule in the secret's own stack.
  for (const secret of [stack.cursorKey.secret, stack.originSecret.secret]) {
    ack(
      secret,
      'AwsSolutions-SMG4',
      'The secret is rotated automatically every 30 days by the service stack (infra/cdk/rotation.ts: a RotationSchedule and the rotation function that also updates CloudFront), which has the distribution the origin secret rotation must update; the schedule is not in this stack, so the check cannot see it.',
    );
  }
  ack(
    stack.auth.userPool,
    'AwsSolutions-COG8',
    'Threat protection needs the Cognito Plus feature plan, priced per active user. The staff pool is small, invite-only and behind a strong password policy; a council that wants it switches the plan without code changes.',
  );
}
