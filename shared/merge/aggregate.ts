// Aggregating an applicant's valid totals into one score by the exact methods (FORMATS §1, §6):
// mean, trimmed-mean, median. zscore needs the whole category and lives in ./zscore.
import type { Fraction } from '../exact';
import type { AggregationMethod } from '../round/schema';
import { mean, median, sortedAscending } from './exact-stats';

/** Mean without the single highest and lowest value, from `trimMinExperts` values on; else the mean. */
export function trimmedMean(values: readonly Fraction[], trimMinExperts: number): Fraction | null {
  if (values.length < trimMinExperts) return mean(values);
  return mean(sortedAscending(values).slice(1, -1));
}

export type ExactMethod = Exclude<AggregationMethod, 'zscore'>;

/** One applicant's values aggregated by an exact method; null for no values. */
export function aggregateExact(method: ExactMethod, values: readonly Fraction[], trimMinExperts: number): Fraction | null {
  switch (method) {
    case 'mean':
      return mean(values);
    case 'trimmed-mean':
      return trimmedMean(values, trimMinExperts);
    case 'median':
      return median(values);
  }
}

/**
 * A criterion's values aggregated "by the category's method" for tie-breaks (§6): the same exact
 * method applied to that criterion's values; zscore uses the plain mean.
 */
export function aggregateForTieBreak(
  method: AggregationMethod,
  values: readonly Fraction[],
  trimMinExperts: number,
): Fraction | null {
  return aggregateExact(method === 'zscore' ? 'mean' : method, values, trimMinExperts);
}
