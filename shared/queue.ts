export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

const RANK: Record<Priority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

/**
 * Where a priority sorts in the queue: 0 for urgent (first) to 3 for low.
 * @example queueRank('urgent') // 0
 */
export const queueRank = (priority: Priority): number => RANK[priority];

/**
 * A string that sorts items in queue order: priority (urgent first), then age (oldest first), then id
 * so that two items never tie. Stored as the queue index's sort key.
 * @example queueSortKey({priority: 'urgent', createdAt: '2026-01-02T00:00:00.000Z', id: 'b'}) < queueSortKey({priority: 'normal', createdAt: '2025-01-01T00:00:00.000Z', id: 'a'}) // true
 */
export function queueSortKey(item: { priority: Priority; createdAt: string; id: string }): string {
  return `${queueRank(item.priority)}#${item.createdAt}#${item.id}`;
}

/** Compares two items in queue order; for sorting in memory the same way the index does. */
export function compareQueueOrder(
  a: { priority: Priority; createdAt: string; id: string },
  b: { priority: Priority; createdAt: string; id: string },
): number {
  const ka = queueSortKey(a);
  const kb = queueSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** "1st", "2nd", "12th": how a queue position reads in a sentence. */
export function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
}
