import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RouteDefinition } from '../../functions/routes.js';

/** The route whose function is running: its table grants, as its IAM role has them in AWS. */
type Role = { method: string; path: string; table: RouteDefinition['table'] };
const current = new AsyncLocalStorage<Role>();

/** Runs a route's handler under that route's grants (the local server's stand-in for one role per function). */
export const withGrantsOf = <T>(role: Role, fn: () => Promise<T>) => current.run(role, fn);

const SINGLE: Record<string, string> = {
  Get: 'GetItem',
  GetItem: 'GetItem',
  Put: 'PutItem',
  PutItem: 'PutItem',
  Update: 'UpdateItem',
  UpdateItem: 'UpdateItem',
  Delete: 'DeleteItem',
  DeleteItem: 'DeleteItem',
  Query: 'Query',
  Scan: 'Scan',
  BatchGet: 'BatchGetItem',
  BatchGetItem: 'BatchGetItem',
  BatchWrite: 'BatchWriteItem',
  BatchWriteItem: 'BatchWriteItem',
  DescribeTable: 'DescribeTable',
};
const IN_TRANSACTION: Record<string, string> = {
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  ConditionCheck: 'ConditionCheckItem',
  Get: 'GetItem',
};

/**
 * The IAM actions a DynamoDB call needs. Transactions have no action of their own: IAM checks each
 * item's (PutItem, UpdateItem, DeleteItem, ConditionCheckItem; GetItem in TransactGetItems).
 */
export function actionsOf(commandName: string, input: Record<string, unknown>): string[] {
  const name = commandName.replace(/Command$/, '');
  if (name === 'TransactWrite' || name === 'TransactWriteItems' || name === 'TransactGet' || name === 'TransactGetItems') {
    const items = (input.TransactItems ?? []) as Record<string, unknown>[];
    return [...new Set(items.flatMap((i) => Object.keys(i).map((k) => IN_TRANSACTION[k] as string)))];
  }
  const action = SINGLE[name];
  if (!action) throw new Error(`local IAM: no action known for ${commandName}`);
  return [action];
}

const enforced = new WeakSet<DynamoDBDocumentClient>();

export class LocalAccessDenied extends Error {
  override name = 'AccessDeniedException';
}

/**
 * The local stand-in for each function's IAM role: a DynamoDB call made while a route's handler runs
 * must be one its row of the route table grants (`table`), else it fails as AWS would fail it
 * (AccessDeniedException → a 500), so the integration suite proves the grants suffice.
 */
export function enforceRouteGrants(client: DynamoDBDocumentClient): void {
  // The store's client lives as long as the process; a restarted stack must not add a second check.
  if (enforced.has(client)) return;
  enforced.add(client);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const route = current.getStore();
      if (route) {
        for (const action of actionsOf(context.commandName ?? '', args.input as Record<string, unknown>)) {
          if (!(route.table as readonly string[]).includes(action))
            throw new LocalAccessDenied(`${route.method} ${route.path} is not granted dynamodb:${action} (functions/routes.ts)`);
        }
      }
      return next(args);
    },
    { step: 'initialize', name: 'localIam', priority: 'high' },
  );
}
