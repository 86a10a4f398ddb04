import type { SNSEvent } from 'aws-lambda';

/**
 * SES event-publishing notifications as a configuration set's SNS destination delivers them, in the
 * shape of the examples in the SES developer guide ("Examples of event data that Amazon SES publishes
 * to Amazon SNS"), wrapped in the SNS → Lambda envelope. Only the addresses and ids vary.
 */
function mail(to: string[], messageId: string) {
  return {
    timestamp: '2026-12-01T10:00:00.000Z',
    source: 'Demo City board <no-reply@board.democity.gov.uk>',
    sourceArn: 'arn:aws:ses:eu-west-2:123456789012:identity/board.democity.gov.uk',
    sendingAccountId: '123456789012',
    messageId,
    destination: to,
    headersTruncated: false,
    headers: [{ name: 'To', value: to.join(', ') }],
    commonHeaders: { from: ['no-reply@board.democity.gov.uk'], to, subject: 'We received your report' },
    tags: { 'ses:configuration-set': ['civicboard'], 'ses:source-ip': ['192.0.2.0'] },
  };
}

export function bounceEvent(to: string, bounceType: 'Permanent' | 'Transient', messageId = `0100-${Date.now()}`) {
  return {
    eventType: 'Bounce',
    bounce: {
      bounceType,
      bounceSubType: bounceType === 'Permanent' ? 'General' : 'MailboxFull',
      bouncedRecipients: [
        { emailAddress: to, action: 'failed', status: '5.1.1', diagnosticCode: `smtp; 550 5.1.1 <${to}>... User unknown` },
      ],
      timestamp: '2026-12-01T10:00:02.000Z',
      feedbackId: `0100-feedback-${messageId}`,
      reportingMTA: 'dsn; e226-55.smtp-out.eu-west-2.amazonses.com',
    },
    mail: mail([to], messageId),
  };
}

export function complaintEvent(to: string, messageId = `0100-${Date.now()}`) {
  return {
    eventType: 'Complaint',
    complaint: {
      complainedRecipients: [{ emailAddress: to }],
      timestamp: '2026-12-01T10:05:00.000Z',
      feedbackId: `0100-complaint-${messageId}`,
      userAgent: 'Mozilla/5.0',
      complaintFeedbackType: 'abuse',
      arrivalDate: '2026-12-01T10:04:59.000Z',
    },
    mail: mail([to], messageId),
  };
}

/** The SNS → Lambda event carrying SES notifications (one record each). */
export function snsEvent(...messages: unknown[]): SNSEvent {
  return {
    Records: messages.map((message, i) => ({
      EventSource: 'aws:sns',
      EventVersion: '1.0',
      EventSubscriptionArn: 'arn:aws:sns:eu-west-2:123456789012:civicboard-ses-events:1f6c8b3e',
      Sns: {
        Type: 'Notification',
        MessageId: `sns-${i}-${Date.now()}`,
        TopicArn: 'arn:aws:sns:eu-west-2:123456789012:civicboard-ses-events',
        Subject: null as unknown as string,
        Message: JSON.stringify(message),
        Timestamp: '2026-12-01T10:00:03.000Z',
        SignatureVersion: '1',
        Signature: 'EXAMPLE',
        SigningCertUrl: 'https://sns.eu-west-2.amazonaws.com/SimpleNotificationService-example.pem',
        UnsubscribeUrl: 'https://sns.eu-west-2.amazonaws.com/?Action=Unsubscribe',
        MessageAttributes: {},
      },
    })),
  };
}
