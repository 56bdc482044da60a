// An applicant's valid sheets reduced to what judging it needs, in whole units (./scale): the
// sorted totals with their sum, the veto count, each tie-break key's values, and the sheets' z
// values. Leaving one expert out (./leave-one-out) removes that expert's contribution from the
// tallies it is in, instead of judging the whole category again from the sheets.
import type { Rubric } from '../round/schema';
import { rubricLayout } from '../rubric/layout';
import { sampleOf, sampleWithout, type Sample } from './sample';

/** A tie-break key (./tie-break): the median of the totals, or a criterion as the sum of its leaves. */
export type KeySpec = { kind: 'median' } | { kind: 'criterion'; leafIndices: readonly number[] };

/** The category's tie-break keys; `tieBreakKeys` has refused any key naming no criterion. */
export function keySpecs(keys: readonly string[], rubric: Rubric): KeySpec[] {
  const layout = rubricLayout(rubric);
  return keys.map((key): KeySpec => {
    if (key === 'median') return { kind: 'median' };
    const criterion = layout.byId.get(key.slice('criterion:'.length));
    if (criterion === undefined) throw new RangeError(`tie-break key "${key}" names no criterion of rubric "${rubric.id}"`);
    return { kind: 'criterion', leafIndices: criterion.leafIndices };
  });
}

/** What one valid sheet adds to its applicant's tally. */
export interface Contribution {
  expertId: string;
  /** The total, in units. */
  units: bigint;
  vetoed: boolean;
  /** Per tie-break key: the criterion's value in units (the total for `median`). */
  keyUnits: readonly bigint[];
  /** The sheet's standardised total under zscore (./zscore-panel). */
  z: number;
}

export function contributionOf(
  review: { expertId: string; units: bigint; vetoed: boolean; leafUnits: readonly bigint[] },
  specs: readonly KeySpec[],
  z: number,
): Contribution {
  const keyUnits = specs.map((spec) =>
    spec.kind === 'median' ? review.units : spec.leafIndices.reduce((sum, index) => sum + review.leafUnits[index]!, 0n),
  );
  return { expertId: review.expertId, units: review.units, vetoed: review.vetoed, keyUnits, z };
}

export interface Tally {
  /** Valid sheets. */
  count: number;
  /** Valid sheets with a failed veto check. */
  vetoes: number;
  totals: Sample;
  /** Per tie-break key, its values (for `median`, the totals). */
  keys: readonly Sample[];
  /** z values, ascending: the order they are summed in. */
  zs: readonly number[];
}

export function tallyOf(contributions: readonly Contribution[], specs: readonly KeySpec[]): Tally {
  const totals = sampleOf(contributions.map((contribution) => contribution.units));
  return {
    count: contributions.length,
    vetoes: contributions.filter((contribution) => contribution.vetoed).length,
    totals,
    keys: specs.map((spec, k) => (spec.kind === 'median' ? totals : sampleOf(contributions.map((contribution) => contribution.keyUnits[k]!)))),
    zs: contributions.map((contribution) => contribution.z).sort((a, b) => a - b),
  };
}

/** The tally without one of its contributions. */
export function tallyWithout(tally: Tally, contribution: Contribution, specs: readonly KeySpec[]): Tally {
  const totals = sampleWithout(tally.totals, contribution.units);
  const zIndex = tally.zs.indexOf(contribution.z);
  return {
    count: tally.count - 1,
    vetoes: tally.vetoes - (contribution.vetoed ? 1 : 0),
    totals,
    keys: specs.map((spec, k) => (spec.kind === 'median' ? totals : sampleWithout(tally.keys[k]!, contribution.keyUnits[k]!))),
    zs: tally.zs.toSpliced(zIndex, 1),
  };
}
