/**
 * The Lambda event-source filter for the notifier: only INSERTs of notification records invoke it.
 * Without it every stream record did (~28 of ~32 records per report did nothing, including the
 * notifier's own delivery writes and TTL deletions). CDK puts it on the event source mapping
 * (infra/cdk/notifier.ts); the local stream poller applies the same pattern with `matchesFilter`.
 * `notificationOf()` still checks the same two things, so a record that slips through is ignored.
 */
export const NOTIFIER_FILTER = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { entity: { S: ['notification'] } } },
} as const;

type Pattern = { readonly [key: string]: Pattern | readonly (string | number | boolean)[] };

/**
 * Whether a record matches a filter pattern, in the subset of Lambda's filter syntax the board uses:
 * nested objects, and arrays of exact values (the field must equal one of them).
 * @example matchesFilter(NOTIFIER_FILTER, { eventName: 'INSERT', dynamodb: { NewImage: { entity: { S: 'notification' } } } }) // true
 */
export function matchesFilter(pattern: Pattern, value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(pattern).every(([key, expected]) => {
    const actual = (value as Record<string, unknown>)[key];
    if (Array.isArray(expected)) return expected.includes(actual as string | number | boolean);
    return matchesFilter(expected as Pattern, actual);
  });
}
