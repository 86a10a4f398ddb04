import { QueryCommand, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '../../shared/errors.js';
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

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** Decodes a cursor and checks it points into the partitions being read, so a forged one is a 400, not a 500. */
export function decodeCursor(raw: string | undefined, partitions: Partition[]): Cursor {
  if (!raw) return { p: 0, n: 0 };
  const bad = () => new ValidationError([{ path: 'query.cursor', message: 'is not a cursor from this list; start again without it' }]);
  let cursor: Cursor;
  try {
    cursor = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
  } catch {
    throw bad();
  }
  const partition = partitions[cursor?.p];
  if (!partition || !Number.isInteger(cursor.n) || cursor.n < 0) throw bad();
  if (cursor.k !== undefined) {
    const def = indexDefinition(partition.index);
    const keys = Object.keys(cursor.k).sort().join(',');
    const expected = [def.partitionKey, def.sortKey, 'PK', 'SK'].sort().join(',');
    if (keys !== expected || cursor.k[def.partitionKey] !== partition.pk || Object.values(cursor.k).some((v) => typeof v !== 'string')) {
      throw bad();
    }
  }
  return cursor;
}

/**
 * Reads up to `limit` records across a sequence of index partitions, in order, resuming from a
 * cursor. Every read is a Query on a known partition: never a Scan.
 */
export async function queryPartitions(
  partitions: Partition[],
  limit: number,
  rawCursor?: string,
): Promise<{ records: Record<string, unknown>[]; nextCursor?: string; offset: number }> {
  const start = decodeCursor(rawCursor, partitions);
  const records: Record<string, unknown>[] = [];
  let p = start.p;
  let key = start.k;
  while (p < partitions.length && records.length < limit) {
    const partition = partitions[p] as Partition;
    const page = await db().send(new QueryCommand(queryInput(partition, limit - records.length, key)));
    records.push(...((page.Items ?? []) as Record<string, unknown>[]));
    key = page.LastEvaluatedKey as Record<string, string> | undefined;
    if (!key) p++;
  }
  const more = p < partitions.length;
  return {
    records,
    offset: start.n,
    nextCursor: more ? encodeCursor({ p, k: key, n: start.n + records.length }) : undefined,
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
