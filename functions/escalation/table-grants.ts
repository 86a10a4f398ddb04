import type { TableAction } from '../routes.js';

/**
 * The escalation job's DynamoDB grant: it queries the escalation index, reads each item, and commits
 * the escalation (TransactWriteItems of Puts) or refreshes an index entry (UpdateItem). Enforced locally
 * by the local stack's timer too (infra/local/local-iam.ts).
 */
export const ESCALATION_TABLE_ACTIONS: readonly TableAction[] = ['Query', 'GetItem', 'PutItem', 'UpdateItem', 'ConditionCheckItem'];

/** How often the job runs, in minutes (EventBridge rule in AWS; the local stack's timer). */
export const ESCALATION_EVERY_MINUTES = 5;
