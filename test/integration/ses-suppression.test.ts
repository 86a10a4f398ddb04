import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createReport, useTestTable } from '../support/api.js';
import { drainItemMail, followUrl, mailTo, mailWith, uniqueAddress } from '../support/mailbox.js';
import { bounceEvent, complaintEvent, snsEvent } from '../support/ses-events.js';

// The bounce handler runs here against DynamoDB Local; the stack's notifier (its stream poller) then
// reads the suppression records it wrote and sends, or skips, through the SES emulator.
let handler: typeof import('../../functions/ses-events/handler.js').handler;
let store: typeof import('../../functions/store/suppressions.js');
beforeAll(async () => {
  useTestTable();
  ({ handler } = await import('../../functions/ses-events/handler.js'));
  store = await import('../../functions/store/suppressions.js');
});

async function deliveriesOf(itemId: string) {
  const { db, tableName } = await import('../../functions/store/client.js');
  const { Items = [] } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :d)',
      ExpressionAttributeValues: { ':pk': `ITEM#${itemId}`, ':d': 'DLV#' },
    }),
  );
  return Items;
}

describe('SES bounces and complaints', () => {
  it('a permanent bounce and a complaint suppress their addresses; a transient bounce does not', async () => {
    const bounced = uniqueAddress('bounced');
    const complained = uniqueAddress('complained');
    const mailboxFull = uniqueAddress('full');
    await handler(snsEvent(bounceEvent(bounced, 'Permanent'), complaintEvent(complained), bounceEvent(mailboxFull, 'Transient')));

    expect(await store.suppressionOf(bounced)).toMatchObject({ reason: 'bounce', detail: 'Permanent/General' });
    expect(await store.suppressionOf(complained)).toMatchObject({ reason: 'complaint', detail: 'abuse' });
    expect(await store.suppressionOf(mailboxFull)).toBeUndefined();
  });

  it('the suppression is per address, whatever its case, and the record does not hold the address', async () => {
    const bounced = uniqueAddress('Case');
    await handler(snsEvent(bounceEvent(bounced.toUpperCase(), 'Permanent')));
    expect(await store.suppressionOf(bounced)).toMatchObject({ reason: 'bounce' });
    const { db, tableName } = await import('../../functions/store/client.js');
    const { suppressionKey } = await import('../../functions/store/keys/suppressions.js');
    const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: suppressionKey(bounced) }));
    expect(Item).toBeDefined();
    expect(JSON.stringify(Item).toLowerCase()).not.toContain(bounced.toLowerCase());
  });

  it('a message that is not an SES bounce or complaint suppresses nothing and does not fail', async () => {
    const someone = uniqueAddress('delivery');
    await expect(
      handler(snsEvent({ eventType: 'Delivery', mail: { messageId: 'x', destination: [someone] } }, 'not json at all')),
    ).resolves.toBeUndefined();
    expect(await store.suppressionOf(someone)).toBeUndefined();
  });

  it('the notifier skips a suppressed address and records why, while an address that only bounced softly is mailed', async () => {
    const bounced = uniqueAddress('hard');
    const soft = uniqueAddress('soft');
    await handler(snsEvent(bounceEvent(bounced, 'Permanent'), bounceEvent(soft, 'Transient')));

    const skipped = await createReport({ reporter: { email: bounced } });
    const mailed = await createReport({ reporter: { email: soft } });

    // Positive control: the same kind of email to an address that is not suppressed arrives.
    await mailWith(soft, `We received your report ${mailed.reference}`);
    // Every email of the first report has been handled once the drain's confirmation arrives.
    await drainItemMail(followUrl('reports', skipped.id));
    expect(await mailTo(bounced)).toEqual([]);

    const deliveries = await deliveriesOf(skipped.id);
    const suppressed = deliveries.filter((d) => d.status === 'suppressed');
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]).toMatchObject({ skippedBecause: 'bounce' });
    expect(suppressed[0]!.messageId).toBeUndefined();
    expect((await deliveriesOf(mailed.id)).map((d) => d.status)).toEqual(['sent']);
  });
});
