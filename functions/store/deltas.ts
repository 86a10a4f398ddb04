/** A counter record's key, before sharding (its shard is picked by whoever writes to it). */
export type CounterKey = { PK: string; SK: string };

/** How much one counter changes. */
export type Delta = { key: CounterKey; delta: number };

/**
 * The net change to each counter when items go from `before` to `after` (either may be absent): -1 on
 * every counter the old item counted in, +1 on every one the new item counts in, summed per counter, and
 * counters whose changes cancel out left out. Each derived view (queue, month, area, map cells) says only
 * which counters an item counts in.
 * @example netDeltas([{ after: item }], keysOf) // [{ key: <item's counter>, delta: 1 }, …]
 */
export function netDeltas<T>(changes: { before?: T; after?: T }[], keysOf: (item: T | undefined) => readonly CounterKey[]): Delta[] {
  return sumDeltas(
    changes.flatMap(({ before, after }) => [
      ...keysOf(before).map((key) => ({ key, delta: -1 })),
      ...keysOf(after).map((key) => ({ key, delta: +1 })),
    ]),
  );
}

/** Changes summed per counter, in first-seen order, those that cancel out left out: one update per counter. */
export function sumDeltas(deltas: Iterable<Delta>): Delta[] {
  const net = new Map<string, Delta>();
  for (const { key, delta } of deltas) {
    const id = `${key.PK}\n${key.SK}`;
    net.set(id, { key, delta: (net.get(id)?.delta ?? 0) + delta });
  }
  return [...net.values()].filter((d) => d.delta !== 0);
}
