import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { ESCALATION_EVERY_MINUTES, ESCALATION_TABLE_ACTIONS } from '../../functions/escalation/table-grants.js';
import { ENV } from '../../functions/lib/env.js';
import { boardFunction, grantTable } from './lambda.js';

/**
 * The SLA escalation job (functions/escalation/run-escalation.ts), run by an EventBridge rule every
 * ESCALATION_EVERY_MINUTES; locally the local stack's timer runs the same handler. It emails through
 * the notifier (it commits notification records), so it needs no SES or Cognito permissions itself.
 */
export class Escalation extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: { table: ITable }) {
    super(scope, id);
    this.fn = boardFunction(this, 'Job', 'escalation/run-escalation', { [ENV.tableName]: props.table.tableName }, Duration.minutes(2));
    grantTable(this.fn, props.table, ESCALATION_TABLE_ACTIONS);
    new Rule(this, 'Every', {
      schedule: Schedule.rate(Duration.minutes(ESCALATION_EVERY_MINUTES)),
      targets: [new LambdaFunction(this.fn, { retryAttempts: 0 })],
    });
  }
}
