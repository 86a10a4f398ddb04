import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
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

/** Thresholds, named so docs/runbook.md can quote them. */
export const ALARM_THRESHOLDS = {
  /** Share of API answers that are 5xx over 5 minutes, in percent (with at least a handful of them). */
  serverErrorPercent: 1,
  /** p99 of the API's latency over 5 minutes, three periods running. */
  p99LatencyMs: 3000,
  /** Age of the oldest stream record a consumer has not handled: emails or counters are that late. */
  iteratorAgeMs: 5 * 60_000,
  /** Alert emails waiting at the top of each 5 minutes for 15 minutes: about 12 minutes of sending at SES's default 14/s. */
  alertBacklog: 10_000,
} as const;

interface AlarmProps {
  api: HttpApi;
  functions: NodejsFunction[];
  /** The stream consumers, whose iterator age says how late emails and counters are. */
  consumers: NodejsFunction[];
  deadLetters: Queue;
  alarmEmail?: string;
}

/**
 * Alarms that need a person, all to one SNS topic (an email subscription from `alarmEmail`): failed
 * notifications, the API's 5xx rate and p99 latency, function errors, account throttles, stream lag.
 * docs/runbook.md says what to do for each.
 */
/**
 * An iterator-age alarm's id: its consumer's construct (`IteratorAgeViews`), and the function's own id
 * too when that construct holds a second consumer (`IteratorAgeViewsStats`), so existing ids stay as they were.
 */
const seenConsumerScopes = new WeakMap<object, Set<string>>();
function iteratorAlarmId(fn: NodejsFunction): string {
  const scopeId = fn.node.scope?.node.id ?? fn.node.id;
  const seen = seenConsumerScopes.get(fn.stack) ?? new Set<string>();
  seenConsumerScopes.set(fn.stack, seen);
  const id = seen.has(scopeId) ? `IteratorAge${scopeId}${fn.node.id}` : `IteratorAge${scopeId}`;
  seen.add(scopeId);
  return id;
}

export class BoardAlarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[];

  constructor(scope: Construct, id: string, props: AlarmProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    const period = Duration.minutes(5);
    this.alarms = [
      deadLetterAlarm(
        this,
        'FailedNotifications',
        props.deadLetters,
        'Emails that failed every retry are waiting in the notifier dead-letter queue',
      ),
      new Alarm(this, 'ServerErrorRate', {
        alarmDescription: `Over ${ALARM_THRESHOLDS.serverErrorPercent}% of API answers were 5xx: clients never cause these, so it is a bug or an outage`,
        metric: new MathExpression({
          // At least 5 errors, so one failure among ten requests at night does not page anyone.
          expression: 'IF(errors >= 5, 100 * errors / MAX([requests, 1]), 0)',
          usingMetrics: {
            errors: props.api.metricServerError({ period, statistic: 'Sum' }),
            requests: props.api.metricCount({ period, statistic: 'Sum' }),
          },
          period,
          label: '5xx % of requests',
        }),
        threshold: ALARM_THRESHOLDS.serverErrorPercent,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      new Alarm(this, 'SlowApi', {
        alarmDescription: `The API's p99 latency stayed over ${ALARM_THRESHOLDS.p99LatencyMs} ms for 15 minutes`,
        metric: props.api.metricLatency({ period, statistic: 'p99' }),
        threshold: ALARM_THRESHOLDS.p99LatencyMs,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 3,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      new Alarm(this, 'Throttles', {
        alarmDescription: 'Lambda throttled invocations in this account and region: the concurrency quota (or a reserved limit) is reached',
        metric: new Metric({ namespace: 'AWS/Lambda', metricName: 'Throttles', period, statistic: 'Sum' }),
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      // An alarm's metric math takes at most 10 metrics, so errors are summed in groups of 10.
      ...chunks(props.functions, 10).map(
        (group, g) =>
          new Alarm(this, `FunctionErrors${g + 1}`, {
            alarmDescription: `Board functions failed (uncaught errors or timeouts), group ${g + 1}: ${group.map((fn) => fn.node.path.split('/').slice(1).join('/')).join(', ')}`,
            metric: new MathExpression({
              expression: group.map((_, i) => `e${i}`).join(' + '),
              usingMetrics: Object.fromEntries(group.map((fn, i) => [`e${i}`, fn.metricErrors({ period, statistic: 'Sum' })])),
              period,
            }),
            threshold: 0,
            comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
            evaluationPeriods: 1,
            treatMissingData: TreatMissingData.NOT_BREACHING,
          }),
      ),
      ...props.consumers.map(
        (fn) =>
          new Alarm(this, iteratorAlarmId(fn), {
            alarmDescription: `The stream consumer ${fn.node.path.split('/').slice(1).join('/')} is over ${ALARM_THRESHOLDS.iteratorAgeMs / 60_000} minutes behind the table`,
            metric: fn.metric('IteratorAge', { period, statistic: 'Maximum' }),
            threshold: ALARM_THRESHOLDS.iteratorAgeMs,
            comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
            evaluationPeriods: 2,
            treatMissingData: TreatMissingData.NOT_BREACHING,
          }),
      ),
    ];
    const action = new SnsAction(this.topic);
    for (const alarm of this.alarms) alarm.addAlarmAction(action);
  }

  /** Alarms another construct made (its own dead-letter queue, say) notify the same people. */
  add(alarm: Alarm): void {
    alarm.addAlarmAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
