// `bands` awards (FORMATS §1, §6): the band with the highest minScore the score reaches, whatever
// order the bands are listed in. Of bands with the same minScore, the first listed wins.
import { exactOf, type Fraction } from '../exact';
import type { Band } from '../round/schema';

export function bandAward(score: Fraction, bands: readonly Band[]): string | null {
  let best: { band: Band; minScore: Fraction } | undefined;
  for (const band of bands) {
    const minScore = exactOf(band.minScore);
    if (score.lt(minScore)) continue;
    if (best === undefined || minScore.gt(best.minScore)) best = { band, minScore };
  }
  return best?.band.label ?? null;
}
