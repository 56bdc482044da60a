// Exact statistics on rationals: sums, means, medians, variance, and a square root rounded
// half-up on the exact value (for standard deviations shown to users).
import { Fraction, roundHalfUpRatio } from '../exact';

export const ZERO = new Fraction(0n, 1n);

export function fraction(n: bigint | number, d: bigint | number = 1n): Fraction {
  return new Fraction(BigInt(n), BigInt(d));
}

/** Ascending order, for `Array.prototype.sort`. */
export function ascending(a: Fraction, b: Fraction): number {
  return a.compare(b);
}

export function sortedAscending(values: readonly Fraction[]): Fraction[] {
  return [...values].sort(ascending);
}

export function sum(values: readonly Fraction[]): Fraction {
  return values.reduce((total, value) => total.add(value), ZERO);
}

/** The mean; null for no values. */
export function mean(values: readonly Fraction[]): Fraction | null {
  if (values.length === 0) return null;
  return sum(values).div(fraction(values.length));
}

/** The median; of an even count, the mean of the two middle values. Null for no values. */
export function median(values: readonly Fraction[]): Fraction | null {
  const sorted = sortedAscending(values);
  const n = sorted.length;
  if (n === 0) return null;
  const upper = sorted[Math.floor(n / 2)]!;
  if (n % 2 === 1) return upper;
  return sorted[n / 2 - 1]!.add(upper).div(fraction(2));
}

export function minimum(values: readonly Fraction[]): Fraction | null {
  return sortedAscending(values)[0] ?? null;
}

export function maximum(values: readonly Fraction[]): Fraction | null {
  return sortedAscending(values).at(-1) ?? null;
}

/** Population variance Σ(x − x̄)² / n; null for no values. */
export function variance(values: readonly Fraction[]): Fraction | null {
  const centre = mean(values);
  if (centre === null) return null;
  const squares = values.map((value) => value.sub(centre).pow(2));
  return sum(squares).div(fraction(values.length));
}

/** ⌊√n⌋ for a bigint n ≥ 0 (Newton's method from a power of two above the root). */
export function integerSqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError('square root of a negative number');
  if (n < 2n) return n;
  let x = 1n << (BigInt(n.toString(2).length) / 2n + 1n);
  for (;;) {
    const next = (x + n / x) / 2n;
    if (next >= x) return x;
    x = next;
  }
}

/**
 * √value rounded half-up to `decimals` places, decided exactly: with y = value·10^(2·decimals),
 * the result is k/10^decimals for the largest k with (k − ½)² ≤ y, i.e. k = ⌊(⌊√(4y)⌋ + 1) / 2⌋.
 */
export function roundedSqrt(value: Fraction, decimals: number): number {
  return roundedSqrtRatio(value.s * value.n, value.d, decimals);
}

/** `roundedSqrt` of numerator/denominator (denominator > 0, not necessarily in lowest terms). */
export function roundedSqrtRatio(numerator: bigint, denominator: bigint, decimals: number): number {
  if (numerator < 0n) throw new RangeError('square root of a negative number');
  const scale = 10n ** BigInt(decimals);
  const root2 = integerSqrt((4n * numerator * scale * scale) / denominator); // ⌊2√y⌋
  const k = (root2 + 1n) / 2n;
  return roundHalfUpRatio(k, scale, decimals);
}

/** Population standard deviation rounded half-up to `decimals`; null for no values. */
export function roundedSd(values: readonly Fraction[], decimals: number): number | null {
  const spread = variance(values);
  return spread === null ? null : roundedSqrt(spread, decimals);
}
