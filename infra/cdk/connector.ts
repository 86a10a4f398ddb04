import { Duration, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '../../functions/lib/env.js';
import type { Upstream } from '../../shared/open311/upstream.js';
import { boardFunction } from './lambda.js';

const SECRET_PREFIX = 'civicboard/open311/';
/** The Secrets Manager secret holding an upstream credential's api_key (made by the council, not by this app). */
export const credentialSecretName = (credential: string) => `${SECRET_PREFIX}${credential}`;

/**
 * The back-office connector (docs/open311.md): a consumer of the table's stream that forwards new
 * reports of forwarding services upstream (retried from the failing record, then parked in a queue),
 * and a scheduled sync of upstream status. Each upstream's api_key is the Secrets Manager secret
 * `civicboard/open311/<credential>`, read by the functions at cold start (functions/store/credentials.ts)
 * with read access to those secrets only; locally the env variable `OPEN311_KEY_<CREDENTIAL>`.
 */
export class Open311Connector extends Construct {
  readonly forward: NodejsFunction;
  readonly sync: NodejsFunction;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: { table: Table; upstreams: Upstream[] }) {
    super(scope, id);
    const environment = { [ENV.tableName]: props.table.tableName, OPEN311_SECRET_PREFIX: SECRET_PREFIX };
    this.forward = boardFunction(this, 'Forward', 'connector/forward-handler', environment, Duration.seconds(30));
    this.sync = boardFunction(this, 'Sync', 'connector/sync-handler', environment, Duration.minutes(5));
    const secrets = [...new Set(props.upstreams.map((u) => u.credential))].map((c) =>
      Secret.fromSecretNameV2(this, `Credential-${c}`, credentialSecretName(c)),
    );
    for (const fn of [this.forward, this.sync]) {
      props.table.grant(fn, 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem');
      for (const secret of secrets) secret.grantRead(fn);
    }
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
