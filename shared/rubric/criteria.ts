// Walking a rubric's criteria: leaves (the scored ones) and lookup by id, groups included.
import { isGroup, type Criterion, type LeafCriterion, type Rubric } from '../round/schema';

export { isGroup };

/** The leaves under `criterion` (itself when it is a leaf), in document order. */
export function criterionLeaves(criterion: Criterion): LeafCriterion[] {
  if (!isGroup(criterion)) return [criterion];
  return criterion.children.flatMap(criterionLeaves);
}

/** Every scored criterion of the rubric, in document order. */
export function leaves(rubric: Pick<Rubric, 'criteria'>): LeafCriterion[] {
  return rubric.criteria.flatMap(criterionLeaves);
}

/** Every criterion, groups before their children, in document order. */
export function allCriteria(rubric: Pick<Rubric, 'criteria'>): Criterion[] {
  const out: Criterion[] = [];
  const walk = (criteria: readonly Criterion[]) => {
    for (const criterion of criteria) {
      out.push(criterion);
      if (isGroup(criterion)) walk(criterion.children);
    }
  };
  walk(rubric.criteria);
  return out;
}

/** The criterion (leaf or group) with this id, anywhere in the rubric. */
export function findCriterion(rubric: Pick<Rubric, 'criteria'>, id: string): Criterion | undefined {
  return allCriteria(rubric).find((criterion) => criterion.id === id);
}
