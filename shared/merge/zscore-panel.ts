// The zscore method (./zscore) from sufficient statistics in whole units: count, sum and sum of
// squares give each expert's μₑ, σₑ and the category's μ, σ exactly, so leaving an expert out
// subtracts that expert's moments instead of going over every sheet again. The doubles are made
// exactly as ./zscore makes them (same exact values converted, same summing order), so the scores
// are the same doubles.
import { exactOf, ratioToNumber } from '../exact';
import { ratio, type Ratio } from './sample';
import type { Scale } from './scale';

/** Count, sum and sum of squares of totals in units. */
export interface Moments {
  count: bigint;
  sum: bigint;
  squares: bigint;
}

export const NO_MOMENTS: Moments = { count: 0n, sum: 0n, squares: 0n };

export function withValue(moments: Moments, value: bigint): Moments {
  return { count: moments.count + 1n, sum: moments.sum + value, squares: moments.squares + value * value };
}

export function withoutMoments(moments: Moments, removed: Moments): Moments {
  return { count: moments.count - removed.count, sum: moments.sum - removed.sum, squares: moments.squares - removed.squares };
}

/** Mean (in units) and population SD (in points, 0 when the exact variance is 0) of some totals. */
export interface Standardiser {
  centre: Ratio;
  spread: number;
}

/** Needs count > 0. Variance = (n·Σx² − (Σx)²) / n², times unit² for points. */
export function standardiserOf(moments: Moments, scale: Scale): Standardiser {
  const { count, sum, squares } = moments;
  const spread = count * squares - sum * sum;
  const { n, d } = scale.unit;
  return {
    centre: ratio(sum, count),
    spread: spread === 0n ? 0 : Math.sqrt(ratioToNumber(spread * n * n, count * count * d * d)),
  };
}

/** z = (x − μₑ)/σₑ, or 0 when σₑ = 0; x − μₑ exact before the division. */
export function zOf(units: bigint, expert: Standardiser, scale: Scale): number {
  if (expert.spread === 0) return 0;
  const { n, d } = expert.centre;
  return scale.number(units * d - n, d) / expert.spread;
}

/** μ + σ·mean(z) as a double (z summed in ascending order); null without z values. */
export function zscoreOf(ascendingZs: readonly number[], panel: Standardiser, scale: Scale): number | null {
  if (ascendingZs.length === 0) return null;
  let total = 0;
  for (const z of ascendingZs) total += z;
  return scale.number(panel.centre.n, panel.centre.d) + panel.spread * (total / ascendingZs.length);
}

/** A zscore score (its double's exact shortest decimal) in units. */
export function zscoreRatio(score: number, scale: Scale): Ratio {
  const exact = exactOf(score);
  return ratio(exact.s * exact.n * scale.unit.d, exact.d * scale.unit.n);
}
