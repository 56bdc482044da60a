// Merging one category: judge it, test each award's robustness, measure panel agreement, and
// present the results. Judging and robustness run on the category's panel (./panel,
// ./leave-one-out); `judgeCategory` and `fragileExperts` are the plain definitions they match.
import { toNumber } from '../exact';
import { normalisedAggregation } from '../round/aggregation';
import { findRubric } from '../round/lookup';
import type { AggregationMethod, Category, RoundDefinition } from '../round/schema';
import { fullMarks } from '../rubric';
import { panelAgreement } from './agreement';
import type { CategoryRules } from './judge';
import { fragileInPanel } from './leave-one-out';
import { categoryPanel, judgePanel } from './panel';
import { presentApplicant } from './present';
import { collectCategoryReviews } from './reviews';
import { tieBreakKeys } from './tie-break';
import type { CategoryResult, ExpertSheets } from './types';

export function categoryRules(
  round: RoundDefinition,
  category: Category,
  override: AggregationMethod | undefined,
): CategoryRules {
  const rubric = findRubric(round, category.rubric);
  if (rubric === undefined) throw new RangeError(`category "${category.id}" names unknown rubric "${category.rubric}"`);
  const aggregation = normalisedAggregation(category);
  const method = override ?? aggregation.method;
  return {
    category,
    rubric,
    method,
    aggregation,
    fullMarks: fullMarks(rubric),
    tieBreaks: tieBreakKeys(category.tieBreak ?? [], rubric, method, aggregation.trimMinExperts),
  };
}

export function mergeCategory(
  round: RoundDefinition,
  category: Category,
  experts: readonly ExpertSheets[],
  override?: AggregationMethod,
): CategoryResult {
  const rules = categoryRules(round, category, override);
  const applicants = round.applicants.filter((applicant) => applicant.category === category.id);
  const reviews = collectCategoryReviews(rules.rubric, applicants, experts);
  const panel = categoryPanel(rules, reviews);
  const judged = judgePanel(panel);
  const fragile = fragileInPanel(panel, judged);
  const rankedIds = judged.filter((judgement) => judgement.rank !== null).map((judgement) => judgement.entry.applicant.id);
  return {
    id: category.id,
    title: category.title,
    method: rules.method,
    fullMarks: toNumber(rules.fullMarks),
    ranking: judged.map((judgement) =>
      presentApplicant(rules.rubric, reviews.scale, judgement, fragile.get(judgement.entry.applicant.id) ?? []),
    ),
    agreement: panelAgreement(rankedIds, reviews.entries),
  };
}
