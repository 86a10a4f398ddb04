import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, inject, it } from 'vitest';
import { createReport, useTestTable } from '../support/api.js';
import { settledMail, uniqueAddress } from '../support/mailbox.js';

describe('delivery guarantees', () => {
  it('the same stream batch delivered twice sends no duplicate email', async () => {
    useTestTable();
    process.env.SES_ENDPOINT = inject('mailboxUrl');
    const { handler } = await import('../../functions/notify/stream-handler.js');
    const { db, tableName } = await import('../../functions/store/client.js');
    const reporter = uniqueAddress('twice');
    const report = await createReport({ reporter: { email: reporter } });
    const { Items } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :n)',
        ExpressionAttributeValues: { ':pk': `ITEM#${report.id}`, ':n': 'NTF#' },
      }),
    );
    expect(Items).toHaveLength(1);
    const event = {
      Records: [{ eventName: 'INSERT', dynamodb: { SequenceNumber: '1', NewImage: marshall(Items![0]!) } }],
    } as unknown as DynamoDBStreamEvent;

    expect(await handler(event)).toEqual({ batchItemFailures: [] });
    expect(await handler(event)).toEqual({ batchItemFailures: [] });

    // The local stream poller delivered the same record too: still exactly one email.
    expect(await settledMail(reporter, 1, { settleMs: 2000 })).toHaveLength(1);
  });
});
