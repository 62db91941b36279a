/**
 * Order statistics of timing samples. Benchmarks report medians and high percentiles rather
 * than means, because a few GC pauses or scheduler hiccups would drag a mean far from what a
 * typical user sees, while the p99 is where those pauses belong.
 */

/** The samples in ascending order, on a copy so that callers keep their order of measurement. */
export function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/**
 * The nearest-rank percentile (p in 0..100): the smallest sample that at least p% of the samples
 * are less than or equal to. Nearest-rank always returns a measured value, never an interpolation
 * between two, so a p99 is a time that an answer really took.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no samples');
  if (p < 0 || p > 100) throw new Error(`percentile ${p} is outside 0..100`);
  const ordered = sorted(values);
  const rank = Math.max(1, Math.ceil((p / 100) * ordered.length));
  return ordered[rank - 1]!;
}

/** The middle sample, or the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no samples');
  const ordered = sorted(values);
  const middle = Math.floor(ordered.length / 2);
  return ordered.length % 2 === 1 ? ordered[middle]! : (ordered[middle - 1]! + ordered[middle]!) / 2;
}
