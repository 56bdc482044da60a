// Deciding awards for the ranked applicants of a category (ineligible applicants and those below
// quorum take no place and get no award). Only `tiers` depend on rank order, so only they can have
// a tie straddling an award boundary: equal scores always reach the same band, and a level is
// decided by score and the applicant's own facts, never by who ranks first.
import type { Award } from '../round/schema';
import { bandAward } from './award-bands';
import { levelAward } from './award-levels';
import { tierAwards, type AwardOutcome } from './award-tiers';
import type { Facts } from './condition';
import type { TieGroup } from './rank';

export type { AwardOutcome };

export function decideAwards(
  award: Award | undefined,
  groups: readonly TieGroup[],
  factsOf: (applicantId: string) => Facts,
): AwardOutcome {
  const tied = new Set<string>();
  if (award === undefined) return { awards: new Map(), tied };
  if (award.type === 'tiers') return tierAwards(groups, award.tiers);
  const awards = new Map<string, string>();
  for (const group of groups) {
    for (const id of group.ids) {
      const label =
        award.type === 'bands' ? bandAward(group.score, award.bands) : levelAward(group.score, factsOf(id), award.levels);
      if (label !== null) awards.set(id, label);
    }
  }
  return { awards, tied };
}
