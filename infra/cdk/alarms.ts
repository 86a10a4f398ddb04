import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, MathExpression, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** An alarm as soon as anything waits in a stream consumer's on-failure queue: a person must act on it. */
export function deadLetterAlarm(scope: Construct, id: string, queue: Queue, description: string): Alarm {
  return new Alarm(scope, id, {
    alarmDescription: description,
    metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
    threshold: 0,
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
}

/** Alarms that need a person: failed notifications, server errors, throttling. */
export class BoardAlarms extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: { api: HttpApi; functions: NodejsFunction[]; deadLetters: Queue; alarmEmail?: string }) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    const action = new SnsAction(this.topic);
    const alarms = [
      deadLetterAlarm(
        this,
        'FailedNotifications',
        props.deadLetters,
        'Emails that failed every retry are waiting in the notifier dead-letter queue',
      ),
      new Alarm(this, 'ServerErrors', {
        alarmDescription: 'The API answered with 5xx: clients never cause these, so each one is a bug or an outage',
        metric: props.api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 5,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      // An alarm's metric math takes at most 10 metrics, so throttles are summed in groups of 10.
      ...chunks(props.functions, 10).map(
        (group, g) =>
          new Alarm(this, `Throttles${g + 1}`, {
            alarmDescription: `Lambda functions of the board were throttled (group ${g + 1}: ${group.map((fn) => fn.node.id).join(', ')})`,
            metric: new MathExpression({
              expression: group.map((_, i) => `t${i}`).join(' + '),
              usingMetrics: Object.fromEntries(
                group.map((fn, i) => [`t${i}`, fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' })]),
              ),
              period: Duration.minutes(5),
            }),
            threshold: 0,
            comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
            evaluationPeriods: 1,
            treatMissingData: TreatMissingData.NOT_BREACHING,
          }),
      ),
    ];
    for (const alarm of alarms) alarm.addAlarmAction(action);
  }
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
