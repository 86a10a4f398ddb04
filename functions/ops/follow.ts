import { getBill } from '../store/bills.js';
import { getItem } from '../store/items.js';
import { addPendingFollower, confirmFollower, removeFollower } from '../store/subscriptions.js';

/**
 * Someone asks to follow a report or a bill: a pending follower and a confirmation email; nothing else
 * is sent until they confirm. An address that already follows changes nothing, and the caller is never
 * told which happened.
 */
export async function followItem(kind: 'report' | 'bill', idOrRef: string, email: string): Promise<void> {
  const item = kind === 'bill' ? await getBill(idOrRef) : await getItem(idOrRef, { kind });
  await addPendingFollower(item.id, email);
}

/** The confirmation link: the follower starts receiving updates. NotFoundError for a used or unknown token. */
export async function confirmFollow(token: string): Promise<void> {
  await confirmFollower(token);
}

/** The one-click unsubscribe link: no further email to that address about that item. */
export async function unfollow(token: string): Promise<void> {
  await removeFollower(token);
}
