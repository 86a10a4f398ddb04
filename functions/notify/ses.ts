import { randomUUID } from 'node:crypto';
import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { toMime } from '../../shared/email/mime.js';
import type { Email } from '../../shared/email/templates.js';
import { config, localCredentials } from '../lib/env.js';
import { traced } from '../lib/tracing.js';

let client: SESClient | undefined;

function ses(): SESClient {
  if (!client) {
    const { sesEndpoint, region } = config();
    // Fail fast: a stuck SES call must not hold the stream; the record is retried instead.
    client = traced(
      new SESClient({
        region,
        endpoint: sesEndpoint,
        maxAttempts: 2,
        requestHandler: { requestTimeout: 5000 },
        ...localCredentials(sesEndpoint),
      }),
    );
  }
  return client;
}

/** Sends one email as raw MIME (so it can carry List-Unsubscribe headers). Returns SES's message id. */
export async function sendEmail(to: string, email: Email, unsubscribeUrl?: string, correlationId?: string): Promise<string | undefined> {
  const { mailFrom, sesConfigurationSet } = config();
  const raw = toMime(email, { from: mailFrom, to, unsubscribeUrl, boundary: `cb-${randomUUID()}` });
  const out = await ses().send(
    new SendRawEmailCommand({
      Destinations: [to],
      RawMessage: { Data: Buffer.from(raw, 'utf8') },
      // Its event destination reports bounces and complaints back to the board (functions/ses-events).
      ...(sesConfigurationSet && { ConfigurationSetName: sesConfigurationSet }),
      // SES copies message tags into its bounce and complaint events: the events handler logs the id.
      ...(correlationId && { Tags: [{ Name: 'correlationId', Value: correlationId }] }),
    }),
  );
  return out.MessageId;
}
