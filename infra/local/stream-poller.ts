import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | undefined>;

export interface StreamPoller {
  stop(): Promise<void>;
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

  const discover = async () => {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      const id = shard.ShardId as string;
      if (iterators.has(id) || finished.has(id)) continue;
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: id, ShardIteratorType: 'TRIM_HORIZON' }),
      );
      iterators.set(id, ShardIterator);
    }
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

  const pollOnce = async () => {
    await discover();
    for (const [shardId, iterator] of iterators) {
      if (!iterator) {
        iterators.delete(shardId);
        finished.add(shardId);
        continue;
      }
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
      const records = (page.Records ?? []).map((r) => toLambdaRecord(r, streamArn)).filter(opts.filter ?? (() => true));
      if (records.length && !(await deliver(records))) return;
      iterators.set(shardId, page.NextShardIterator);
    }
  };

  const loop = (async () => {
    while (running) {
      try {
        await pollOnce();
      } catch (err) {
        if (running) opts.log?.(`stream poller: ${(err as Error).message}`);
      }
      await sleep(interval);
    }
  })();

  return {
    stop: async () => {
      running = false;
      stopped.abort();
      await loop;
    },
  };
}
