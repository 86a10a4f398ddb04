import * as z from 'zod';
import type { SuppressionReason } from '../store/suppressions.js';

/**
 * SES's bounce and complaint notifications, as SNS delivers them: from a configuration set's event
 * destination (`eventType`) or from an identity's feedback notifications (`notificationType`); the board
 * wires the first (infra/cdk/ses.ts), the second is accepted so an operator's own wiring works too.
 * Only the fields the board acts on are read; everything else SES adds is ignored.
 * https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html
 */
const recipients = z.array(z.object({ emailAddress: z.string().min(3) })).default([]);
const sesEvent = z.object({
  eventType: z.string().optional(),
  notificationType: z.string().optional(),
  mail: z
    .object({
      messageId: z.string().optional(),
      timestamp: z.string().optional(),
      // The message's tags, as SES copies them: `{ correlationId: ["…"] }` (functions/notify/ses.ts).
      tags: z.record(z.string(), z.array(z.string())).optional(),
    })
    .optional(),
  bounce: z
    .object({
      bounceType: z.string(),
      bounceSubType: z.string().optional(),
      bouncedRecipients: recipients,
      timestamp: z.string().optional(),
    })
    .optional(),
  complaint: z
    .object({
      complainedRecipients: recipients,
      complaintFeedbackType: z.string().optional(),
      timestamp: z.string().optional(),
    })
    .optional(),
});

/** One address SES says to stop mailing, and why. */
export interface SuppressionRequest {
  email: string;
  reason: SuppressionReason;
  /** SES's words: `Permanent/General`, `abuse`, … */
  detail?: string;
  at: string;
  sesMessageId?: string;
}

/** The correlation id the board tagged the message with, if the event carries one. */
export function correlationOf(message: string): string | undefined {
  try {
    const parsed = sesEvent.safeParse(JSON.parse(message));
    return parsed.success ? parsed.data.mail?.tags?.correlationId?.[0] : undefined;
  } catch {
    return undefined;
  }
}

/** What a notification asks: addresses to suppress, or why it asks nothing (for the log). */
export type Outcome = { suppress: SuppressionRequest[] } | { ignore: string };

/**
 * Reads one SES notification (the SNS message body). A permanent bounce or a complaint suppresses its
 * recipients; a transient bounce (mailbox full, auto-reply) does not, since the next email may arrive.
 * @example classify('{"eventType":"Complaint","complaint":{"complainedRecipients":[{"emailAddress":"a@b.org"}]}}')
 *   // { suppress: [{ email: 'a@b.org', reason: 'complaint', … }] }
 */
export function classify(message: string, now = new Date().toISOString()): Outcome {
  let body: unknown;
  try {
    body = JSON.parse(message);
  } catch {
    return { ignore: 'not JSON' };
  }
  const parsed = sesEvent.safeParse(body);
  if (!parsed.success) return { ignore: 'not an SES notification' };
  const event = parsed.data;
  const type = event.eventType ?? event.notificationType;
  const sesMessageId = event.mail?.messageId;
  if (type === 'Bounce' && event.bounce) {
    const { bounceType, bounceSubType, bouncedRecipients, timestamp } = event.bounce;
    if (bounceType !== 'Permanent') return { ignore: `${bounceType} bounce` };
    const detail = [bounceType, bounceSubType].filter(Boolean).join('/');
    return {
      suppress: bouncedRecipients.map((r) => ({ email: r.emailAddress, reason: 'bounce', detail, at: timestamp ?? now, sesMessageId })),
    };
  }
  if (type === 'Complaint' && event.complaint) {
    const { complainedRecipients, complaintFeedbackType, timestamp } = event.complaint;
    return {
      suppress: complainedRecipients.map((r) => ({
        email: r.emailAddress,
        reason: 'complaint',
        detail: complaintFeedbackType,
        at: timestamp ?? now,
        sesMessageId,
      })),
    };
  }
  return { ignore: `${type ?? 'untyped'} event` };
}
