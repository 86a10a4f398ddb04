/** What every suite is given and gives back. */
export interface BenchOptions {
  quick: boolean;
  /** Concurrency of every load run (autocannon connections = in-process workers). */
  connections: number;
  seconds: number;
  warmup: number;
  /** The map suite's table sizes after its first 1,000 reports, ascending (`--map-sizes`). */
  mapSizes?: number[];
  log: (line: string) => void;
}

/** One target from the issue, checked against a measured value (reported, never asserted). */
export interface TargetCheck {
  name: string;
  target: string;
  value: string;
  met: boolean;
}

export interface SuiteResult {
  /** Markdown printed after the run and pasted into docs/performance.md. */
  markdown: string;
  targets: TargetCheck[];
  data: unknown;
  /**
   * What went wrong in a way that makes figures meaningless (an event the function refused, a fixture
   * that could not be made): printed under "Errors" and the run exits 1, so it cannot pass unnoticed.
   */
  errors?: string[];
}

/** A markdown table from rows of cells. */
export function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.map(String).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A tiny deterministic PRNG so every run asks for the same boxes and services. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
