// Tie-break keys (FORMATS §1, §6): `criterion:<id>` is that criterion (a group: the sum of its
// leaves) aggregated by the category's method, zscore using the plain mean; `median` is the median
// of the valid totals. Higher wins.
import type { Fraction } from '../exact';
import type { AggregationMethod, Rubric } from '../round/schema';
import { criterionValue, findCriterion } from '../rubric';
import { aggregateForTieBreak } from './aggregate';
import { median } from './exact-stats';
import type { Review } from './reviews';

/** Computes one applicant's value for one tie-break key. */
export type TieBreakKey = (reviews: readonly Review[]) => Fraction | null;

/** The tie-break keys of a category, in order; refuses a key naming no criterion of the rubric. */
export function tieBreakKeys(
  keys: readonly string[],
  rubric: Rubric,
  method: AggregationMethod,
  trimMinExperts: number,
): TieBreakKey[] {
  return keys.map((key) => {
    if (key === 'median') return (reviews) => median(reviews.map((review) => review.total));
    const criterionId = key.startsWith('criterion:') ? key.slice('criterion:'.length) : undefined;
    const criterion = criterionId === undefined ? undefined : findCriterion(rubric, criterionId);
    if (criterion === undefined) throw new RangeError(`tie-break key "${key}" names no criterion of rubric "${rubric.id}"`);
    return (reviews) =>
      aggregateForTieBreak(
        method,
        reviews.map((review) => criterionValue(criterion, review.scores)),
        trimMinExperts,
      );
  });
}
