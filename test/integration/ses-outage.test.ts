// Its own file (so its own process): the stack it starts must not share cached config with other tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../infra/local/cognito-setup.js';
import { startSes } from '../../infra/local/emulators.js';
import { startLocalStack } from '../../infra/local/stack.js';
import { drainItemMail, mailCount, mailTo, uniqueAddress } from '../support/mailbox.js';
import { freePort } from '../support/ports.js';

describe('SES outage', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'civicboard-ses-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('with SES down the write succeeds; once SES is back the email arrives exactly once', async () => {
    const sesPort = await freePort();
    const stack = await startLocalStack({
      dataDir,
      inMemory: true,
      port: await freePort(),
      dynamoPort: await freePort(),
      cognitoPort: await freePort(),
      sesPort,
      seedCount: 0,
    });
    let ses = stack.children.find((c) => c.name === 'ses')!;
    try {
      await ses.stop();
      const reporter = uniqueAddress('outage');
      const created = await fetch(`${stack.urls.api}/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          serviceCode: 'pothole',
          description: 'During the outage',
          location: { lat: 51.45, lng: -2.59 },
          reporter: { email: reporter },
        }),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const auth = await fetch(stack.urls.cognito, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
        body: JSON.stringify({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: stack.cognito.userPoolClientId,
          AuthParameters: { USERNAME: 'roads.officer', PASSWORD: DEMO_PASSWORD },
        }),
      }).then((r) => r.json() as Promise<{ AuthenticationResult: { IdToken: string } }>);
      const moved = await fetch(`${stack.urls.api}/staff/reports/${id}/transitions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${auth.AuthenticationResult.IdToken}` },
        body: JSON.stringify({ to: 'acknowledged' }),
      });
      expect(moved.status).toBe(200);
      const stored = (await fetch(`${stack.urls.api}/reports/${id}`).then((r) => r.json())) as { status: string };
      expect(stored.status).toBe('acknowledged');
      // Give the poller time to try, and fail, to send while SES is down (the path under test).
      await new Promise((r) => setTimeout(r, 1500));

      ses = await startSes(sesPort, join(dataDir, 'logs'));
      stack.children.push(ses);
      const mailbox = { mailboxUrl: stack.urls.mailbox, timeoutMs: 45_000 };
      await mailCount(reporter, 2, mailbox);
      // A later notification of the item is sent only after the retried ones: then no duplicate can be pending.
      await drainItemMail(`${stack.urls.api}/reports/${id}/subscriptions`, mailbox);
      const mail = await mailTo(reporter, stack.urls.mailbox);
      expect(mail.map((m) => m.subject)).toEqual([
        expect.stringContaining('We received your report'),
        expect.stringContaining(': Acknowledged'),
      ]);
    } finally {
      await stack.stop();
      await ses.stop();
    }
  }, 120_000);
});
