// What checking many sheets against one rubric can reuse (a score file holds one sheet per
// applicant, a merge reads dozens of files): the rubric's shape, worked out once, and the verdict
// on each distinct score of each leaf, decided once (scores take few distinct values). Sums are
// taken in whole units of the rubric (the GCD of its steps): every valid score is one, so the
// exact total of a sheet is a BigInt sum, not a chain of Fraction additions.
import { exactOf, formatExact, isMultipleOf, type Fraction } from '../exact';
import type { Rubric } from '../round/schema';
import { rubricLayout, type RubricLayout } from '../rubric/layout';
import { criterionMax, rubricUnit } from '../rubric/marks';

export interface RubricChecks {
  layout: RubricLayout;
  /** The rubric's unit: the GCD of its steps. */
  unit: Fraction;
  /** The ids of the rubric's checks, in order, and as a set. */
  checkIds: readonly string[];
  knownChecks: ReadonlySet<string>;
  /** Why `score` (finite) is not a valid score of leaf `id`, or null when it is. */
  scoreProblem(id: string, score: number): string | null;
  /** A finite number as a whole number of units; undefined when it is not one. */
  units(value: number): bigint | undefined;
  /** A criterion's max (a group's: the sum of its leaves'). */
  max(id: string): Fraction;
  /**
   * `criterionCommentBelowPercent` in units: a criterion whose value is fewer units than this is
   * below the percent (value·100 < max·percent ⇔ value/unit < max·percent/(100·unit)).
   */
  commentLimit(id: string): Fraction;
}

function memo<K, V>(compute: (key: K) => V): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    if (known.has(key)) return known.get(key)!;
    const value = compute(key);
    known.set(key, value);
    return value;
  };
}

export function rubricChecks(rubric: Rubric): RubricChecks {
  const layout = rubricLayout(rubric);
  const unit = rubricUnit(rubric);
  const verdicts = new Map<string, Map<number, string | null>>();
  const scoreProblem = (id: string, score: number): string | null => {
    let known = verdicts.get(id);
    if (known === undefined) verdicts.set(id, (known = new Map()));
    let verdict = known.get(score);
    if (verdict === undefined) {
      verdict = leafScoreProblem(layout, id, score);
      known.set(score, verdict);
    }
    return verdict;
  };
  const max = memo((id: string) => criterionMax(layout.byId.get(id)!.criterion));
  return {
    layout,
    unit,
    checkIds: (rubric.checks ?? []).map((check) => check.id),
    knownChecks: new Set((rubric.checks ?? []).map((check) => check.id)),
    scoreProblem,
    units: memo((value: number) => {
      const count = exactOf(value).div(unit);
      return count.d === 1n ? count.s * count.n : undefined;
    }),
    max,
    commentLimit: memo((id: string) => max(id).mul(exactOf(rubric.criterionCommentBelowPercent ?? 0)).div(unit.mul(100))),
  };
}

function leafScoreProblem(layout: RubricLayout, id: string, score: number): string | null {
  const criterion = layout.byId.get(id)!.criterion as { max: number; step: number };
  const value = exactOf(score);
  const max = exactOf(criterion.max);
  const step = exactOf(criterion.step);
  if (value.s < 0n && value.n !== 0n) return `${formatExact(value)} is below 0`;
  if (value.gt(max)) return `${formatExact(value)} is above the maximum ${formatExact(max)}`;
  if (!isMultipleOf(value, step)) return `${formatExact(value)} is off the step ${formatExact(step)} of ${id}`;
  return null;
}
