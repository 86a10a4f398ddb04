import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, inject, it } from 'vitest';
import { createReport, useTestTable } from '../support/api.js';
import { drainItemMail, followUrl, mailTo, uniqueAddress } from '../support/mailbox.js';

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

    // The local stream poller delivers the same record too. Once a later notification of the item has
    // been sent, the poller is past it: still exactly one email.
    await drainItemMail(followUrl('reports', report.id));
    expect((await mailTo(reporter)).map((m) => m.subject)).toEqual([`We received your report ${report.reference}`]);
  });
});
