// A rubric's shape, worked out once: the leaves in order, every criterion with the positions of
// its leaves, and lookup by id. Checking or merging thousands of sheets asks these questions for
// every sheet; the walks in ./criteria would answer them from scratch each time.
import type { Criterion, LeafCriterion, Rubric } from '../round/schema';
import { allCriteria, criterionLeaves, leaves } from './criteria';

export interface CriterionLayout {
  criterion: Criterion;
  /** Positions in `RubricLayout.leaves` of the criterion's leaves (itself, for a leaf). */
  leafIndices: readonly number[];
}

export interface RubricLayout {
  /** The scored criteria, in document order (as `leaves`). */
  leaves: readonly LeafCriterion[];
  /** Every criterion, groups before their children, in document order (as `allCriteria`). */
  criteria: readonly CriterionLayout[];
  /** Criteria by id, groups included; the first of a (refused) duplicate id, as `findCriterion`. */
  byId: ReadonlyMap<string, CriterionLayout>;
}

export function rubricLayout(rubric: Pick<Rubric, 'criteria'>): RubricLayout {
  const scored = leaves(rubric);
  const position = new Map(scored.map((leaf, index) => [leaf, index]));
  const criteria = allCriteria(rubric).map((criterion) => ({
    criterion,
    leafIndices: criterionLeaves(criterion).map((leaf) => position.get(leaf)!),
  }));
  const byId = new Map<string, CriterionLayout>();
  for (const entry of criteria) if (!byId.has(entry.criterion.id)) byId.set(entry.criterion.id, entry);
  return { leaves: scored, criteria, byId };
}
