import type { Node } from 'constructs';
import { jurisdiction } from '../../shared/jurisdiction/index.js';

/** Optional production features, off unless set in context (`-c waf=true` …): each costs money or quota. */
export interface Features {
  /** A WAF web ACL on CloudFront (AWS managed rule groups + a per-address rate rule), in its own us-east-1 stack. */
  waf: boolean;
  /** Requests per 5 minutes one address may make before the WAF rate rule blocks it. */
  wafRateLimit: number;
  /**
   * Reserved concurrency: `public` caps each public route's function, so a flood of public reads cannot take
   * the account's whole pool; `staff` and `consumers` (notifier, counters, mail events) reserve capacity for
   * staff routes and the stream consumers. Needs an account concurrency quota well above the sum.
   */
  reservedConcurrency?: { public?: number; staff?: number; consumers?: number };
  /** A monthly AWS Budgets cost budget in USD, alerting the alarm address at 80% actual and 100% forecast. */
  budgetMonthlyUsd?: number;
  /**
   * X-Ray active tracing of every function with Powertools Tracer from its Lambda layer (infra/cdk/tracing.ts).
   * On unless `tracing=false`: sampled, it costs cents a month at a council's traffic (docs/runbook.md).
   */
  tracing: boolean;
  /** The Powertools layer version to trace with (default infra/cdk/tracing.ts POWERTOOLS_LAYER_VERSION). */
  powertoolsLayerVersion?: number;
}

/** Deploy-time settings, from CDK context (`-c key=value` or cdk.json) or the environment. */
export interface DeployConfig {
  /** The From address of every email, e.g. "Demo City board <no-reply@board.democity.gov.uk>" (default: the jurisdiction's `mail.from`). */
  senderEmail: string;
  /** The verified SES identity (domain or address) the sender belongs to. */
  sesIdentity: string;
  /** Optional custom domain for the board, with an ACM certificate in us-east-1. */
  domainName?: string;
  certificateArn?: string;
  /** Optional address that receives alarm notifications (and budget alerts). */
  alarmEmail?: string;
  /** During an origin-secret rotation: the VersionId of the old value, still accepted by the API. */
  originSecretPreviousVersion?: string;
  /** Alert emails a second the alert sender may send (`-c alertSendRate=`): the account's SES sending rate or less (default 14). */
  alertSendRate?: number;
  features: Features;
}

export const DEFAULT_FEATURES: Features = { waf: false, wafRateLimit: 1000, tracing: true };

function read(node: Node, key: string, env: string): string | undefined {
  const value = node.tryGetContext(key) ?? process.env[env];
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/**
 * Domains reserved for documentation and testing (RFC 2606, RFC 6761): mail "from" them is refused by
 * every receiving server, so a board deployed with one would silently email no one.
 */
const RESERVED_DOMAIN = /(^|\.)(example\.(com|net|org)|example|test|invalid|localhost|local)$/i;

/** The address inside "Name <address>", or the whole value. */
export const addressOf = (sender: string) => /<([^>]+)>/.exec(sender)?.[1] ?? sender;

/**
 * Refuses a sender that cannot work in production: not an address, or on a reserved example domain.
 * Called when the mail construct is built, so `cdk synth` and `cdk deploy` stop with this message.
 */
export function checkSender(senderEmail: string | undefined): string {
  if (!senderEmail) {
    throw new Error(
      'senderEmail is not set: deploy with -c senderEmail="Your board <no-reply@board.your-council.gov>" (an address on a domain verified in SES; docs/deploy.md, "Email")',
    );
  }
  const address = addressOf(senderEmail);
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) throw new Error(`senderEmail "${senderEmail}" is not an email address`);
  const domain = address.split('@')[1] as string;
  if (RESERVED_DOMAIN.test(domain)) {
    throw new Error(
      `senderEmail "${senderEmail}" is on ${domain}, a domain reserved for examples: no mail from it would ever arrive. Use an address on your own domain, verified in SES with DKIM (docs/deploy.md, "Email").`,
    );
  }
  return senderEmail;
}

function positiveInt(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1, not "${raw}"`);
  return n;
}

function reservedConcurrency(raw: string | undefined): Features['reservedConcurrency'] {
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`reservedConcurrency must be JSON like {"public":20,"staff":5,"consumers":5}, not ${raw}`);
  const out: NonNullable<Features['reservedConcurrency']> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (key !== 'public' && key !== 'staff' && key !== 'consumers')
      throw new Error(`reservedConcurrency: "${key}" is not one of public, staff, consumers`);
    out[key] = positiveInt(`reservedConcurrency.${key}`, String(value));
  }
  return out;
}

/** Reads the feature flags; throws naming the flag that is wrong. */
export function features(node: Node): Features {
  const waf = read(node, 'waf', 'CIVICBOARD_WAF');
  if (waf !== undefined && waf !== 'true' && waf !== 'false') throw new Error(`waf must be true or false, not "${waf}"`);
  const tracing = read(node, 'tracing', 'CIVICBOARD_TRACING');
  if (tracing !== undefined && tracing !== 'true' && tracing !== 'false')
    throw new Error(`tracing must be true or false, not "${tracing}"`);
  return {
    waf: waf === 'true',
    tracing: tracing !== 'false',
    powertoolsLayerVersion: positiveInt(
      'powertoolsLayerVersion',
      read(node, 'powertoolsLayerVersion', 'CIVICBOARD_POWERTOOLS_LAYER_VERSION'),
    ),
    wafRateLimit: positiveInt('wafRateLimit', read(node, 'wafRateLimit', 'CIVICBOARD_WAF_RATE_LIMIT')) ?? DEFAULT_FEATURES.wafRateLimit,
    reservedConcurrency: reservedConcurrency(read(node, 'reservedConcurrency', 'CIVICBOARD_RESERVED_CONCURRENCY')),
    budgetMonthlyUsd: positiveInt('budgetMonthlyUsd', read(node, 'budgetMonthlyUsd', 'CIVICBOARD_BUDGET_MONTHLY_USD')),
  };
}

/** Reads and checks the deploy settings; throws naming the setting that is wrong. */
export function deployConfig(node: Node): DeployConfig {
  const senderEmail = checkSender(read(node, 'senderEmail', 'CIVICBOARD_SENDER_EMAIL') ?? jurisdiction.mail.from);
  const domainName = read(node, 'domainName', 'CIVICBOARD_DOMAIN');
  const certificateArn = read(node, 'certificateArn', 'CIVICBOARD_CERTIFICATE_ARN');
  if (domainName && !certificateArn) throw new Error('domainName needs certificateArn (an ACM certificate in us-east-1)');
  const config: DeployConfig = {
    senderEmail,
    sesIdentity: read(node, 'sesIdentity', 'CIVICBOARD_SES_IDENTITY') ?? (addressOf(senderEmail).split('@')[1] as string),
    domainName,
    certificateArn,
    alarmEmail: read(node, 'alarmEmail', 'CIVICBOARD_ALARM_EMAIL'),
    originSecretPreviousVersion: read(node, 'originSecretPreviousVersion', 'CIVICBOARD_ORIGIN_SECRET_PREVIOUS_VERSION'),
    alertSendRate: positiveInt('alertSendRate', read(node, 'alertSendRate', 'CIVICBOARD_ALERT_SEND_RATE')),
    features: features(node),
  };
  if (config.features.budgetMonthlyUsd && !config.alarmEmail)
    throw new Error('budgetMonthlyUsd needs alarmEmail: the budget alerts go there');
  return config;
}
