// Judging one category on exact values: every applicant's score by each method, its standing
// (ineligible, below quorum, discrepancy), rank and award. `judgeCategory` is the plain
// definition, straight from the sheets' Fractions; the merge judges from sufficient statistics
// (./panel, ./leave-one-out), and test/unit/merge/panel.test.ts holds the two to the same
// judgements. Ranking and awarding (`awardContenders`, `placeJudgements`) are shared by both.
import { exactOf, type Fraction } from '../exact';
import type { NormalisedAggregation } from '../round/aggregation';
import type { AggregationMethod, Category, Rubric } from '../round/schema';
import { aggregateExact } from './aggregate';
import { decideAwards, type AwardOutcome } from './award';
import type { Facts } from './condition';
import { fraction, maximum, minimum } from './exact-stats';
import { rankContendersBy, type Compare, type Contender, type TieGroup } from './rank';
import { byText, type ApplicantReviews } from './reviews';
import type { TieBreakKey } from './tie-break';
import { zscoreScores } from './zscore';

/** What is fixed for a category while judging it. */
export interface CategoryRules {
  category: Category;
  rubric: Rubric;
  /** The category's method, or the `--method` override. */
  method: AggregationMethod;
  aggregation: NormalisedAggregation;
  fullMarks: Fraction;
  tieBreaks: readonly TieBreakKey[];
}

export interface Judgement {
  entry: ApplicantReviews;
  /** By the category's method; null without valid sheets. */
  score: Fraction | null;
  methods: Record<AggregationMethod, Fraction | null>;
  ineligible: boolean;
  insufficient: boolean;
  discrepancy: boolean;
  rank: number | null;
  award: string | null;
  /** Its tied group straddles an award boundary. */
  tie: boolean;
}

/** Vetoing sheets × 2 > valid sheets (2 of 4 is not a majority, 3 of 5 is). */
export function ineligibleByMajority(entry: ApplicantReviews): boolean {
  const vetoes = entry.reviews.filter((review) => review.vetoed).length;
  return vetoes * 2 > entry.reviews.length;
}

/** max − min of the valid totals strictly greater than discrepancyPercent % of full marks. */
export function hasDiscrepancy(entry: ApplicantReviews, percent: number | undefined, fullMarks: Fraction): boolean {
  if (percent === undefined) return false;
  const totals = entry.reviews.map((review) => review.total);
  const low = minimum(totals);
  const high = maximum(totals);
  if (low === null || high === null) return false;
  return high.sub(low).gt(fullMarks.mul(exactOf(percent)).div(fraction(100)));
}

/**
 * All four methods for every applicant. The z statistics use every valid sheet of the category,
 * those of ineligible and below-quorum applicants included ("all valid totals in the category").
 */
function methodScores(rules: CategoryRules, entries: readonly ApplicantReviews[]): Map<string, Judgement['methods']> {
  const zscores = zscoreScores(
    entries.flatMap((entry) =>
      entry.reviews.map((review) => ({ expertId: review.expertId, applicantId: entry.applicant.id, total: review.total })),
    ),
  );
  const { trimMinExperts } = rules.aggregation;
  return new Map(
    entries.map((entry) => {
      const totals = entry.reviews.map((review) => review.total);
      const scores = {
        mean: aggregateExact('mean', totals, trimMinExperts),
        'trimmed-mean': aggregateExact('trimmed-mean', totals, trimMinExperts),
        median: aggregateExact('median', totals, trimMinExperts),
        zscore: zscores.get(entry.applicant.id) ?? null,
      };
      return [entry.applicant.id, scores];
    }),
  );
}

/** Unranked applicants: by score, highest first, those without a score last, then by id. */
function compareUnranked(a: Judgement, b: Judgement): number {
  if (a.score !== null && b.score !== null) {
    const byScore = b.score.compare(a.score);
    if (byScore !== 0) return byScore;
  } else if (a.score !== b.score) {
    return a.score === null ? 1 : -1;
  }
  return byText(a.entry.applicant.id, b.entry.applicant.id);
}

/**
 * Every applicant of the category judged, in listing order: the ranked ones by rank (ties by id),
 * then the unranked ones (ineligible or below quorum) by score, highest first, then by id.
 */
export function judgeCategory(rules: CategoryRules, entries: readonly ApplicantReviews[]): Judgement[] {
  const scores = methodScores(rules, entries);
  const judgements = new Map<string, Judgement>();
  const contenders: Contender[] = [];
  for (const entry of entries) {
    const methods = scores.get(entry.applicant.id)!;
    const score = methods[rules.method];
    const judgement: Judgement = {
      entry,
      score,
      methods,
      ineligible: ineligibleByMajority(entry),
      insufficient: entry.reviews.length < rules.aggregation.quorum,
      discrepancy: hasDiscrepancy(entry, rules.aggregation.discrepancyPercent, rules.fullMarks),
      rank: null,
      award: null,
      tie: false,
    };
    judgements.set(entry.applicant.id, judgement);
    if (score === null || judgement.ineligible || judgement.insufficient) continue;
    contenders.push({ id: entry.applicant.id, score, tieBreaks: rules.tieBreaks.map((key) => key(entry.reviews)!) });
  }

  const factsOf = (id: string) => judgements.get(id)?.entry.applicant.facts;
  return placeJudgements(judgements, awardContenders(rules, contenders, (a, b) => a.compare(b), (score) => score, factsOf));
}

/**
 * Ranks contenders and decides their awards. `V` is how the contenders hold their values; awards
 * compare the group scores, as Fractions, with the thresholds.
 */
export function awardContenders<V>(
  rules: CategoryRules,
  contenders: readonly Contender<V>[],
  compare: Compare<V>,
  toFraction: (value: V) => Fraction,
  factsOf: (applicantId: string) => Facts,
): { groups: TieGroup<V>[]; outcome: AwardOutcome } {
  const groups = rankContendersBy(contenders, compare);
  const exact = groups.map((group) => ({ rank: group.rank, score: toFraction(group.score), ids: group.ids }));
  return { groups, outcome: decideAwards(rules.category.award, exact, factsOf) };
}

/**
 * Sets rank, award and tie on the judgements of the ranked groups and lists every judgement: the
 * ranked ones by rank (ties by id), then the unranked ones by score, highest first, then by id.
 */
export function placeJudgements<V>(
  judgements: ReadonlyMap<string, Judgement>,
  { groups, outcome }: { groups: readonly TieGroup<V>[]; outcome: AwardOutcome },
): Judgement[] {
  const ranked: Judgement[] = [];
  for (const group of groups) {
    for (const id of group.ids) {
      const judgement = judgements.get(id)!;
      judgement.rank = group.rank;
      judgement.award = outcome.awards.get(id) ?? null;
      judgement.tie = outcome.tied.has(id);
      ranked.push(judgement);
    }
  }
  const unranked = [...judgements.values()].filter((judgement) => judgement.rank === null).sort(compareUnranked);
  return [...ranked, ...unranked];
}
