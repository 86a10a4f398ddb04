/** Reads DynamoDB's cancellation reasons off a failed TransactWriteItems. */
export function cancellationCodes(err: unknown): string[] | undefined {
  if (!(err instanceof Error) || err.name !== 'TransactionCanceledException') return undefined;
  const reasons = (err as Error & { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.map((r) => r.Code ?? 'None');
}

/** True when a write lost a race: a condition failed or another transaction held the item. */
export function isWriteConflict(err: unknown): boolean {
  const codes = cancellationCodes(err);
  if (codes) return codes.some((c) => c === 'ConditionalCheckFailed' || c === 'TransactionConflict');
  return err instanceof Error && (err.name === 'ConditionalCheckFailedException' || err.name === 'TransactionConflictException');
}

/** A short random pause before retrying a lost race, longer with each attempt, so racers spread out. */
export const backoff = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));

/** What made a change set's transaction fail, named for the operation that decides what to do about it. */
export type CommitFailure =
  /** The item moved on since it was read (or a new item's id exists): decide again on fresh state. */
  | 'stale'
  /** Another transaction held a record the change touches: try again shortly. */
  | 'contention'
  /** The new item's random reference belongs to another item: pick another. */
  | 'reference-taken'
  /** The Idempotency-Key was used before: the first request's item stands. */
  | 'idempotency-key-used'
  /** A photo upload is not (or no longer) ready to attach: used by another report, or gone. */
  | 'upload-unavailable'
  /** The bill number exists in that session already. */
  | 'bill-number-taken'
  /** The item's team was already emailed about this SLA level (escalation runs at most once per level). */
  | 'escalated-already';

/** A change set that did not commit; nothing of it was written. */
export class CommitError extends Error {
  constructor(readonly reason: CommitFailure) {
    super(`change set not committed: ${reason}`);
    this.name = 'CommitError';
  }
}
