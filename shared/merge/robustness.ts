// Leave-one-expert-out robustness: the category is judged again without each expert in turn (all
// their sheets, conflicts included), and an applicant whose award would change (a different label,
// or an award gained or lost for any reason: rank, quorum, eligibility) is `fragile`, naming the
// experts whose absence changes it. Categories without an award have no fragile applicants.
//
// `fragileExperts` is the plain definition (a full judgement per expert); the merge uses
// `fragileInPanel` (./leave-one-out), which updates only what each expert's absence changes and
// is held to the same result by test/unit/merge/panel.test.ts.
import { judgeCategory, type CategoryRules, type Judgement } from './judge';
import { byText, type ApplicantReviews } from './reviews';

function withoutExpert(entries: readonly ApplicantReviews[], expertId: string): ApplicantReviews[] {
  return entries.map((entry) => ({
    applicant: entry.applicant,
    reviews: entry.reviews.filter((review) => review.expertId !== expertId),
    conflicts: entry.conflicts.filter((id) => id !== expertId),
  }));
}

/** Every expert with a sheet (valid or conflict) in the category, sorted. */
export function categoryExperts(entries: readonly ApplicantReviews[]): string[] {
  const ids = new Set<string>();
  for (const entry of entries) {
    for (const review of entry.reviews) ids.add(review.expertId);
    for (const id of entry.conflicts) ids.add(id);
  }
  return [...ids].sort(byText);
}

/** Applicant id → the experts (sorted) whose absence alone would change its award. */
export function fragileExperts(
  rules: CategoryRules,
  entries: readonly ApplicantReviews[],
  judged: readonly Judgement[],
): Map<string, string[]> {
  const fragile = new Map<string, string[]>();
  if (rules.category.award === undefined) return fragile;
  const baseline = new Map(judged.map((judgement) => [judgement.entry.applicant.id, judgement.award]));
  for (const expertId of categoryExperts(entries)) {
    for (const judgement of judgeCategory(rules, withoutExpert(entries, expertId))) {
      const id = judgement.entry.applicant.id;
      if (judgement.award === baseline.get(id)) continue;
      const experts = fragile.get(id);
      if (experts === undefined) fragile.set(id, [expertId]);
      else experts.push(expertId);
    }
  }
  return fragile;
}
