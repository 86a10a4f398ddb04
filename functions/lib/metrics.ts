import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * Business and health counts as CloudWatch embedded metrics (EMF): one JSON line per invocation that
 * CloudWatch turns into metrics, no API call and no extra latency. Namespace `civicboard`, one dimension
 * (`service`), so each name is one metric (the dashboard and alarms in infra/cdk/observability.ts).
 * Only inside Lambda: locally and in tests there is no CloudWatch to read the lines, so they are not printed.
 */
export const METRICS_NAMESPACE = 'civicboard';

/** Every metric name the functions emit: the dashboard reads the same constants. */
export const METRIC = {
  requests: 'Requests',
  clientErrors: 'ClientErrors',
  serverErrors: 'ServerErrors',
  rateLimited: 'RateLimited',
  latency: 'Latency',
  reportsCreated: 'ReportsCreated',
  transitions: 'Transitions',
  followRequests: 'FollowRequests',
  emailsSent: 'EmailsSent',
  emailsFailed: 'EmailsFailed',
  emailsSuppressed: 'EmailsSuppressed',
  /** Alert emails waiting in the queue after a sender run (functions/notify/alert-sender.ts): the backlog. */
  alertEmailsQueued: 'AlertEmailsQueued',
  digestsSent: 'DigestsSent',
  addressesBounced: 'AddressesBounced',
  addressesComplained: 'AddressesComplained',
} as const;
export type MetricName = (typeof METRIC)[keyof typeof METRIC];

let instance: Metrics | undefined;
const enabled = () => Boolean(process.env.AWS_LAMBDA_FUNCTION_NAME);

function metrics(): Metrics {
  instance ??= new Metrics({ namespace: METRICS_NAMESPACE, serviceName: 'civicboard' });
  return instance;
}

/** Adds to a count for this invocation. */
export function count(name: MetricName, value = 1): void {
  if (enabled()) metrics().addMetric(name, MetricUnit.Count, value);
}

/** Records a level (a backlog): CloudWatch keeps the maximum and the average per period. */
export function gauge(name: MetricName, value: number): void {
  if (enabled()) metrics().addMetric(name, MetricUnit.Count, value);
}

/** Records a duration in milliseconds (CloudWatch keeps the distribution: p50, p99). */
export function duration(name: MetricName, ms: number): void {
  if (enabled()) metrics().addMetric(name, MetricUnit.Milliseconds, ms);
}

/** Prints this invocation's metrics as one EMF line; call once at the end of every invocation. */
export function flushMetrics(): void {
  if (enabled() && metrics().hasStoredMetrics()) metrics().publishStoredMetrics();
}
