import { Duration, SecretValue, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '../../functions/lib/env.js';
import type { Upstream } from '../../shared/open311/upstream.js';
import { boardFunction } from './lambda.js';

/** The Secrets Manager secret holding an upstream credential's api_key. */
export const credentialSecretName = (credential: string) => `civicboard/open311/${credential}`;

/**
 * The back-office connector (docs/open311.md): a consumer of the table's stream that forwards new
 * reports of forwarding services upstream (retried from the failing record, then parked in a queue),
 * and a scheduled sync of upstream status. Each upstream's api_key comes from Secrets Manager
 * (`civicboard/open311/<credential>`), resolved by CloudFormation into the functions' environment as
 * `OPEN311_KEY_<CREDENTIAL>`, the same variable the local stack reads.
 */
export class Open311Connector extends Construct {
  readonly forward: NodejsFunction;
  readonly sync: NodejsFunction;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: { table: Table; upstreams: Upstream[] }) {
    super(scope, id);
    const credentials = Object.fromEntries(
      [...new Set(props.upstreams.map((u) => u.credential))].map((c) => [
        `OPEN311_KEY_${c.toUpperCase()}`,
        SecretValue.secretsManager(credentialSecretName(c)).unsafeUnwrap(),
      ]),
    );
    const environment = { [ENV.tableName]: props.table.tableName, ...credentials };
    this.forward = boardFunction(this, 'Forward', 'connector/forward-handler', environment, Duration.seconds(30));
    this.sync = boardFunction(this, 'Sync', 'connector/sync-handler', environment, Duration.minutes(5));
    for (const fn of [this.forward, this.sync])
      props.table.grant(fn, 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem');
    this.deadLetters = new Queue(this, 'UnforwardedReports', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.forward.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        bisectBatchOnError: true,
        retryAttempts: 100,
        maxRecordAge: Duration.days(1),
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.deadLetters),
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { entity: { S: FilterRule.isEqual('item') } } },
          }),
        ],
      }),
    );
    new Rule(this, 'SyncSchedule', { schedule: Schedule.rate(Duration.minutes(5)), targets: [new LambdaFunction(this.sync)] });
    Validations.of(this.forward).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'dynamodb:ListStreams has no resource-level permissions, so the DynamoDB event source must grant it on "*".',
    });
    Validations.of(this.deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the on-failure destination of the connector; a person re-drives its reports.',
    });
  }
}
