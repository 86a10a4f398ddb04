import { BatchGetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { ImportedBill } from '../../shared/bills/legiscan.js';
import type { Bill } from '../../shared/bills/model.js';
import { batchPut } from './bulk.js';
import { bulkDb, tableName } from './client.js';
import { cancellationCodes } from './errors.js';
import { billNumberRecord, rollCallRecord } from './keys/bills.js';
import { eventRecord, itemKey, itemRecord, referenceRecord } from './keys/items.js';

export type ImportOutcome = { status: 'created' | 'updated' | 'unchanged' } | { status: 'rejected'; reason: string };

/** The stored version and source hash of each bill id that exists: BatchGetItem, 100 keys a call. */
export async function storedSources(ids: string[]): Promise<Map<string, { version: number; hash?: string }>> {
  const found = new Map<string, { version: number; hash?: string }>();
  for (let i = 0; i < ids.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = ids.slice(i, i + 100).map(itemKey);
    while (keys?.length) {
      const out = await bulkDb().send(
        new BatchGetCommand({
          RequestItems: {
            [tableName()]: { Keys: keys, ProjectionExpression: 'id, version, #s', ExpressionAttributeNames: { '#s': 'source' } },
          },
        }),
      );
      for (const r of out.Responses?.[tableName()] ?? []) {
        found.set(r.id as string, { version: r.version as number, hash: (r.source as Bill['source'])?.hash });
      }
      keys = out.UnprocessedKeys?.[tableName()]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return found;
}

/** The append-only records of an imported bill: its history events and roll calls, under deterministic keys. */
export function historyRecords(imported: ImportedBill): Record<string, unknown>[] {
  const { bill, events, rollCalls } = imported;
  return [
    ...events.map((e) => eventRecord(bill.id, e)),
    ...rollCalls.map((r) => rollCallRecord(bill.id, { at: r.at, id: r.voteId }, r.rollCall)),
  ];
}

/** Writes history records in batches (BatchWriteItem, 25 a call, 16 in flight): re-writing one is harmless. */
export async function writeHistory(records: Record<string, unknown>[], onProgress?: (done: number) => void): Promise<void> {
  await batchPut(records, 16, onProgress);
}

/** Whether an imported bill differs from what is stored (a new bill, or a changed source hash). */
export const needsWrite = (imported: ImportedBill, stored?: { hash?: string }) => !stored || stored.hash !== imported.bill.source?.hash;

/**
 * Commits one imported bill after its history is written, keeping the invariants of a created bill:
 * the bill, its reference and its number's uniqueness record in one transaction, conditioned on the
 * version read, so the bill only appears (or changes) once its history is complete and never twice under
 * one number. An unchanged source hash writes nothing. Imports raise no notifications.
 */
export async function commitImportedBill(imported: ImportedBill, stored?: { version: number; hash?: string }): Promise<ImportOutcome> {
  const { bill } = imported;
  if (!needsWrite(imported, stored)) return { status: 'unchanged' };
  const next: Bill = stored ? { ...bill, version: Math.max(bill.version, stored.version + 1) } : bill;
  const mine = { ConditionExpression: 'attribute_not_exists(PK) OR itemId = :id', ExpressionAttributeValues: { ':id': bill.id } };
  try {
    await bulkDb().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: itemRecord(next),
              ...(stored
                ? { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': stored.version } }
                : { ConditionExpression: 'attribute_not_exists(PK)' }),
            },
          },
          { Put: { TableName: tableName(), Item: referenceRecord(bill), ...mine } },
          { Put: { TableName: tableName(), Item: billNumberRecord(bill), ...mine } },
        ],
      }),
    );
  } catch (err) {
    const codes = cancellationCodes(err);
    if (!codes) throw err;
    if (codes[2] === 'ConditionalCheckFailed')
      return { status: 'rejected', reason: `${bill.number} already exists in session ${bill.session} as another bill` };
    if (codes[1] === 'ConditionalCheckFailed') return { status: 'rejected', reason: `reference ${bill.reference} belongs to another item` };
    return { status: 'rejected', reason: 'the bill changed while importing; run the import again' };
  }
  return { status: stored ? 'updated' : 'created' };
}
