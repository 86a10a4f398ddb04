import type { TableAction } from '../routes.js';

/**
 * The notifier's DynamoDB grant (besides reading the stream, which the event source grants): it reads
 * the item, its event and its followers, and claims (PutItem), marks (UpdateItem) and releases
 * (DeleteItem) its delivery records. Enforced locally by the stream poller too (infra/local/local-iam.ts).
 */
export const NOTIFIER_TABLE_ACTIONS: readonly TableAction[] = ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'];
