import { Duration, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { CfnBudget } from 'aws-cdk-lib/aws-budgets';
import {
  type Alarm,
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  TextWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRIC, METRICS_NAMESPACE, type MetricName } from '../../functions/lib/metrics.js';

const PERIOD = Duration.minutes(5);

/** A business metric the functions emit as EMF (functions/lib/metrics.ts): Powertools adds the `service` dimension. */
export const boardMetric = (name: MetricName, statistic = 'Sum') =>
  new Metric({ namespace: METRICS_NAMESPACE, metricName: name, dimensionsMap: { service: 'civicboard' }, period: PERIOD, statistic });

const sumOf = (label: string, prefix: string, metrics: IMetric[]) =>
  new MathExpression({
    expression: metrics.map((_, i) => `${prefix}${i}`).join(' + '),
    usingMetrics: Object.fromEntries(metrics.map((m, i) => [`${prefix}${i}`, m])),
    label,
    period: PERIOD,
  });

interface DashboardProps {
  api: HttpApi;
  functions: NodejsFunction[];
  consumers: NodejsFunction[];
  queues: Queue[];
  alarms: Alarm[];
}

/**
 * One CloudWatch dashboard for the board (docs/runbook.md, "Reading the dashboard"): alarms on top, then
 * traffic and errors, latency, what citizens and staff do, email, stream lag and waiting failures.
 */
export class BoardDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: DashboardProps) {
    super(scope, id);
    const { api } = props;
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `${Stack.of(this).stackName}-board`,
      defaultInterval: Duration.hours(24),
    });
    const chunk = <T>(list: T[], size: number) =>
      Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));
    this.dashboard.addWidgets(
      new TextWidget({
        markdown: '# civicboard\nWhat each alarm means and what to do: docs/runbook.md. Counts are per 5 minutes.',
        width: 24,
        height: 2,
      }),
      new AlarmStatusWidget({ title: 'Alarms', alarms: props.alarms, width: 24, height: 3 }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'API requests and errors',
        left: [
          api.metricCount({ period: PERIOD, statistic: 'Sum', label: 'requests' }),
          api.metricClientError({ period: PERIOD, statistic: 'Sum', label: '4xx' }),
          api.metricServerError({ period: PERIOD, statistic: 'Sum', label: '5xx' }),
          boardMetric(METRIC.rateLimited).with({ label: '429 from the board (per-client limits)' }),
        ],
        width: 12,
      }),
      new GraphWidget({
        title: 'API latency (ms)',
        left: [
          api.metricLatency({ period: PERIOD, statistic: 'p50', label: 'p50' }),
          api.metricLatency({ period: PERIOD, statistic: 'p99', label: 'p99' }),
          api.metricIntegrationLatency({ period: PERIOD, statistic: 'p99', label: 'function p99' }),
        ],
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'What people do',
        left: [
          boardMetric(METRIC.reportsCreated).with({ label: 'reports created' }),
          boardMetric(METRIC.transitions).with({ label: 'status changes' }),
          boardMetric(METRIC.followRequests).with({ label: 'follow requests' }),
        ],
        width: 12,
      }),
      new GraphWidget({
        title: 'Email',
        left: [
          boardMetric(METRIC.emailsSent).with({ label: 'sent' }),
          boardMetric(METRIC.emailsFailed).with({ label: 'failed (retried)' }),
          boardMetric(METRIC.emailsSuppressed).with({ label: 'skipped: suppressed' }),
          boardMetric(METRIC.addressesBounced).with({ label: 'addresses bounced' }),
          boardMetric(METRIC.addressesComplained).with({ label: 'complaints' }),
          boardMetric(METRIC.alertEmailsQueued, 'Maximum').with({ label: 'alert emails queued (backlog)' }),
          boardMetric(METRIC.digestsSent).with({ label: 'daily digests sent' }),
        ],
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Function errors and throttles (all functions)',
        left: [
          ...chunk(props.functions, 10).map((g, i) =>
            sumOf(
              `errors ${i + 1}`,
              `g${i}m`,
              g.map((fn) => fn.metricErrors({ period: PERIOD })),
            ),
          ),
          new Metric({ namespace: 'AWS/Lambda', metricName: 'Throttles', period: PERIOD, statistic: 'Sum', label: 'throttles (account)' }),
        ],
        width: 8,
      }),
      new GraphWidget({
        title: 'Stream lag (ms behind the table)',
        left: props.consumers.map((fn) =>
          fn.metric('IteratorAge', { period: PERIOD, statistic: 'Maximum', label: fn.node.scope?.node.id ?? fn.node.id }),
        ),
        width: 8,
      }),
      new GraphWidget({
        title: 'Waiting in on-failure queues',
        left: props.queues.map((q) =>
          q.metricApproximateNumberOfMessagesVisible({ period: PERIOD, label: q.node.path.split('/').slice(1).join('/') }),
        ),
        width: 8,
      }),
    );
  }
}

/**
 * A monthly cost budget (context `budgetMonthlyUsd`): an email to the alarm address when actual spend
 * passes 80% or the forecast passes 100%. Budgets are account-wide: it watches the whole account's cost.
 */
export class CostBudget extends Construct {
  constructor(scope: Construct, id: string, props: { monthlyUsd: number; email: string }) {
    super(scope, id);
    const to = [{ subscriptionType: 'EMAIL', address: props.email }];
    new CfnBudget(this, 'Budget', {
      budget: {
        budgetName: `${Stack.of(this).stackName}-monthly`,
        budgetType: 'COST',
        timeUnit: 'MONTHLY',
        budgetLimit: { amount: props.monthlyUsd, unit: 'USD' },
      },
      notificationsWithSubscribers: [
        {
          notification: { notificationType: 'ACTUAL', comparisonOperator: 'GREATER_THAN', threshold: 80, thresholdType: 'PERCENTAGE' },
          subscribers: to,
        },
        {
          notification: { notificationType: 'FORECASTED', comparisonOperator: 'GREATER_THAN', threshold: 100, thresholdType: 'PERCENTAGE' },
          subscribers: to,
        },
      ],
    });
  }
}
