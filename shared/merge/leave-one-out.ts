// Leave-one-expert-out robustness (./robustness states the rule and keeps the plain version):
// an applicant whose award changes when one expert's sheets are left out is `fragile`, naming
// those experts. Here each expert's absence is judged from the panel (./panel): only the tallies
// of the applicants that expert scored change (one value out of each sorted sample), the zscore
// panel loses that expert's moments (no other expert's z value changes), and the category is
// ranked and awarded again. Conflict sheets count in nothing, so an expert with only conflicts
// in the category changes nothing and is not judged again.
import type { Judgement } from './judge';
import { awardPanel, methodScore, panelStandardiser, tallyIneligible, tallyInsufficient, tieBreakValues, type CategoryPanel } from './panel';
import type { Contender } from './rank';
import { byText } from './reviews';
import type { Ratio } from './sample';
import { tallyWithout, type Contribution } from './tally';
import { withoutMoments } from './zscore-panel';

/** Applicant id → the experts (sorted) whose absence alone would change its award. */
export function fragileInPanel(panel: CategoryPanel, judged: readonly Judgement[]): Map<string, string[]> {
  const fragile = new Map<string, string[]>();
  if (panel.rules.category.award === undefined) return fragile;
  const baseline = new Map(judged.map((judgement) => [judgement.entry.applicant.id, judgement.award]));

  // Where each expert's sheets are: entry index and contribution.
  const sheetsOf = new Map<string, { index: number; contribution: Contribution }[]>();
  panel.contributions.forEach((list, index) => {
    for (const contribution of list) {
      const own = sheetsOf.get(contribution.expertId) ?? [];
      own.push({ index, contribution });
      sheetsOf.set(contribution.expertId, own);
    }
  });
  // Tie-break values of untouched tallies do not change; exact scores neither (zscore ones do:
  // the panel's μ and σ move).
  const unchanged = panel.tallies.map((tally) => ({
    tieBreaks: tallyIneligible(tally) || tallyInsufficient(panel, tally) || tally.count === 0 ? [] : tieBreakValues(panel, tally),
    score: panel.rules.method === 'zscore' ? undefined : methodScore(panel, tally, undefined),
  }));

  for (const expertId of [...sheetsOf.keys()].sort(byText)) {
    const tallies = [...panel.tallies];
    const touched = new Set<number>();
    for (const { index, contribution } of sheetsOf.get(expertId)!) {
      tallies[index] = tallyWithout(tallies[index]!, contribution, panel.specs);
      touched.add(index);
    }
    const zPanel = panelStandardiser(withoutMoments(panel.moments, panel.expertMoments.get(expertId)!), panel.scale);
    const contenders: Contender<Ratio>[] = [];
    tallies.forEach((tally, index) => {
      if (tallyIneligible(tally) || tallyInsufficient(panel, tally)) return;
      const same = touched.has(index) ? undefined : unchanged[index]!;
      const score = same?.score !== undefined ? same.score : methodScore(panel, tally, zPanel);
      if (score === null) return;
      contenders.push({ id: panel.entries[index]!.applicant.id, score, tieBreaks: same?.tieBreaks ?? tieBreakValues(panel, tally) });
    });
    const { outcome } = awardPanel(panel, contenders);
    for (const entry of panel.entries) {
      const id = entry.applicant.id;
      if ((outcome.awards.get(id) ?? null) === baseline.get(id)) continue;
      const experts = fragile.get(id);
      if (experts === undefined) fragile.set(id, [expertId]);
      else experts.push(expertId);
    }
  }
  return fragile;
}
