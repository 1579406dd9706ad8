/** One benchmark's result line: the last line a benchmark prints. */
export interface BenchResult {
  /** Benchmark name. */
  bench: string;
  /** What was measured, e.g. "p50_ratio_vs_raw_ws". */
  metric: string;
  /** The measured value. */
  value: number;
  /** The goal, as a comparison, e.g. "<= 3". */
  goal: string;
  /** Whether the goal was met. */
  met: boolean;
  /** Supporting numbers. */
  details?: Record<string, number | string>;
}

/** Prints the result line; exits non-zero when the goal is missed. */
export function report(result: BenchResult): void {
  console.log(JSON.stringify(result));
  if (!result.met) process.exitCode = 1;
}

/** Percentile of an ascending-sorted list. */
export function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}
