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
