import { getBill } from '../store/bills.js';
import { getItem } from '../store/items.js';
import { takeMailAllowance } from '../store/limits.js';
import { confirmFollower, findSubscription, removeFollower, requestConfirmation } from '../store/subscriptions.js';
import { limitClient } from './limits.js';
import { refuseHidden } from './read-reports.js';

/**
 * Someone asks to follow a report or a bill: a pending follower and a confirmation email; nothing else
 * is sent until they confirm. Asking again while pending sends a new link (the old one stops working),
 * so a follow someone else registered for an address never locks its owner out. An address that already
 * follows changes nothing, and the caller is never told which happened.
 *
 * Anti-automation (docs/limits.md): the request counts against its client's follow limits (429 over
 * them); the confirmation counts against the address's email limit, and over that nothing is sent.
 * `language` (the request's, functions/lib/language.ts) is kept with the follow: its emails use it.
 */
export async function followItem(
  kind: 'report' | 'bill',
  idOrRef: string,
  email: string,
  sourceIp: string,
  language?: string,
): Promise<void> {
  await limitClient('follow', sourceIp);
  const item = kind === 'bill' ? await getBill(idOrRef) : await getItem(idOrRef, { kind });
  refuseHidden(item); // a report the council removed takes no new followers (410)
  const existing = await findSubscription(item.id, email);
  if (existing?.status === 'confirmed') return;
  if (!(await takeMailAllowance(email))) return;
  await requestConfirmation(item.id, email, existing, language);
}

/** The confirmation link: the follower starts receiving updates. NotFoundError for a used, replaced, expired or unknown token. */
export async function confirmFollow(token: string): Promise<void> {
  await confirmFollower(token);
}

/** The one-click unsubscribe link: no further email to that address about that item. */
export async function unfollow(token: string): Promise<void> {
  await removeFollower(token);
}
