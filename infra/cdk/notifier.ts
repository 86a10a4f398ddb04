import { Duration } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '../../functions/lib/env.js';
import { NOTIFIER_FILTER } from '../../functions/notify/filter.js';
import { NOTIFIER_TABLE_ACTIONS } from '../../functions/notify/table-grants.js';
import type { StaffAuth } from './auth.js';
import { boardFunction, grantTable } from './lambda.js';
import type { MailEvents } from './mail.js';

/**
 * The notifier: the table's stream → functions/notify/stream-handler.ts → SES. Partial batch failures,
 * bisect on error and bounded retries; what still fails lands in an encrypted SQS queue (alarmed).
 */
export class Notifier extends Construct {
  readonly fn: NodejsFunction;
  readonly deadLetters: Queue;

  constructor(
    scope: Construct,
    id: string,
    props: { table: Table; auth: StaffAuth; publicBaseUrl: string; senderEmail: string; sesIdentity: string; mail: MailEvents },
  ) {
    super(scope, id);
    this.fn = boardFunction(
      this,
      'Function',
      'notify/stream-handler',
      {
        [ENV.tableName]: props.table.tableName,
        [ENV.publicBaseUrl]: props.publicBaseUrl,
        [ENV.mailFrom]: props.senderEmail,
        [ENV.userPoolId]: props.auth.userPool.userPoolId,
      },
      Duration.seconds(60),
    );
    grantTable(this.fn, props.table, NOTIFIER_TABLE_ACTIONS);
    props.mail.allowSending(this.fn, props.sesIdentity);
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['cognito-idp:AdminGetUser', 'cognito-idp:AdminListGroupsForUser', 'cognito-idp:ListUsersInGroup'],
        resources: [props.auth.userPool.userPoolArn],
      }),
    );
    this.deadLetters = new Queue(this, 'FailedNotifications', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.fn.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 25,
        bisectBatchOnError: true,
        retryAttempts: 8,
        maxRecordAge: Duration.days(1),
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.deadLetters),
        // Only notification INSERTs invoke the function (functions/notify/filter.ts).
        filters: [FilterCriteria.filter(NOTIFIER_FILTER as unknown as Record<string, unknown>)],
      }),
    );
  }
}
