// `tiers` awards (FORMATS §1, §6): in rank order, each tier takes up to `count` applicants (no
// count: all that remain) whose score is ≥ `minScore` (no minScore: any); anyone left gets none.
//
// A tied group is awarded as a unit. When a tier reaching the group still has room for at least
// one of its members, all of them get that tier, all are flagged `tie` when the group is larger
// than the room left (it straddles the boundary), and the tier's count is exceeded.
//
// "The next tier is unaffected" is read as: the next tier still takes up to its own full `count`,
// starting with the first applicant not yet awarded. The overflow of the tier above is not charged
// against it, and nobody moves down into it. So a tie can make the awards total more than the sum
// of the counts. A group that meets a tier with no room left is not straddling: it starts the
// next tier whole.
import { exactOf } from '../exact';
import type { Tier } from '../round/schema';
import type { TieGroup } from './rank';

export interface AwardOutcome {
  /** Applicant id → award label; applicants without an award are absent. */
  awards: Map<string, string>;
  /** Applicants whose tied group straddles an award boundary. */
  tied: Set<string>;
}

export function tierAwards(groups: readonly TieGroup[], tiers: readonly Tier[]): AwardOutcome {
  const awards = new Map<string, string>();
  const tied = new Set<string>();
  let next = 0;
  for (const tier of tiers) {
    const minScore = tier.minScore === undefined ? undefined : exactOf(tier.minScore);
    const room = tier.count ?? Number.POSITIVE_INFINITY;
    let taken = 0;
    for (; next < groups.length && taken < room; next += 1) {
      const group = groups[next]!;
      if (minScore !== undefined && group.score.lt(minScore)) break;
      for (const id of group.ids) awards.set(id, tier.label);
      if (group.ids.length > room - taken) for (const id of group.ids) tied.add(id);
      taken += group.ids.length;
    }
  }
  return { awards, tied };
}
