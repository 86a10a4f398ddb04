import { Duration, Validations } from 'aws-cdk-lib';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '../../functions/lib/env.js';
import { deadLetterAlarm } from './alarms.js';
import { boardFunction } from './lambda.js';

/**
 * Derived views kept from the table's stream (docs/performance.md): for now the queue counters,
 * functions/views/queue-counts-handler.ts. A second event source mapping on the same stream, so a slow
 * email never delays the counters and a failed counter update never delays an email.
 *
 * Starts at LATEST: on the first deploy the counters are recounted from the items (the view's rebuild,
 * `ensureQueueCounts`), which already hold what the stream holds; replaying it would count it twice.
 */
export class DerivedViews extends Construct {
  readonly fn: NodejsFunction;
  readonly deadLetters: Queue;
  /** The statistics' consumer (functions/views/stats-handler.ts): its own mapping, so stats never delay the counters. */
  readonly statsFn: NodejsFunction;
  readonly statsDeadLetters: Queue;

  constructor(scope: Construct, id: string, props: { table: Table }) {
    super(scope, id);
    this.fn = boardFunction(
      this,
      'QueueCounts',
      'views/queue-counts-handler',
      { [ENV.tableName]: props.table.tableName },
      Duration.seconds(30),
    );
    // Markers and counters only: conditional puts and ADD updates inside TransactWriteItems.
    this.fn.addToRolePolicy(
      new PolicyStatement({ actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'], resources: [props.table.tableArn] }),
    );
    this.deadLetters = new Queue(this, 'FailedCounterRecords', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.fn.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.LATEST,
        // A batch is one transaction per ~100 records: the larger the batch, the fewer counter writes.
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        retryAttempts: 8,
        maxRecordAge: Duration.days(1),
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.deadLetters),
      }),
    );
    this.statsFn = boardFunction(this, 'Stats', 'views/stats-handler', { [ENV.tableName]: props.table.tableName }, Duration.seconds(30));
    this.statsFn.addToRolePolicy(
      new PolicyStatement({ actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'], resources: [props.table.tableArn] }),
    );
    this.statsDeadLetters = new Queue(this, 'FailedStatsRecords', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.statsFn.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        retryAttempts: 8,
        maxRecordAge: Duration.days(1),
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.statsDeadLetters),
      }),
    );
    for (const fn of [this.fn, this.statsFn]) this.acknowledgeStreamGrant(fn);
    for (const queue of [this.deadLetters, this.statsDeadLetters]) {
      Validations.of(queue).acknowledge({
        id: 'AwsSolutions-SQS3',
        reason:
          'This queue is itself the on-failure destination of a derived view consumer; its depth is alarmed and a person runs the rebuild.',
      });
    }
  }

  private acknowledgeStreamGrant(fn: NodejsFunction): void {
    Validations.of(fn).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'dynamodb:ListStreams has no resource-level permissions, so the DynamoDB event source must grant it on "*"; it reveals stream ARNs only. The function may otherwise only put and update items of the one table, and read its stream.',
    });
  }

  /** A record that failed every retry leaves the counters short: someone must rebuild them. */
  alarmTo(topic: Topic): void {
    deadLetterAlarm(
      this,
      'FailedCounterRecordsAlarm',
      this.deadLetters,
      'Stream records the queue counters could not apply: positions are off until the counters are rebuilt',
    ).addAlarmAction(new SnsAction(topic));
    deadLetterAlarm(
      this,
      'FailedStatsRecordsAlarm',
      this.statsDeadLetters,
      'Stream records the statistics could not apply: /stats/ figures are off until the statistics are rebuilt',
    ).addAlarmAction(new SnsAction(topic));
  }
}
