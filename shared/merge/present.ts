// Turning a judgement into the numbers results show: scores and means rounded half-up to 2
// decimals on their exact values, standard deviations rounded the same way on the exact square
// root, totals, minima and maxima as the nearest JS number of their exact value (they are sums of
// the experts' own scores). Nothing here decides anything. Statistics are taken in whole units
// of the category's scale (sums, sums of squares, extremes as BigInts), each made into a number
// once, from its exact value.
import { ratioString, roundHalfUp, roundHalfUpRatio, type Fraction } from '../exact';
import type { Rubric } from '../round/schema';
import { rubricLayout } from '../rubric';
import { roundedSqrtRatio } from './exact-stats';
import type { Judgement } from './judge';
import type { Review } from './reviews';
import type { Scale } from './scale';
import type { CriterionStats, Flag, MethodScores, RankedApplicant } from './types';

const DECIMALS = 2;

export function displayScore(value: Fraction | null): number | null {
  return value === null ? null : roundHalfUp(value, DECIMALS);
}

interface Summary {
  /** Mean rounded half-up to 2 decimals. */
  mean: number;
  min: number;
  max: number;
  /** Population SD rounded half-up to 2 decimals. */
  sd: number;
}

/** Display statistics of values in units (at least one). */
function summary(scale: Scale, values: readonly bigint[]): Summary {
  let sum = 0n;
  let squares = 0n;
  let low = values[0]!;
  let high = low;
  for (const value of values) {
    sum += value;
    squares += value * value;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  const count = BigInt(values.length);
  const { n, d } = scale.unit;
  return {
    mean: roundHalfUpRatio(sum * n, count * d, DECIMALS),
    min: scale.number(low),
    max: scale.number(high),
    // population variance (n·Σx² − (Σx)²) / n², in points²
    sd: roundedSqrtRatio((count * squares - sum * sum) * n * n, count * count * d * d, DECIMALS),
  };
}

function criterionStats(rubric: Rubric, scale: Scale, reviews: readonly Review[]): Record<string, CriterionStats> {
  const stats: Record<string, CriterionStats> = {};
  if (reviews.length === 0) return stats;
  for (const { criterion, leafIndices } of rubricLayout(rubric).criteria) {
    const values = reviews.map((review) => leafIndices.reduce((sum, index) => sum + review.leafUnits[index]!, 0n));
    stats[criterion.id] = summary(scale, values);
  }
  return stats;
}

function flagsOf(judgement: Judgement, fragile: readonly string[]): Flag[] {
  const flags: Flag[] = [];
  if (judgement.discrepancy) flags.push({ flag: 'discrepancy' });
  if (judgement.insufficient) flags.push({ flag: 'insufficient-reviews' });
  if (judgement.ineligible) flags.push({ flag: 'ineligible' });
  if (judgement.tie) flags.push({ flag: 'tie' });
  if (fragile.length > 0) flags.push({ flag: 'fragile', experts: [...fragile] });
  return flags;
}

export function presentApplicant(rubric: Rubric, scale: Scale, judgement: Judgement, fragile: readonly string[]): RankedApplicant {
  const { applicant, reviews, conflicts } = judgement.entry;
  const totals = reviews.length === 0 ? undefined : summary(scale, reviews.map((review) => review.units));
  const methods: MethodScores = {
    mean: displayScore(judgement.methods.mean),
    'trimmed-mean': displayScore(judgement.methods['trimmed-mean']),
    median: displayScore(judgement.methods.median),
    zscore: displayScore(judgement.methods.zscore),
  };
  return {
    applicantId: applicant.id,
    name: applicant.name,
    rank: judgement.rank,
    score: displayScore(judgement.score),
    scoreExact: judgement.score === null ? null : ratioString(judgement.score),
    award: judgement.award,
    validSheets: reviews.length,
    conflicts: [...conflicts],
    vetoes: reviews.filter((review) => review.vetoed).length,
    flags: flagsOf(judgement, fragile),
    perCriterion: criterionStats(rubric, scale, reviews),
    totals: reviews.map((review) => ({ expertId: review.expertId, total: scale.number(review.units), ineligible: review.vetoed })),
    min: totals?.min ?? null,
    max: totals?.max ?? null,
    sd: totals?.sd ?? null,
    methods,
  };
}
