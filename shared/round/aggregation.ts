// A category's aggregation settings with the defaults of FORMATS §6 filled in.
import type { AggregationMethod, Category } from './schema';

export const DEFAULT_TRIM_MIN_EXPERTS = 5;
export const DEFAULT_QUORUM = 1;

export interface NormalisedAggregation {
  method: AggregationMethod;
  /** trimmed-mean drops the highest and lowest total only from this many valid sheets on. */
  trimMinExperts: number;
  /** Fewer valid sheets than this: no rank, flag `insufficient-reviews`. */
  quorum: number;
  /** Flag `discrepancy` when max − min of valid totals exceeds this % of full marks; none if undefined. */
  discrepancyPercent: number | undefined;
}

/** method `mean` when the category has no aggregation; trimMinExperts 5; quorum 1; no discrepancy check. */
export function normalisedAggregation(category: Pick<Category, 'aggregation'>): NormalisedAggregation {
  const aggregation = category.aggregation;
  return {
    method: aggregation?.method ?? 'mean',
    trimMinExperts: aggregation?.trimMinExperts ?? DEFAULT_TRIM_MIN_EXPERTS,
    quorum: aggregation?.quorum ?? DEFAULT_QUORUM,
    discrepancyPercent: aggregation?.discrepancyPercent,
  };
}
