import { createHmac, timingSafeEqual } from 'node:crypto';
import { QueryCommand, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '../../shared/errors.js';
import { LIMITS } from '../../shared/schemas.js';
import { cursorKey } from '../lib/env.js';
import { db, tableName } from './client.js';
import { type IndexName, indexDefinition } from './table.js';

/** One partition of an index to read, with an optional sort-key condition and filter. */
export interface Partition {
  index: IndexName;
  pk: string;
  /** e.g. `begins_with(#sk, :p)` or `#sk > :since`; `#sk` names the index's sort key. */
  skCondition?: string;
  filter?: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
  newestFirst?: boolean;
}

interface Cursor {
  /** Index of the partition to continue in. */
  p: number;
  /** DynamoDB's LastEvaluatedKey in that partition. */
  k?: Record<string, string>;
  /** Items already returned before this page (for queue positions). */
  n: number;
}

/**
 * A cursor is `<position>.<mac>`: the position (base64url JSON) and an HMAC-SHA256, under the
 * deployment's cursor key, of the partitions being paged (index, key, conditions, filters and their
 * values: the whole query but the page size) and the position. A cursor is therefore only accepted by
 * the list and query that issued it: reused with another `updatedSince`, bbox, service or phase,
 * edited, or forged, it is a 400 before anything reaches DynamoDB.
 */
export function encodeCursor(cursor: Cursor, partitions: Partition[]): string {
  const position = Buffer.from(JSON.stringify(cursor)).toString('base64url');
  return `${position}.${mac(partitions, position)}`;
}

const badCursor = () =>
  new ValidationError([{ path: 'query.cursor', message: 'is not a cursor from this list and query; start again without it' }]);

/** Decodes a cursor issued for exactly these partitions; anything else is a ValidationError on `query.cursor`. */
export function decodeCursor(raw: string | undefined, partitions: Partition[]): Cursor {
  if (raw === undefined) return { p: 0, n: 0 };
  const [position, tag, ...rest] = raw.split('.');
  if (!position || !tag || rest.length > 0 || !sameMac(tag, mac(partitions, position))) throw badCursor();
  let cursor: Cursor;
  try {
    cursor = JSON.parse(Buffer.from(position, 'base64url').toString('utf8')) as Cursor;
  } catch {
    throw badCursor();
  }
  // Signed cursors are ours; these checks keep a leaked key from turning into 500s.
  if (!isPosition(cursor, partitions)) throw badCursor();
  return cursor;
}

function isPosition(cursor: Cursor, partitions: Partition[]): boolean {
  if (typeof cursor !== 'object' || cursor === null || !Number.isInteger(cursor.p) || !Number.isInteger(cursor.n) || cursor.n < 0) {
    return false;
  }
  const partition = partitions[cursor.p];
  if (!partition) return false;
  if (cursor.k === undefined) return true;
  const def = indexDefinition(partition.index);
  const keys = Object.keys(cursor.k).sort().join(',');
  const expected = [...new Set([def.partitionKey, def.sortKey, 'PK', 'SK'])].sort().join(',');
  return (
    keys === expected &&
    cursor.k[def.partitionKey] === partition.pk &&
    Object.values(cursor.k).every((v) => typeof v === 'string' && v !== '')
  );
}

function mac(partitions: Partition[], position: string): string {
  return createHmac('sha256', cursorKey()).update(JSON.stringify(partitions)).update('\n').update(position).digest('base64url');
}

function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Most items one request may read (DynamoDB's ScannedCount, before filters) and most Queries it may
 * send. Twice the largest page: a page without filters is never cut short, while a filter that matches
 * little (a bill search, a box's edge cells, a rare status) returns a short page with a cursor instead
 * of reading whole partitions in one request.
 */
export const READ_BUDGET = { items: 2 * LIMITS.maxPageSize, queries: 64 } as const;

/**
 * Reads up to `limit` records across a sequence of index partitions, in order, resuming from a
 * cursor, within the read budget. Every read is a Query on a known partition: never a Scan.
 */
export async function queryPartitions(
  partitions: Partition[],
  limit: number,
  rawCursor?: string,
  budget: { items: number; queries: number } = READ_BUDGET,
): Promise<{ records: Record<string, unknown>[]; nextCursor?: string; offset: number }> {
  const start = decodeCursor(rawCursor, partitions);
  const records: Record<string, unknown>[] = [];
  let p = start.p;
  let key = start.k;
  let scanned = 0;
  let queries = 0;
  while (p < partitions.length && records.length < limit && scanned < budget.items && queries < budget.queries) {
    const partition = partitions[p] as Partition;
    const pageLimit = Math.min(limit - records.length, budget.items - scanned);
    const page = await db().send(new QueryCommand(queryInput(partition, pageLimit, key)));
    queries++;
    scanned += page.ScannedCount ?? page.Items?.length ?? 0;
    records.push(...((page.Items ?? []) as Record<string, unknown>[]));
    key = page.LastEvaluatedKey as Record<string, string> | undefined;
    if (!key) p++;
  }
  const more = p < partitions.length;
  return {
    records,
    offset: start.n,
    nextCursor: more ? encodeCursor({ p, k: key, n: start.n + records.length }, partitions) : undefined,
  };
}

function queryInput(partition: Partition, limit: number, startKey?: Record<string, string>): QueryCommandInput {
  const def = indexDefinition(partition.index);
  return {
    TableName: tableName(),
    IndexName: partition.index,
    KeyConditionExpression: `#pk = :pk${partition.skCondition ? ` AND ${partition.skCondition}` : ''}`,
    FilterExpression: partition.filter,
    ExpressionAttributeNames: { '#pk': def.partitionKey, ...(partition.skCondition ? { '#sk': def.sortKey } : {}), ...partition.names },
    ExpressionAttributeValues: { ':pk': partition.pk, ...partition.values },
    ScanIndexForward: !partition.newestFirst,
    Limit: limit,
    ExclusiveStartKey: startKey,
  };
}

/** Every page of one Query, in order: for reads that need the whole result (a count, a sum, a rebuild). */
export async function* queryAllPages(input: Omit<QueryCommandInput, 'ExclusiveStartKey'>): AsyncGenerator<QueryCommandOutput> {
  let startKey: QueryCommandInput['ExclusiveStartKey'];
  do {
    const page = await db().send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    yield page;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}
