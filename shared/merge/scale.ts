// Whole units (FORMATS §6: "rationals, or integers of the GCD of the rubric's steps"). Every
// total, criterion value, sum and extreme of a category is a whole number of its unit, so the
// merge's loops add and compare BigInts instead of reducing Fractions at every step, and a value
// becomes a Fraction (or a display number) once, for the results. Same values, same results.
import { exactOf, Fraction, ratioToNumber } from '../exact';
import type { Rubric } from '../round/schema';
import { rubricUnit, toUnits } from '../rubric/marks';

export interface Scale {
  /** One unit, in points. */
  unit: Fraction;
  /** A leaf score in units; 0 for a missing or non-finite score (as `sheetTotal` counts it). */
  units(score: unknown): bigint;
  /** `numerator/denominator` units as an exact Fraction of points. */
  fraction(numerator: bigint, denominator?: bigint): Fraction;
  /** `numerator/denominator` units as the JS number nearest its exact value (as `toNumber`). */
  number(numerator: bigint, denominator?: bigint): number;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * The scale of a category: the rubric's unit (the GCD of its steps), refined by any score that is
 * not a whole number of it, so that even sheets verification would refuse are counted exactly.
 * `scores` are the leaf scores the category's sheets hold (repeats are cheap).
 */
export function scaleOf(rubric: Pick<Rubric, 'criteria'>, scores: Iterable<number>): Scale {
  const base = rubricUnit(rubric);
  let numerator = base.n;
  let denominator = base.d;
  const seen = new Set<number>();
  for (const score of scores) {
    if (seen.has(score) || !Number.isFinite(score)) continue;
    seen.add(score);
    const value = exactOf(score);
    numerator = gcd(numerator, value.n);
    denominator = (denominator / gcd(denominator, value.d)) * value.d;
  }
  const unit = new Fraction(numerator, denominator);
  // few distinct scores: each is converted once
  const known = new Map<number, bigint>();
  for (const score of seen) known.set(score, toUnits(exactOf(score), unit));
  return {
    unit,
    units(score) {
      if (typeof score !== 'number' || !Number.isFinite(score)) return 0n;
      const units = known.get(score);
      if (units === undefined) throw new RangeError(`score ${String(score)} was not given to scaleOf`);
      return units;
    },
    fraction: (n, d = 1n) => new Fraction(n * unit.n, d * unit.d),
    number: (n, d = 1n) => ratioToNumber(n * unit.n, d * unit.d),
  };
}
