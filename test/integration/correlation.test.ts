import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, reportBody, useTestTable } from '../support/api.js';
import { mailWith, uniqueAddress } from '../support/mailbox.js';

/**
 * One correlation id from the API request through the stream to the email (issue 21): the response
 * names it, the notification record the commit writes carries it, and the notifier's delivery record of
 * the email it sent says the same id (the SES message is tagged with it too: see functions/notify/ses.ts).
 */
beforeAll(useTestTable);

async function recordsOf(itemId: string, prefix: string) {
  const { db, tableName } = await import('../../functions/store/client.js');
  const { Items = [] } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
      ExpressionAttributeValues: { ':pk': `ITEM#${itemId}`, ':p': prefix },
      ConsistentRead: true,
    }),
  );
  return Items;
}

describe('correlation ids', () => {
  it("carries the caller's id from the request to the notification record and the sent email's delivery record", async () => {
    const id = `test-${ulid()}`;
    const email = uniqueAddress('corr');
    const res = await api('/api/reports', { body: reportBody({ reporter: { email } }), headers: { 'x-correlation-id': id } });
    expect(res.status, res.text).toBe(201);
    expect(res.headers.get('x-correlation-id')).toBe(id);
    await mailWith(email, `We received your report ${res.body.reference}`);
    const notifications = await recordsOf(res.body.id, 'NTF#');
    expect(notifications.length).toBeGreaterThan(0);
    expect(notifications.map((n) => n.correlationId)).toEqual(notifications.map(() => id));
    // The email is in the emulator a moment before the notifier records it sent. Other files' alerts
    // may follow this street too: every email the report caused carries the id.
    await expect.poll(async () => (await recordsOf(res.body.id, 'DLV#')).some((d) => d.status === 'sent'), { timeout: 10_000 }).toBe(true);
    const deliveries = await recordsOf(res.body.id, 'DLV#');
    expect(deliveries.map((d) => d.correlationId)).toEqual(deliveries.map(() => id));
  });

  it('makes an id for a request without one, and never echoes a malformed one', async () => {
    const plain = await api('/api/services');
    expect(plain.status).toBe(200);
    const made = plain.headers.get('x-correlation-id');
    expect(made).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    const bad = await api('/api/services', { headers: { 'x-correlation-id': 'bad id <script>' } });
    const replaced = bad.headers.get('x-correlation-id');
    expect(replaced).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(replaced).not.toBe('bad id <script>');
    expect(replaced).not.toBe(made);
  });

  it('names the id on an error answer too, so a citizen can quote it', async () => {
    const id = `err-${ulid()}`;
    const res = await api('/api/reports/NOPE-NOTHING', { headers: { 'x-correlation-id': id } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.headers.get('x-correlation-id')).toBe(id);
  });
});
