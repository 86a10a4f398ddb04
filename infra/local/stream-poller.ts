import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

/** Errors that mean the iterator, not the stream, is lost: a new one carries on. */
const LOST_ITERATOR = new Set(['TrimmedDataAccessException', 'ExpiredIteratorException']);

type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | undefined>;

export interface StreamPoller {
  stop(): Promise<void>;
  /**
   * Resolves once every record written before the call has been handed to the handler and accepted:
   * a whole pass over the shards, begun after the call, found nothing new. For tests and benchmarks that
   * wait for a derived view by a condition instead of a fixed sleep.
   */
  caughtUp(): Promise<void>;
}

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/** Converts a DynamoDB Streams API record to the shape Lambda delivers in a DynamoDBStreamEvent. */
export function toLambdaRecord(record: StreamRecord, streamArn: string): DynamoDBRecord {
  return {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: record.awsRegion ?? 'eu-west-2',
    eventSourceARN: streamArn,
    dynamodb: {
      ...(record.dynamodb as DynamoDBRecord['dynamodb']),
      ApproximateCreationDateTime: record.dynamodb?.ApproximateCreationDateTime
        ? Math.floor(new Date(record.dynamodb.ApproximateCreationDateTime).getTime() / 1000)
        : undefined,
    },
  };
}

/**
 * The local stand-in for Lambda's DynamoDB event source mapping: reads every shard of the table's
 * stream from the start, hands batches to the same handler Lambda runs, and on `batchItemFailures`
 * retries from the failed record with exponential backoff (up to 30 s), never skipping it.
 */
export async function startStreamPoller(opts: {
  endpoint: string;
  tableName: string;
  handler: StreamHandler;
  intervalMs?: number;
  log?: (m: string) => void;
  /** As the event source mapping's filter criteria: records it refuses never reach the handler. */
  filter?: (record: DynamoDBRecord) => boolean;
  /**
   * Where to start in the shards open at start-up: TRIM_HORIZON (default: everything the stream still
   * holds, as the notifier's delivery records make replays harmless) or LATEST (after a view was rebuilt
   * from the items, which already include what the stream holds). Shards that open later are always
   * read from their start.
   */
  startAt?: 'TRIM_HORIZON' | 'LATEST';
}): Promise<StreamPoller> {
  const region = 'eu-west-2';
  const dynamo = new DynamoDBClient({ endpoint: opts.endpoint, region, credentials });
  const streams = new DynamoDBStreamsClient({ endpoint: opts.endpoint, region, credentials });
  const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: opts.tableName }));
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${opts.tableName} has no stream`);
  const interval = opts.intervalMs ?? 200;
  const iterators = new Map<string, string | undefined>();
  const finished = new Set<string>();
  /** The last record handed over from each shard: where a lost iterator picks up again. */
  const lastDelivered = new Map<string, string>();
  let running = true;
  let backoff = 0;
  const stopped = new AbortController();
  /** A pause that ends early when the poller stops, so Ctrl-C never waits out a backoff. */
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      stopped.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });

  let initial = opts.startAt ?? 'TRIM_HORIZON';
  let passes = 0;
  let waiters: { after: number; resolve: () => void }[] = [];
  const discover = async () => {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      const id = shard.ShardId as string;
      if (iterators.has(id) || finished.has(id)) continue;
      const after = lastDelivered.get(id);
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand(
          after
            ? { StreamArn: streamArn, ShardId: id, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
            : { StreamArn: streamArn, ShardId: id, ShardIteratorType: initial },
        ),
      );
      iterators.set(id, ShardIterator);
    }
    initial = 'TRIM_HORIZON';
  };

  /** Hands records to the handler until it accepts them all; returns false if stopped meanwhile. */
  const deliver = async (records: DynamoDBRecord[]): Promise<boolean> => {
    let pending = records;
    while (pending.length && running) {
      const result = await opts.handler({ Records: pending }).catch((err: Error) => {
        opts.log?.(`stream handler threw: ${err.message}`);
        return { batchItemFailures: [{ itemIdentifier: pending[0]?.dynamodb?.SequenceNumber as string }] };
      });
      const failed = result?.batchItemFailures?.[0]?.itemIdentifier;
      if (!failed) return true;
      const from = pending.findIndex((r) => r.dynamodb?.SequenceNumber === failed);
      pending = from >= 0 ? pending.slice(from) : pending;
      backoff = Math.min(30_000, backoff ? backoff * 2 : 500);
      await sleep(backoff);
    }
    backoff = 0;
    return running;
  };

  /** One pass over the shards; the number of records it handed over, or -1 when it stopped early. */
  const pollOnce = async (): Promise<number> => {
    let delivered = 0;
    await discover();
    for (const [shardId, iterator] of iterators) {
      if (!iterator) {
        iterators.delete(shardId);
        finished.add(shardId);
        continue;
      }
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 })).catch((err: Error) => {
        if (!LOST_ITERATOR.has(err.name)) throw err;
        // DynamoDB Local now and then refuses an iterator it handed out on a new table ("read past the
        // oldest stream record"), and any iterator expires after 15 minutes. Lambda then asks for a new
        // one after the last record it delivered; so does this poller, next pass. Kept, the iterator
        // fails the same way for ever and the views silently stop.
        opts.log?.(`stream poller: shard ${shardId}: ${err.message}; asking for a new iterator`);
        iterators.delete(shardId);
        return undefined;
      });
      if (!page) {
        delivered = Math.max(delivered, 1); // not a quiet pass: nothing has been read from this shard
        continue;
      }
      const all = page.Records ?? [];
      const records = all.map((r) => toLambdaRecord(r, streamArn)).filter(opts.filter ?? (() => true));
      if (records.length && !(await deliver(records))) return -1;
      delivered += records.length;
      const last = all.at(-1)?.dynamodb?.SequenceNumber;
      if (last) lastDelivered.set(shardId, last);
      iterators.set(shardId, page.NextShardIterator);
    }
    return delivered;
  };

  const loop = (async () => {
    while (running) {
      try {
        const pass = ++passes;
        if ((await pollOnce()) === 0) {
          for (const w of waiters.filter((w) => w.after < pass)) w.resolve();
          waiters = waiters.filter((w) => w.after >= pass);
        }
      } catch (err) {
        if (running) opts.log?.(`stream poller: ${(err as Error).message}`);
      }
      await sleep(interval);
    }
  })();

  return {
    caughtUp: () => new Promise<void>((resolve) => waiters.push({ after: passes, resolve })),
    stop: async () => {
      running = false;
      stopped.abort();
      await loop;
    },
  };
}
