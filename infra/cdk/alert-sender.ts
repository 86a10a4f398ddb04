import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { ENV } from '../../functions/lib/env.js';
import { METRIC } from '../../functions/lib/metrics.js';
import { ALERT_SENDER_EVERY_MINUTES } from '../../functions/notify/alert-sender.js';
import { ALERT_SENDER_TABLE_ACTIONS } from '../../functions/notify/table-grants.js';
import { boardFunction, grantTable } from './lambda.js';
import type { MailEvents } from './mail.js';
import { boardMetric } from './observability.js';

/**
 * The alert sender (functions/notify/alert-sender.ts): an EventBridge rule runs it every minute; each
 * run sends the daily digests once they are due (07:00 jurisdiction time, decided in the handler so a
 * daylight-saving change needs no second schedule) and drains the queue of instant alert emails at
 * ALERT_SEND_RATE for up to ~60 s. One run at a time (a lease in the table), so a slow run and the next
 * minute's never double the SES rate. Locally the local stack's timer runs the same handler.
 *
 * Four resources (function, rule, invoke permission, backlog alarm) and an inline policy on the shared
 * role: the service stack is near CloudFormation's 500, so no queue, no scheduler role.
 */
export class AlertSender extends Construct {
  readonly fn: NodejsFunction;
  readonly backlogAlarm: Alarm;

  constructor(
    scope: Construct,
    id: string,
    props: { table: ITable; mail: MailEvents; publicBaseUrl: string; senderEmail: string; sesIdentity: string; sendRate?: number },
  ) {
    super(scope, id);
    this.fn = boardFunction(
      this,
      'Job',
      'notify/alert-sender',
      {
        [ENV.tableName]: props.table.tableName,
        [ENV.publicBaseUrl]: props.publicBaseUrl,
        [ENV.mailFrom]: props.senderEmail,
        ...(props.sendRate && { [ENV.alertSendRate]: String(props.sendRate) }),
      },
      // The handler stops sending 15 s before this, leaving time to count the backlog and give the lease back.
      Duration.seconds(75),
    );
    grantTable(this.fn, props.table, ALERT_SENDER_TABLE_ACTIONS);
    props.mail.allowSending(this.fn, props.sesIdentity);
    new Rule(this, 'EveryMinute', {
      schedule: Schedule.rate(Duration.minutes(ALERT_SENDER_EVERY_MINUTES)),
      targets: [new LambdaFunction(this.fn, { retryAttempts: 0 })],
    });
    // A backlog that stays for half an hour means the sender cannot keep up (or SES refuses): raise the SES rate or look at failures.
    this.backlogAlarm = new Alarm(this, 'BacklogAlarm', {
      metric: boardMetric(METRIC.alertEmailsQueued, 'Minimum').with({ period: Duration.minutes(5) }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 6,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: 'Alert emails have waited in the queue for 30 minutes: the sender is behind its SES rate or SES is failing',
    });
  }
}
