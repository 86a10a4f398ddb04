import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config, localCredentials } from '../lib/env.js';

let client: DynamoDBDocumentClient | undefined;

/** The one document client, created on first use and reused across warm invocations. */
export function db(): DynamoDBDocumentClient {
  if (!client) {
    const { dynamoEndpoint, region } = config();
    const base = new DynamoDBClient({ region, endpoint: dynamoEndpoint, ...localCredentials(dynamoEndpoint) });
    client = DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
  }
  return client;
}

export function tableName(): string {
  return config().tableName;
}
