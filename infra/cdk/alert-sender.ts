import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { ENV } from '../../functions/lib/env.js';
import { ALERT_SENDER_EVERY_MINUTES, ALERT_SENDER_TABLE_ACTIONS } from '../../functions/notify/table-grants.js';
import { boardFunction, grantTable } from './lambda.js';
import type { MailEvents } from './mail.js';

/**
 * The alert sender (functions/notify/alert-sender.ts): an EventBridge rule runs it every minute; each
 * run sends the daily digests once they are due (07:00 jurisdiction time, decided in the handler so a
 * daylight-saving change needs no second schedule) and drains the queue of instant alert emails at
 * ALERT_SEND_RATE for up to ~60 s. One run at a time (a lease in the table), so a slow run and the next
 * minute's never double the SES rate. Locally the local stack's timer runs the same handler.
 *
 * Few resources (function, its role and policy, rule, invoke permission): the service stack is near
 * CloudFormation's 500, so no SQS queue and no scheduler role. The backlog is the AlertEmailsQueued
 * metric (on the dashboard) and `alerts.queued` of GET /api/health; BacklogAlarm (infra/cdk/stack.ts) fires when it stays high.
 */
export class AlertSender extends Construct {
  readonly fn: NodejsFunction;

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
  }
}
