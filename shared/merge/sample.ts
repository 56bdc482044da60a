// An applicant's values in whole units (./scale), kept sorted with their sum: the exact methods
// (mean, trimmed mean, median) and min/max read straight off it, and leaving one expert out is
// removing one value, not recomputing from the sheets. Results are Ratios (n/d units, not
// reduced); they become Fractions only for the results.
import type { ExactMethod } from './aggregate';

/** n/d units with d > 0, not in lowest terms. */
export interface Ratio {
  readonly n: bigint;
  readonly d: bigint;
  /** n/d correctly rounded to a double, or NaN when n or d is too large for that to be sure. */
  readonly approx: number;
}

const EXACT_IN_A_DOUBLE = 2n ** 53n;

export function ratio(n: bigint, d: bigint): Ratio {
  const exact = d <= EXACT_IN_A_DOUBLE && n <= EXACT_IN_A_DOUBLE && n >= -EXACT_IN_A_DOUBLE;
  // one IEEE division of exact operands is correctly rounded
  return { n, d, approx: exact ? Number(n) / Number(d) : Number.NaN };
}

/**
 * Ascending order of two Ratios, for `Array.prototype.sort`. Correct rounding never reverses an
 * order, so different doubles decide it (most comparisons while ranking); equal ones (or NaN) are
 * settled exactly with two BigInt products.
 */
export function compareRatios(a: Ratio, b: Ratio): number {
  if (a.approx < b.approx) return -1;
  if (a.approx > b.approx) return 1;
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Values in whole units, ascending, with their sum. */
export interface Sample {
  readonly values: readonly bigint[];
  readonly sum: bigint;
}

const ascending = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

export function sampleOf(values: readonly bigint[]): Sample {
  let sum = 0n;
  for (const value of values) sum += value;
  return { values: [...values].sort(ascending), sum };
}

/** The sample with one occurrence of `value` removed (which one does not matter: they are equal). */
export function sampleWithout(sample: Sample, value: bigint): Sample {
  const index = sample.values.indexOf(value);
  if (index === -1) throw new RangeError(`${value} is not in the sample`);
  return { values: sample.values.toSpliced(index, 1), sum: sample.sum - value };
}

/** The mean; null for no values. */
export function sampleMean(sample: Sample): Ratio | null {
  const count = sample.values.length;
  return count === 0 ? null : ratio(sample.sum, BigInt(count));
}

/** The median; of an even count, the mean of the two middle values. Null for no values. */
export function sampleMedian(sample: Sample): Ratio | null {
  const { values } = sample;
  const count = values.length;
  if (count === 0) return null;
  const upper = values[Math.floor(count / 2)]!;
  if (count % 2 === 1) return ratio(upper, 1n);
  return ratio(values[count / 2 - 1]! + upper, 2n);
}

/**
 * Mean without the single highest and lowest value from `trimMinExperts` values on, else the mean
 * (as `trimmedMean`: null when nothing is left).
 */
export function sampleTrimmedMean(sample: Sample, trimMinExperts: number): Ratio | null {
  const { values } = sample;
  const count = values.length;
  if (count < trimMinExperts) return sampleMean(sample);
  if (count <= 2) return null;
  return ratio(sample.sum - values[0]! - values[count - 1]!, BigInt(count - 2));
}

/** `aggregateExact` on a sample. */
export function aggregateSample(method: ExactMethod, sample: Sample, trimMinExperts: number): Ratio | null {
  switch (method) {
    case 'mean':
      return sampleMean(sample);
    case 'trimmed-mean':
      return sampleTrimmedMean(sample, trimMinExperts);
    case 'median':
      return sampleMedian(sample);
  }
}
