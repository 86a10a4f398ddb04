import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { type AreaFields, areaDeltas } from './area-counts.js';
import { db, tableName } from './client.js';
import { type Delta, sumDeltas } from './deltas.js';
import { type DoneFields, doneDeltas } from './done-counts.js';
import { backoff, cancellationCodes } from './errors.js';
import { appliedMarker, COUNTED_ON_LOAD, COUNTER_SHARDS } from './keys/counters.js';
import { cellDeltas, type MapFields } from './map-cells.js';
import { counterDeltas, counterUpdate, type QueueFields } from './queue-counts.js';

/**
 * The counters' side of the table stream (queue counters, finished reports per month, area and map-cell
 * counts): what each stream
 * record changes in them, and applying a run of records as one transaction.
 *
 * Idempotent per stream record: each record that moves a counter is applied in the same transaction as
 * a marker keyed by its eventID (`attribute_not_exists`). A redelivered record fails its marker's
 * condition, the transaction writes nothing, and it is applied again without the records already in.
 * (Why not a checkpoint per stream shard: Lambda's stream event does not say which shard a record came
 * from, and with a parallelisation factor above one, records of one shard are not even applied in order.)
 * Markers expire after two days, past the stream's 24 h retention.
 */

/** One stream record's effect on the counters. */
export interface CounterChange {
  eventId: string;
  sequenceNumber: string;
  deltas: Delta[];
}

type Image = NonNullable<NonNullable<DynamoDBRecord['dynamodb']>['NewImage']>;

type Counted = QueueFields & DoneFields & AreaFields & MapFields & Record<string, unknown>;

function itemImage(image: Image | undefined): Counted | undefined {
  if (image?.entity?.S !== 'item') return undefined;
  // biome-ignore lint/suspicious/noExplicitAny: the Lambda and SDK AttributeValue types differ only nominally
  return unmarshall(image as any) as Counted;
}

/** What a stream record changes in the counters, from its old and new images; undefined when nothing. */
export function counterChangeOf(record: DynamoDBRecord): CounterChange | undefined {
  const before = itemImage(record.dynamodb?.OldImage);
  const after = itemImage(record.dynamodb?.NewImage);
  // A bulk-loaded item's arrival was counted by its loader (countBulkLoaded).
  if (record.eventName === 'INSERT' && after?.[COUNTED_ON_LOAD]) return undefined;
  const deltas = [
    ...counterDeltas([{ before, after }]),
    ...doneDeltas([{ before, after }]),
    ...areaDeltas([{ before, after }]),
    ...cellDeltas([{ before, after }]),
  ];
  if (!deltas.length) return undefined;
  return { eventId: record.eventID as string, sequenceNumber: record.dynamodb?.SequenceNumber as string, deltas };
}

/** DynamoDB's limit on one transaction. */
const MAX_TRANSACTION_ITEMS = 100;

/**
 * Splits changes, in stream order, into runs that fit one transaction each: a marker per change plus
 * one update per distinct counter the run touches.
 */
export function chunkCounterChanges(changes: CounterChange[], limit = MAX_TRANSACTION_ITEMS): CounterChange[][] {
  const chunks: CounterChange[][] = [];
  let chunk: CounterChange[] = [];
  let counters = new Set<string>();
  for (const change of changes) {
    const keys = change.deltas.map((d) => `${d.key.PK}\n${d.key.SK}`);
    const grown = new Set([...counters, ...keys]);
    if (chunk.length && chunk.length + 1 + grown.size > limit) {
      chunks.push(chunk);
      chunk = [];
      counters = new Set(keys);
    } else counters = grown;
    chunk.push(change);
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

/** The run's net change per counter: one update per counter, however many records touch it. */
const netOfRun = (changes: CounterChange[]): Delta[] => sumDeltas(changes.flatMap((c) => c.deltas));

/**
 * Applies a run of changes in one transaction: a marker per change and one ADD per counter, to one
 * counter shard picked at random. Changes already applied (a redelivery) are dropped and the rest
 * retried; a conflict with another consumer's transaction is retried after a pause.
 */
export async function applyCounterChanges(chunk: CounterChange[], nowMs = Date.now()): Promise<{ applied: number }> {
  let pending = chunk;
  for (let attempt = 1; pending.length; attempt++) {
    const shard = Math.floor(Math.random() * COUNTER_SHARDS);
    const markers = pending.map((c) => ({
      Put: { TableName: tableName(), Item: appliedMarker(c.eventId, nowMs), ConditionExpression: 'attribute_not_exists(PK)' },
    }));
    const updates = netOfRun(pending).map(({ key, delta }) => ({ Update: counterUpdate(key, delta, shard) }));
    try {
      await db().send(new TransactWriteCommand({ TransactItems: [...markers, ...updates] }));
      return { applied: pending.length };
    } catch (err) {
      const codes = cancellationCodes(err);
      if (!codes) throw err;
      const seen = pending.filter((_, i) => codes[i] === 'ConditionalCheckFailed');
      if (seen.length) pending = pending.filter((c) => !seen.includes(c));
      else if (codes.includes('TransactionConflict') && attempt < 10) await backoff(attempt);
      else throw err;
    }
  }
  return { applied: 0 };
}
