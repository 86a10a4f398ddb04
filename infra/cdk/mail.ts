import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { ConfigurationSet, EmailSendingEvent, EventDestination, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '../../functions/lib/env.js';
import { checkSender } from './config.js';
import { boardFunction } from './lambda.js';

/**
 * Email in production: an SES configuration set every email is sent through, whose bounce and complaint
 * events go (SNS, encrypted) to functions/ses-events/handler.ts, which writes a suppression record per
 * address; the notifier skips suppressed addresses. The configuration set also turns on SES's own
 * suppression for bounces and complaints, so even a send that bypassed the board's check is dropped.
 * Refuses a sender on an example domain (a synth-time error), since no mail from it would arrive.
 */
export class MailEvents extends Construct {
  readonly configurationSet: ConfigurationSet;
  readonly topic: Topic;
  readonly fn: NodejsFunction;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: { table: Table; senderEmail: string }) {
    super(scope, id);
    checkSender(props.senderEmail);
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      reputationMetrics: true,
    });
    // Bounce and complaint events carry recipients' addresses: encrypted with a key SES may use.
    const key = new Key(this, 'EventsKey', { enableKeyRotation: true, description: 'civicboard: SES bounce and complaint events' });
    key.grant(new ServicePrincipal('ses.amazonaws.com'), 'kms:GenerateDataKey*', 'kms:Decrypt');
    this.topic = new Topic(this, 'Events', { masterKey: key, enforceSSL: true });
    this.configurationSet.addEventDestination('ToBoard', {
      destination: EventDestination.snsTopic(this.topic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });

    this.fn = boardFunction(this, 'Handler', 'ses-events/handler', { [ENV.tableName]: props.table.tableName }, Duration.seconds(30));
    // It only writes suppression records.
    this.fn.addToRolePolicy(new PolicyStatement({ actions: ['dynamodb:PutItem'], resources: [props.table.tableArn] }));
    this.deadLetters = new Queue(this, 'UndeliveredEvents', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.topic.addSubscription(new LambdaSubscription(this.fn, { deadLetterQueue: this.deadLetters }));
    Validations.of(this.deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue of the SES events subscription; its depth is alarmed and a person replays what lands there (docs/runbook.md).',
    });
  }

  /** Lets a function send through the configuration set (SES checks the identity and the set). */
  allowSending(fn: NodejsFunction, sesIdentity: string): void {
    const stack = Stack.of(this);
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendRawEmail', 'ses:SendEmail'],
        resources: [
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: sesIdentity }),
          stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName }),
        ],
      }),
    );
    fn.addEnvironment(ENV.sesConfigurationSet, this.configurationSet.configurationSetName);
  }
}
