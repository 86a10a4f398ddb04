/** Small statistics helpers: every figure the bench prints goes through these. */

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const median = (samples: number[]) => percentile(samples, 50);

/** Rounds for display and JSON: 1 decimal below 100, whole numbers above. */
export function round(n: number): number {
  if (!Number.isFinite(n)) return n;
  return Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 10) / 10;
}

/** a ÷ b rounded to 2 decimals (NaN when b is 0). */
export const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 100) / 100 : Number.NaN);
