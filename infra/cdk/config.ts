import type { Node } from 'constructs';
import { jurisdiction } from '../../shared/jurisdiction/index.js';

/** Deploy-time settings, from CDK context (`-c key=value` or cdk.json) or the environment. */
export interface DeployConfig {
  /** The From address of every email, e.g. "Demo City board <no-reply@board.example.org>" (default: the jurisdiction's `mail.from`). */
  senderEmail: string;
  /** The verified SES identity (domain or address) the sender belongs to. */
  sesIdentity: string;
  /** Optional custom domain for the board, with an ACM certificate in us-east-1. */
  domainName?: string;
  certificateArn?: string;
  /** Optional address that receives alarm notifications. */
  alarmEmail?: string;
  /** During an origin-secret rotation: the VersionId of the old value, still accepted by the API. */
  originSecretPreviousVersion?: string;
}

function read(node: Node, key: string, env: string): string | undefined {
  const value = node.tryGetContext(key) ?? process.env[env];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** Reads and checks the deploy settings; throws naming the setting that is wrong. */
export function deployConfig(node: Node): DeployConfig {
  const senderEmail = read(node, 'senderEmail', 'CIVICBOARD_SENDER_EMAIL') ?? jurisdiction.mail.from;
  const address = /<([^>]+)>/.exec(senderEmail)?.[1] ?? senderEmail;
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) throw new Error(`senderEmail "${senderEmail}" is not an email address`);
  const domainName = read(node, 'domainName', 'CIVICBOARD_DOMAIN');
  const certificateArn = read(node, 'certificateArn', 'CIVICBOARD_CERTIFICATE_ARN');
  if (domainName && !certificateArn) throw new Error('domainName needs certificateArn (an ACM certificate in us-east-1)');
  return {
    senderEmail,
    sesIdentity: read(node, 'sesIdentity', 'CIVICBOARD_SES_IDENTITY') ?? (address.split('@')[1] as string),
    domainName,
    certificateArn,
    alarmEmail: read(node, 'alarmEmail', 'CIVICBOARD_ALARM_EMAIL'),
    originSecretPreviousVersion: read(node, 'originSecretPreviousVersion', 'CIVICBOARD_ORIGIN_SECRET_PREVIOUS_VERSION'),
  };
}
