// Exact rubric maths (FORMATS §6): maxima, full marks, the rubric's unit, and sheet totals.
import { exactOf, Fraction } from '../exact';
import type { Criterion, Rubric } from '../round/schema';
import { criterionLeaves, leaves } from './criteria';

const zero = () => new Fraction(0n, 1n);

function sum(values: readonly Fraction[]): Fraction {
  return values.reduce((total, value) => total.add(value), zero());
}

/** A leaf's max; a group's is the sum of its leaves' maxima. */
export function criterionMax(criterion: Criterion): Fraction {
  return sum(criterionLeaves(criterion).map((leaf) => exactOf(leaf.max)));
}

/** The sum of all leaf maxima. */
export function fullMarks(rubric: Pick<Rubric, 'criteria'>): Fraction {
  return sum(leaves(rubric).map((leaf) => exactOf(leaf.max)));
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * The greatest common divisor of all leaf steps (gcd(a/b, c/d) = gcd(a, c) / lcm(b, d)): every
 * valid score, total and maximum is a whole number of these units. 1 for a rubric without leaves.
 */
export function rubricUnit(rubric: Pick<Rubric, 'criteria'>): Fraction {
  let numerator = 0n;
  let denominator = 1n;
  for (const leaf of leaves(rubric)) {
    const step = exactOf(leaf.step);
    numerator = gcd(numerator, step.n);
    denominator = (denominator / gcd(denominator, step.d)) * step.d;
  }
  return numerator === 0n ? new Fraction(1n, 1n) : new Fraction(numerator, denominator);
}

/** `value` as a whole number of `unit`s; throws a RangeError when it is not a whole multiple. */
export function toUnits(value: Fraction, unit: Fraction): bigint {
  const count = value.div(unit);
  if (count.d !== 1n) throw new RangeError(`${value.toFraction()} is not a whole number of ${unit.toFraction()}`);
  return count.s * count.n;
}

/** The exact score of one leaf; 0 when it is missing or not a finite number. */
function leafValue(id: string, scores: Readonly<Record<string, unknown>>): Fraction {
  const score = Object.prototype.hasOwnProperty.call(scores, id) ? scores[id] : undefined;
  return typeof score === 'number' && Number.isFinite(score) ? exactOf(score) : zero();
}

/** A leaf's score, or a group's as the sum of its leaves (missing scores count 0). */
export function criterionValue(criterion: Criterion, scores: Readonly<Record<string, unknown>>): Fraction {
  return sum(criterionLeaves(criterion).map((leaf) => leafValue(leaf.id, scores)));
}

/** The exact total of a sheet: the sum of its leaf scores (missing scores count 0). */
export function sheetTotal(rubric: Pick<Rubric, 'criteria'>, scores: Readonly<Record<string, unknown>>): Fraction {
  return sum(leaves(rubric).map((leaf) => leafValue(leaf.id, scores)));
}
