import type { DigestChange } from '../../../shared/alerts/digest.js';
import type { AlertTarget } from '../../../shared/alerts/schemas.js';
import type { ItemFacts } from '../../../shared/email/templates.js';
import { keyHash } from './hash.js';
import { emailKey } from './subscriptions.js';

/**
 * Keys of alert delivery (docs/notifications.md, "Alert fan-out"): the jobs the notifier queues for
 * `instant` alerts, the entries it keeps for `daily` digests, and the sender's lease and status.
 *
 *   ALERTQ#<shard> <notification>#<item id>#<email key>  one queued alert email (shard: the address's hash)
 *   ALERTSENDER #LEASE | #STATUS                         the one running sender; its last backlog count
 *   DIGEST#<day> <email key>#<item id>#<change>          what a daily subscriber's digest of <day> lists
 *   DIGESTDLV#<day> <email key>                          the claim that sends one digest once (as DLV#)
 *   DIGESTDONE#<day> #DONE                               every digest of <day> was handled
 *
 * Job keys are derived from the notification and the address only, so a fan-out retried after a
 * failure rewrites the same jobs (never adds one), and the delivery claim at send time does the rest.
 */
/** Shards of the queue: each DynamoDB partition takes ~1,000 writes a second, so 10,000 jobs land in ~2.5 s, not 10. */
export const QUEUE_SHARDS = 4;
const JOB_TTL_SECONDS = 7 * 24 * 3600;
const DIGEST_TTL_SECONDS = 4 * 24 * 3600;

export const queuePK = (shard: number) => `ALERTQ#${shard}`;
export const shardOf = (email: string) => Number.parseInt(keyHash(email.trim().toLowerCase()).slice(0, 8), 16) % QUEUE_SHARDS;
export const senderLeaseKey = { PK: 'ALERTSENDER', SK: '#LEASE' } as const;
export const senderStatusKey = { PK: 'ALERTSENDER', SK: '#STATUS' } as const;
export const digestPK = (day: string) => `DIGEST#${day}`;
export const digestClaimKey = (day: string, email: string) => ({ PK: `DIGESTDLV#${day}`, SK: emailKey(email) });
export const digestDoneKey = (day: string) => ({ PK: `DIGESTDONE#${day}`, SK: '#DONE' });

/** One queued email to an `instant` alert: everything the sender needs, so sending reads only the item. */
export interface AlertJob {
  PK: string;
  SK: string;
  itemId: string;
  /** The notification that caused it: with the address, its delivery claim (exactly once). */
  notificationSK: string;
  email: string;
  alertId: string;
  target: AlertTarget;
  unsubscribeToken: string;
  change: 'new' | 'updated';
  /** Written in the alert's language (its service name, status label and link). */
  facts: ItemFacts;
  /** The alert's language (absent: the default language). */
  language?: string;
  queuedAt: string;
  /** The write's correlation id (functions/lib/correlation.ts), carried to the SES message tag and the delivery record. */
  correlationId?: string;
}

export function alertJobRecord(job: Omit<AlertJob, 'PK' | 'SK'>): AlertJob & { entity: string; expiresAt: number } {
  return {
    PK: queuePK(shardOf(job.email)),
    SK: `${job.notificationSK.replace(/^NTF#/, '')}#${job.itemId}#${emailKey(job.email)}`,
    entity: 'alert-job',
    ...job,
    expiresAt: Math.floor(Date.parse(job.queuedAt) / 1000) + JOB_TTL_SECONDS,
  };
}

/** One line of a daily subscriber's digest: an item that changed, and which alert matched it. */
export interface DigestEntry {
  PK: string;
  SK: string;
  email: string;
  itemId: string;
  change: DigestChange;
  alertId: string;
  target: AlertTarget;
  unsubscribeToken: string;
  at: string;
}

export function digestEntryRecord(day: string, entry: Omit<DigestEntry, 'PK' | 'SK'>): DigestEntry & { entity: string; expiresAt: number } {
  return {
    PK: digestPK(day),
    SK: `${emailKey(entry.email)}#${entry.itemId}#${entry.change}`,
    entity: 'digest-entry',
    ...entry,
    expiresAt: Math.floor(Date.parse(`${day}T00:00:00Z`) / 1000) + DIGEST_TTL_SECONDS,
  };
}

/** The email key an entry's sort key starts with (entries of one address are consecutive). */
export const entryAddress = (sk: string) => sk.slice(0, sk.indexOf('#'));
