// The merge core (FORMATS §1, §5, §6): aggregate, rank, tie-break, award, agreement, robustness.
export { mergeRound } from './merge-round';
export { mergeCategory, categoryRules } from './category';
export type {
  Agreement,
  AggregationMethod,
  CategoryResult,
  CriterionStats,
  ExpertSheets,
  ExpertTotal,
  Flag,
  FlagName,
  MergeInput,
  MergeResult,
  MethodScores,
  RankedApplicant,
} from './types';
export { AGGREGATION_METHODS, FLAG_ORDER } from './types';
export { aggregateExact, aggregateForTieBreak, trimmedMean, type ExactMethod } from './aggregate';
export { zscoreScores, type ZscoreSheet } from './zscore';
export { collectReviews, collectCategoryReviews, type ApplicantReviews, type CategoryReviews, type Review } from './reviews';
export { judgeCategory, ineligibleByMajority, hasDiscrepancy, type CategoryRules, type Judgement } from './judge';
export { rankContenders, compareContenders, type Contender, type TieGroup } from './rank';
export { tieBreakKeys, type TieBreakKey } from './tie-break';
export { decideAwards, type AwardOutcome } from './award';
export { tierAwards } from './award-tiers';
export { bandAward } from './award-bands';
export { levelAward } from './award-levels';
export { conditionHolds, type Facts } from './condition';
export { kendallW, icc21, midRanks, panelAgreement, type ScoreMatrix } from './agreement';
export { fragileExperts, categoryExperts } from './robustness';
// the same judgements and robustness from sufficient statistics (what mergeRound uses)
export { categoryPanel, judgePanel, type CategoryPanel } from './panel';
export { fragileInPanel } from './leave-one-out';
export { scaleOf, type Scale } from './scale';
export { mean, median, variance, roundedSqrt, roundedSqrtRatio, roundedSd, integerSqrt } from './exact-stats';
