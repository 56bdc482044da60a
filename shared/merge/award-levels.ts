// `levels` awards (FORMATS §1, §6): levels are listed highest first; the first whose minScore is
// reached and whose `when` (if any) holds over the applicant's facts wins.
import { exactOf, type Fraction } from '../exact';
import type { Level } from '../round/schema';
import { conditionHolds, type Facts } from './condition';

export function levelAward(score: Fraction, facts: Facts, levels: readonly Level[]): string | null {
  for (const level of levels) {
    if (score.lt(exactOf(level.minScore))) continue;
    if (level.when !== undefined && !conditionHolds(level.when, facts)) continue;
    return level.label;
  }
  return null;
}
