import { type CfnElement, CfnOutput, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { StaffAuth } from './auth.js';
import { CursorKey } from './cursor-key.js';
import { OriginSecret } from './origin-secret.js';
import { BoardTable } from './table.js';

/**
 * The board's state: the table, the staff user pool (with its groups and the site's client) and the
 * generated secrets. Termination-protected and every resource retained, so the service stack
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

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, { terminationProtection: true, description: 'civicboard data: table, staff user pool, secrets', ...props });
    this.store = new BoardTable(this, 'Store');
    this.auth = new StaffAuth(this, 'Staff');
    this.cursorKey = new CursorKey(this, 'CursorKey');
    this.originSecret = new OriginSecret(this, 'OriginSecret');
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
  ack(
    stack.cursorKey.secret,
    'AwsSolutions-SMG4',
    'The secret is the HMAC key that signs list cursors (opaque paging positions over public lists), not a credential: rotating it only makes clients start a list again. Functions receive it at deploy time, so a rotation takes effect with the next deploy; rotate by putting a new random value and deploying (docs/runbook.md).',
  );
  ack(
    stack.originSecret.secret,
    'AwsSolutions-SMG4',
    'The secret is the header CloudFront sends so the API serves only requests that came through CloudFront. CloudFront and the functions receive it at deploy time, so rotation is a deploy: put a new value, deploy with originSecretPreviousVersion (both values accepted while CloudFront propagates), then deploy without it (docs/runbook.md).',
  );
  ack(
    stack.auth.userPool,
    'AwsSolutions-COG8',
    'Threat protection needs the Cognito Plus feature plan, priced per active user. The staff pool is small, invite-only and behind a strong password policy; a council that wants it switches the plan without code changes.',
  );
}
