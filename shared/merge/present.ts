// Turning a judgement into the numbers results show: scores and means rounded half-up to 2
// decimals on their exact values, standard deviations rounded the same way on the exact square
// root, totals, minima and maxima as the nearest JS number of their exact value (they are sums of
// the experts' own scores). Nothing here decides anything.
import { ratioString, roundHalfUp, toNumber, type Fraction } from '../exact';
import type { Rubric } from '../round/schema';
import { allCriteria, criterionValue } from '../rubric';
import { maximum, mean, minimum, roundedSd } from './exact-stats';
import type { Judgement } from './judge';
import type { Review } from './reviews';
import type { CriterionStats, Flag, MethodScores, RankedApplicant } from './types';

const DECIMALS = 2;

export function displayScore(value: Fraction | null): number | null {
  return value === null ? null : roundHalfUp(value, DECIMALS);
}

function displayValue(value: Fraction | null): number | null {
  return value === null ? null : toNumber(value);
}

function criterionStats(rubric: Rubric, reviews: readonly Review[]): Record<string, CriterionStats> {
  const stats: Record<string, CriterionStats> = {};
  if (reviews.length === 0) return stats;
  for (const criterion of allCriteria(rubric)) {
    const values = reviews.map((review) => criterionValue(criterion, review.scores));
    stats[criterion.id] = {
      mean: displayScore(mean(values))!,
      min: displayValue(minimum(values))!,
      max: displayValue(maximum(values))!,
      sd: roundedSd(values, DECIMALS)!,
    };
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

export function presentApplicant(rubric: Rubric, judgement: Judgement, fragile: readonly string[]): RankedApplicant {
  const { applicant, reviews, conflicts } = judgement.entry;
  const totals = reviews.map((review) => review.total);
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
    perCriterion: criterionStats(rubric, reviews),
    totals: reviews.map((review) => ({ expertId: review.expertId, total: toNumber(review.total), ineligible: review.vetoed })),
    min: displayValue(minimum(totals)),
    max: displayValue(maximum(totals)),
    sd: roundedSd(totals, DECIMALS),
    methods,
  };
}
