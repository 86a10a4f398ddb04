import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Bill, RollCallEntry } from '../../shared/bills/model.js';
import { NotFoundError } from '../../shared/errors.js';
import type { HistoryEvent } from '../../shared/items.js';
import { isReference } from '../../shared/reference.js';
import { db, tableName } from './client.js';
import { getItem, getItemWithHistory, resolveItemId } from './items.js';
import { billNumberPK, VOTE_PREFIX } from './keys/bills.js';
import { itemPK } from './keys/items.js';
import { queryAllPages } from './paginate.js';

const BILL_NUMBER_PATTERN = /^[A-Za-z]{1,6} ?\d{1,6}[A-Za-z]?$/;

/**
 * Resolves a bill's id, reference or number to its id. A number without a session means the latest
 * session that has it: one Query on the number's uniqueness partition, newest session first.
 */
export async function resolveBillId(idOrNumber: string): Promise<string | undefined> {
  if (isReference(idOrNumber) || !BILL_NUMBER_PATTERN.test(idOrNumber)) return resolveItemId(idOrNumber);
  const page = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': billNumberPK(idOrNumber) },
      ScanIndexForward: false,
      Limit: 1,
    }),
  );
  return page.Items?.[0]?.itemId as string | undefined;
}

const noBill = (idOrNumber: string) => new NotFoundError(`There is no bill "${idOrNumber}".`);

/** The bill named by id, reference or number, or a NotFoundError (also for an item that is not a bill). */
export async function getBill(idOrNumber: string, opts: { consistent?: boolean } = {}): Promise<Bill> {
  const id = await resolveBillId(idOrNumber);
  if (!id) throw noBill(idOrNumber);
  return (await getItem(id, { kind: 'bill', consistent: opts.consistent }).catch(() => {
    throw noBill(idOrNumber);
  })) as Bill;
}

/** A bill with its history and the roll calls of its votes: one Query for the item and events, one for the votes. */
export async function getBillWithRollCalls(
  idOrNumber: string,
): Promise<{ bill: Bill; history: HistoryEvent[]; historyTruncated: boolean; rollCalls: Map<string, RollCallEntry[]> }> {
  const id = await resolveBillId(idOrNumber);
  if (!id) throw noBill(idOrNumber);
  const { item, history, historyTruncated } = await getItemWithHistory(id, 'bill').catch(() => {
    throw noBill(idOrNumber);
  });
  const rollCalls = new Map<string, RollCallEntry[]>();
  const pages = queryAllPages({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :v)',
    ExpressionAttributeValues: { ':pk': itemPK(item.id), ':v': VOTE_PREFIX },
  });
  for await (const page of pages) {
    for (const r of page.Items ?? []) if (Array.isArray(r.rollCall)) rollCalls.set(r.voteId as string, r.rollCall as RollCallEntry[]);
  }
  return { bill: item as Bill, history, historyTruncated, rollCalls };
}
