import { StaleVersionError } from '../../shared/errors.js';
import type { Item } from '../../shared/items.js';
import { type ChangeSet, commit } from '../store/commit.js';
import { backoff, CommitError } from '../store/errors.js';
import { getItem, type Kind } from '../store/items.js';

/** How many times a write without If-Match decides again after losing a race, before giving up with 412. */
const MAX_ATTEMPTS = 6;

/**
 * The shape of every change to an existing item: read it (strongly, of the kind the route serves), decide
 * the change on it, commit it only if it is still at the version read. With If-Match the caller's version
 * must be the current one (else 412); without it a lost race is decided again on fresh state, so the
 * decision ("is this move still allowed?") is always taken on what is stored. A change with no events
 * writes nothing and returns the item as it is.
 */
export async function updateItem(
  idOrReference: string,
  kind: Kind,
  decide: (current: Item) => Omit<ChangeSet, 'before'> | Promise<Omit<ChangeSet, 'before'>>,
  ifMatch?: number,
): Promise<Item> {
  for (let attempt = 1; ; attempt++) {
    const current = await getItem(idOrReference, { kind, consistent: true });
    if (ifMatch !== undefined && ifMatch !== current.version) throw new StaleVersionError(current.version);
    const set = await decide(current);
    if (set.change.events.length === 0) return current;
    try {
      await commit({ ...set, before: current });
      return set.change.item;
    } catch (err) {
      if (!(err instanceof CommitError) || (err.reason !== 'stale' && err.reason !== 'contention')) throw err;
      if (attempt >= MAX_ATTEMPTS) throw new StaleVersionError();
      await backoff(attempt);
    }
  }
}
