/**
 * Fine-bucket histograms of durations in days, kept as counters per period (stats are maintained from
 * the stream, so exact medians would need every duration; these buckets bound the error instead).
 *
 * A duration is stored in the bucket holding it, in hundredths of a day, with widths growing with the
 * duration: 0.01 d below 1 day, 0.05 d to 10 days, 0.1 d to 100 days, 1 d to 1,000 days, 10 d beyond.
 * A quantile is reported as its bucket's midpoint, so its error is at most half a bucket: ≤ 0.005 d
 * below 1 day, ≤ 0.025 d to 10 days, ≤ 0.05 d to 100 days, ≤ 0.5 d to 1,000 days (≤ 0.5 % of the value
 * beyond 100 days). A histogram holds at most ~2,200 buckets, however many items it counts.
 */
const TIERS = [
  { below: 100, width: 1 },
  { below: 1_000, width: 5 },
  { below: 10_000, width: 10 },
  { below: 100_000, width: 100 },
  { below: Number.POSITIVE_INFINITY, width: 1_000 },
];

function widthAt(hundredths: number): number {
  return (TIERS.find((t) => hundredths < t.below) as { width: number }).width;
}

/**
 * The bucket (its lower bound in hundredths of a day) holding a duration; negative durations (bad
 * source data) count as zero.
 * @example bucketOf(6.234) // 620
 */
export function bucketOf(days: number): number {
  const h = Math.max(0, Math.floor(days * 100 + 1e-9));
  const w = widthAt(h);
  return Math.floor(h / w) * w;
}

/** The value a bucket stands for: its midpoint, in days. */
export function bucketValue(lo: number): number {
  return (lo + widthAt(lo) / 2) / 100;
}

/** Days between two ISO instants (calendar days as elapsed time, SPEC §9). */
export function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

/**
 * A quantile of a histogram (bucket lower bound → count), by bucket midpoints. The median of an even
 * count averages the two middle values, as a direct computation would; other quantiles are nearest-rank.
 * Undefined for an empty histogram.
 * @example quantile(new Map([[100, 1], [200, 1]]), 0.5) // 1.505
 */
export function quantile(hist: Map<number, number>, q: number): number | undefined {
  const buckets = [...hist].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return undefined;
  const at = (rank: number) => {
    let seen = 0;
    for (const [lo, n] of buckets) {
      seen += n;
      if (seen >= rank) return bucketValue(lo);
    }
    return bucketValue((buckets.at(-1) as [number, number])[0]);
  };
  if (q === 0.5 && total % 2 === 0) return (at(total / 2) + at(total / 2 + 1)) / 2;
  return at(Math.max(1, Math.ceil(q * total)));
}

/** Rounds days to 0.01 (the precision SPEC §9 reports). */
export const round2 = (n: number) => Math.round(n * 100) / 100;
