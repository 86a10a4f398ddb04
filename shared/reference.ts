/** Prefix of road-fault references: what a citizen reads out on the phone, e.g. "RF-4821573". */
export const REPORT_REFERENCE_PREFIX = 'RF';

/** A reference looks like letters, a dash and digits; anything else is taken as an opaque id. */
export const REFERENCE_PATTERN = /^[A-Z]{2,4}-\d{4,9}$/;

/**
 * A new random reference. Seven digits keep it short to read out while leaving ten million values,
 * so collisions stay rare at city scale; the store still checks uniqueness and retries on a clash.
 * @example newReference() // 'RF-4821573'
 */
export function newReference(prefix = REPORT_REFERENCE_PREFIX): string {
  const [n] = crypto.getRandomValues(new Uint32Array(1)) as unknown as [number];
  return `${prefix}-${String(n % 10_000_000).padStart(7, '0')}`;
}

/** Whether a path parameter is a reference (case-insensitive) rather than an id. */
export function isReference(value: string): boolean {
  return REFERENCE_PATTERN.test(value.toUpperCase());
}
