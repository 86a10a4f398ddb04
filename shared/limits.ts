/**
 * Anti-automation limits on public writes (docs/limits.md). Pure: the numbers, and how a client and an
 * email address are named for counting. The store counts (functions/store/limits.ts); the operations
 * decide what a refusal means.
 */

/** At most `limit` requests in `seconds`, the window starting at the first request it counts. */
export interface LimitWindow {
  limit: number;
  seconds: number;
}

/** The public writes limited per client. */
export const CLIENT_ACTIONS = ['report', 'follow', 'flag', 'upload'] as const;
export type ClientAction = (typeof CLIENT_ACTIONS)[number];

export interface Limits {
  /** Per client network (an IPv4 address or an IPv6 /64), per kind of public write: over it, 429. */
  perClient: Record<ClientAction, LimitWindow[]>;
  /**
   * Per email address: acknowledgements and follow confirmations, the emails anyone can make the board
   * send to an address nobody has confirmed. Over it the write still happens, without the email.
   */
  mailPerAddress: LimitWindow[];
}

const MINUTES = 60;
const DAY = 24 * 3600;

/**
 * The defaults: generous for a citizen walking a street and reporting what they see, or following the
 * items on their road; tight enough that one script cannot flood the board or someone's inbox. A
 * council raises them with RATE_LIMITS, and exempts its own contact centre's network with
 * RATE_LIMIT_EXEMPT.
 */
export const DEFAULT_LIMITS: Limits = {
  perClient: {
    report: [
      { limit: 10, seconds: 10 * MINUTES },
      { limit: 50, seconds: DAY },
    ],
    follow: [
      { limit: 20, seconds: 10 * MINUTES },
      { limit: 100, seconds: DAY },
    ],
    // Someone reading the board flags what should not be there: a few a session is plenty.
    flag: [
      { limit: 10, seconds: 10 * MINUTES },
      { limit: 30, seconds: DAY },
    ],
    // Up to 3 photos per report, with room to replace a few: 3x the report limits.
    upload: [
      { limit: 30, seconds: 10 * MINUTES },
      { limit: 150, seconds: DAY },
    ],
  },
  mailPerAddress: [
    { limit: 5, seconds: 60 * MINUTES },
    { limit: 15, seconds: DAY },
  ],
};

/** What each limited action is called in a 429's detail. */
const NOUNS: Record<ClientAction, string> = { report: 'reports', follow: 'follow requests', flag: 'flags', upload: 'photo uploads' };

/**
 * The client a request is counted against: an IPv4 address (IPv4-mapped IPv6 unwrapped), or the /64 of
 * an IPv6 address, since one household or phone is routinely given a whole /64.
 * @example clientNetwork('2001:db8:1:2:aaaa::1') // '2001:db8:1:2::/64'
 */
export function clientNetwork(ip: string): string {
  const address = ip.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return mapped[1] as string;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * The mailbox an address delivers to, for counting: case and sub-addresses (`+tag`) do not make a new
 * mailbox, nor do dots in a Gmail address, so `Victim+1@gmail.com` and `v.ictim@gmail.com` share one count.
 * @example mailboxOf('Jo.Bloggs+board@Gmail.com') // 'jobloggs@gmail.com'
 */
export function mailboxOf(email: string): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at < 0) return address;
  const domain = address.slice(at + 1);
  let local = address.slice(0, at).split('+')[0] as string;
  if (domain === 'gmail.com' || domain === 'googlemail.com') local = local.replaceAll('.', '');
  return `${local}@${domain}`;
}

/** "7 minutes", "1 hour", "45 seconds": the wait a person reads in a 429. */
export function describeWait(seconds: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (seconds < 90) return unit(Math.max(1, Math.ceil(seconds)), 'second');
  if (seconds < 90 * MINUTES) return unit(Math.ceil(seconds / MINUTES), 'minute');
  return unit(Math.ceil(seconds / 3600), 'hour');
}

/** "every 10 minutes", "a day". */
function per(seconds: number): string {
  if (seconds === DAY) return 'a day';
  if (seconds === 3600) return 'an hour';
  return `every ${describeWait(seconds)}`;
}

/**
 * The detail of a 429: what the limit is and when to retry.
 * @example refusalDetail('report', { limit: 10, seconds: 600 }, 420, new Date('2025-01-01T12:00:00Z'))
 * // 'Too many reports from your network: we accept at most 10 every 10 minutes. Try again in 7 minutes (after 2025-01-01 12:07 UTC).'
 */
export function refusalDetail(action: ClientAction, window: LimitWindow, retryAfterSeconds: number, now: Date): string {
  const at = new Date(now.getTime() + retryAfterSeconds * 1000).toISOString().slice(0, 16).replace('T', ' ');
  return (
    `Too many ${NOUNS[action]} from your network: we accept at most ${window.limit} ${per(window.seconds)}. ` +
    `Try again in ${describeWait(retryAfterSeconds)} (after ${at} UTC).`
  );
}
