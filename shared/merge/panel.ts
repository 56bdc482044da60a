// A category's valid sheets as tallies (./tally) and moments (./zscore-panel), and judging it from
// them: the judgements `judgeCategory` (./judge) gives, which stays the plain definition, while
// this path adds BigInts, keeps samples sorted, and lets ./leave-one-out judge the category
// without one expert by updating only what that expert's sheets touched.
import { exactOf, type Fraction } from '../exact';
import { awardContenders, placeJudgements, type CategoryRules, type Judgement } from './judge';
import type { Contender } from './rank';
import type { ApplicantReviews, CategoryReviews } from './reviews';
import { aggregateSample, compareRatios, sampleMedian, type Ratio } from './sample';
import type { Scale } from './scale';
import { contributionOf, keySpecs, tallyOf, type Contribution, type KeySpec, type Tally } from './tally';
import { NO_MOMENTS, standardiserOf, withValue, zOf, zscoreOf, zscoreRatio, type Moments, type Standardiser } from './zscore-panel';

export interface CategoryPanel {
  rules: CategoryRules;
  scale: Scale;
  /** By applicant id, as `collectReviews` gives them. */
  entries: readonly ApplicantReviews[];
  specs: readonly KeySpec[];
  /** Per entry, its valid sheets' contributions (in the order of `entry.reviews`). */
  contributions: readonly (readonly Contribution[])[];
  /** Per entry. */
  tallies: readonly Tally[];
  /** Every valid total of the category (the zscore panel's μ and σ). */
  moments: Moments;
  /** Each expert's valid totals in the category. */
  expertMoments: ReadonlyMap<string, Moments>;
}

export function categoryPanel(rules: CategoryRules, { scale, entries }: CategoryReviews): CategoryPanel {
  const specs = keySpecs(rules.category.tieBreak ?? [], rules.rubric);
  let moments = NO_MOMENTS;
  const expertMoments = new Map<string, Moments>();
  for (const entry of entries) {
    for (const review of entry.reviews) {
      moments = withValue(moments, review.units);
      expertMoments.set(review.expertId, withValue(expertMoments.get(review.expertId) ?? NO_MOMENTS, review.units));
    }
  }
  // An expert's μₑ and σₑ depend on that expert's own sheets only: leaving another expert out
  // never changes a z value.
  const standardisers = new Map([...expertMoments].map(([expertId, own]) => [expertId, standardiserOf(own, scale)]));
  const contributions = entries.map((entry) =>
    entry.reviews.map((review) => contributionOf(review, specs, zOf(review.units, standardisers.get(review.expertId)!, scale))),
  );
  return { rules, scale, entries, specs, contributions, tallies: contributions.map((list) => tallyOf(list, specs)), moments, expertMoments };
}

/** The zscore panel (μ, σ over these moments); undefined without any valid sheet. */
export function panelStandardiser(moments: Moments, scale: Scale): Standardiser | undefined {
  return moments.count === 0n ? undefined : standardiserOf(moments, scale);
}

/** The score by the category's method, in units; null without valid sheets. */
export function methodScore(panel: CategoryPanel, tally: Tally, zPanel: Standardiser | undefined): Ratio | null {
  const { method, aggregation } = panel.rules;
  if (method !== 'zscore') return aggregateSample(method, tally.totals, aggregation.trimMinExperts);
  const score = zPanel === undefined ? null : zscoreOf(tally.zs, zPanel, panel.scale);
  return score === null ? null : zscoreRatio(score, panel.scale);
}

/** The tie-break keys' values (./tie-break); a contender has a valid sheet, so none is null. */
export function tieBreakValues(panel: CategoryPanel, tally: Tally): Ratio[] {
  const { method, aggregation } = panel.rules;
  return panel.specs.map((spec, k) =>
    spec.kind === 'median'
      ? sampleMedian(tally.totals)!
      : aggregateSample(method === 'zscore' ? 'mean' : method, tally.keys[k]!, aggregation.trimMinExperts)!,
  );
}

/** Ineligible: vetoing sheets × 2 > valid sheets (./judge `ineligibleByMajority`). */
export function tallyIneligible(tally: Tally): boolean {
  return tally.vetoes * 2 > tally.count;
}

export function tallyInsufficient(panel: CategoryPanel, tally: Tally): boolean {
  return tally.count < panel.rules.aggregation.quorum;
}

/** Ranks and awards contenders held in units. */
export function awardPanel(panel: CategoryPanel, contenders: readonly Contender<Ratio>[]) {
  const facts = new Map(panel.entries.map((entry) => [entry.applicant.id, entry.applicant.facts]));
  const toFraction = (value: Ratio): Fraction => panel.scale.fraction(value.n, value.d);
  return awardContenders(panel.rules, contenders, compareRatios, toFraction, (id) => facts.get(id));
}

/** `judgeCategory` on the panel: the same judgements, in the same order. */
export function judgePanel(panel: CategoryPanel): Judgement[] {
  const { rules, scale } = panel;
  const { trimMinExperts, discrepancyPercent } = rules.aggregation;
  const zPanel = panelStandardiser(panel.moments, scale);
  const spreadLimit = discrepancyPercent === undefined ? undefined : rules.fullMarks.mul(exactOf(discrepancyPercent)).div(100);
  const fraction = (value: Ratio | null) => (value === null ? null : scale.fraction(value.n, value.d));
  const judgements = new Map<string, Judgement>();
  const contenders: Contender<Ratio>[] = [];
  panel.entries.forEach((entry, i) => {
    const tally = panel.tallies[i]!;
    const zscore = zPanel === undefined ? null : zscoreOf(tally.zs, zPanel, scale);
    const methods = {
      mean: fraction(aggregateSample('mean', tally.totals, trimMinExperts)),
      'trimmed-mean': fraction(aggregateSample('trimmed-mean', tally.totals, trimMinExperts)),
      median: fraction(aggregateSample('median', tally.totals, trimMinExperts)),
      zscore: zscore === null ? null : exactOf(zscore),
    };
    const totals = tally.totals.values;
    const judgement: Judgement = {
      entry,
      score: methods[rules.method],
      methods,
      ineligible: tallyIneligible(tally),
      insufficient: tallyInsufficient(panel, tally),
      discrepancy:
        spreadLimit !== undefined && totals.length > 0 && scale.fraction(totals.at(-1)! - totals[0]!).gt(spreadLimit),
      rank: null,
      award: null,
      tie: false,
    };
    judgements.set(entry.applicant.id, judgement);
    const score = methodScore(panel, tally, zPanel);
    if (score === null || judgement.ineligible || judgement.insufficient) return;
    contenders.push({ id: entry.applicant.id, score, tieBreaks: tieBreakValues(panel, tally) });
  });
  return placeJudgements(judgements, awardPanel(panel, contenders));
}
