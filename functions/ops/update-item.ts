import { StaleVersionError } from '../../shared/errors.js';
import type { Item } from '../../shared/items.js';
import { type ChangeSet, commit } from '../store/commit.js';
import { CommitError } from '../store/errors.js';
import { getItem, type Kind } from '../store/items.js';
import { contended } from './contention.js';

/**
 * The shape of every change to an existing item: read it (strongly, of the kind the route serves), decide
 * the change on it, commit it only if it is still at the version read.
 * - With If-Match the caller's version must be the current one, else 412: they asked to change what they saw.
 * - Without it, a lost race is decided again on fresh state (so "is this move still allowed?" is always
 *   answered on what is stored) until it commits: a write without If-Match never fails because someone
 *   else wrote first. Only a store too busy to let it through in time ends it, with a 503 to retry.
 * A change with no events writes nothing and returns the item as it is.
 */
export async function updateItem(
  idOrReference: string,
  kind: Kind,
  decide: (current: Item) => Omit<ChangeSet, 'before'> | Promise<Omit<ChangeSet, 'before'>>,
  ifMatch?: number,
): Promise<Item> {
  const retry = contended();
  for (;;) {
    const current = await getItem(idOrReference, { kind, consistent: true });
    if (ifMatch !== undefined && ifMatch !== current.version) throw new StaleVersionError(current.version);
    const set = await decide(current);
    if (set.change.events.length === 0) return current;
    try {
      await commit({ ...set, before: current });
      return set.change.item;
    } catch (err) {
      if (!(err instanceof CommitError) || (err.reason !== 'stale' && err.reason !== 'contention')) throw err;
      // With If-Match, the next read shows the caller a newer version: 412 with its ETag.
      await retry.pause();
    }
  }
}
