/**
 * What an item response adds when its history was cut to the latest events (HISTORY_LIMIT in
 * functions/store/items.ts): `historyTruncated: true`, so a client knows older events exist. Nothing
 * otherwise, so responses for ordinary items are unchanged.
 */
export const truncated = (historyTruncated: boolean): { historyTruncated?: true } => (historyTruncated ? { historyTruncated: true } : {});
