import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  type GlobalSecondaryIndex,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { TABLE_DEFINITION } from '../../functions/store/table.js';

export function localDynamo(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

const gsi = (i: (typeof TABLE_DEFINITION.indexes)[number]): GlobalSecondaryIndex => ({
  IndexName: i.name,
  KeySchema: [
    { AttributeName: i.partitionKey, KeyType: 'HASH' },
    { AttributeName: i.sortKey, KeyType: 'RANGE' },
  ],
  Projection: { ProjectionType: 'ALL' },
});

/**
 * Creates the table from the shared definition, or adds any index the definition gained since the
 * local database was made, so an old `.local` folder keeps working after an upgrade.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<'created' | 'updated' | 'ready'> {
  const existing = await client.send(new DescribeTableCommand({ TableName: tableName })).catch((err: Error) => {
    if (err.name === 'ResourceNotFoundException') return undefined;
    throw err;
  });
  const keyAttrs = [
    TABLE_DEFINITION.partitionKey,
    TABLE_DEFINITION.sortKey,
    ...TABLE_DEFINITION.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  const AttributeDefinitions = keyAttrs.map((name) => ({ AttributeName: name, AttributeType: 'S' as const }));
  if (!existing) {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions,
        KeySchema: [
          { AttributeName: TABLE_DEFINITION.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_DEFINITION.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: TABLE_DEFINITION.indexes.map(gsi),
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
    await client
      .send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { Enabled: true, AttributeName: TABLE_DEFINITION.ttlAttribute },
        }),
      )
      .catch(() => undefined);
    return 'created';
  }
  const have = new Set((existing.Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
  const missing = TABLE_DEFINITION.indexes.filter((i) => !have.has(i.name));
  for (const index of missing) {
    await client.send(
      new UpdateTableCommand({ TableName: tableName, AttributeDefinitions, GlobalSecondaryIndexUpdates: [{ Create: gsi(index) }] }),
    );
  }
  return missing.length ? 'updated' : 'ready';
}
