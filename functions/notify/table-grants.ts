import type { TableAction } from '../routes.js';

/**
 * The notifier's DynamoDB grant (besides reading the stream, which the event source grants): it reads
 * the item, its event and its followers, and claims (PutItem), marks (UpdateItem) and releases
 * (DeleteItem) its delivery records. Enforced locally by the stream poller too (infra/local/local-iam.ts).
 */
export const NOTIFIER_TABLE_ACTIONS: readonly TableAction[] = ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'];

/**
 * The alert sender's grant (functions/notify/alert-sender.ts): it reads the queue, the digest entries,
 * items, and a page's alerts and suppressions (BatchGetItem), takes its lease and the delivery claims
 * (PutItem), marks them (UpdateItem), and removes sent jobs (BatchWriteItem) and released claims (DeleteItem). Enforced locally by the local stack's timer too.
 */
export const ALERT_SENDER_TABLE_ACTIONS: readonly TableAction[] = [
  'GetItem',
  'BatchGetItem',
  'Query',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
];

/** How often the schedule runs the alert sender in AWS (an EventBridge rule); locally a timer, every second. */
export const ALERT_SENDER_EVERY_MINUTES = 1;
