// The zscore method (FORMATS §6): each expert's totals standardised against that expert's own
// mean and spread, then mapped back to the points scale of the whole category.
//
// The only place IEEE doubles are used. To keep the result independent of input order and free of
// noise where it matters: μₑ, σₑ², μ and σ² are computed exactly and converted to doubles once,
// σₑ = 0 is decided on the exact variance (a constant expert never gets a tiny noisy σ), x − μₑ is
// exact before the division, and an applicant's z values are summed in ascending order. The
// resulting double is then read as its exact shortest decimal, which orders exactly like the
// doubles do, so ranking and thresholds work on it like on any other score.
import { exactOf, Fraction, toNumber } from '../exact';
import { mean, variance } from './exact-stats';

export interface ZscoreSheet {
  expertId: string;
  applicantId: string;
  total: Fraction;
}

interface Standardiser {
  centre: Fraction;
  spread: number;
}

function standardiser(totals: readonly Fraction[]): Standardiser {
  const centre = mean(totals)!;
  const spread = variance(totals)!;
  return { centre, spread: spread.n === 0n ? 0 : Math.sqrt(toNumber(spread)) };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group === undefined) groups.set(key(item), [item]);
    else group.push(item);
  }
  return groups;
}

/**
 * zscore scores for every applicant with at least one sheet in `sheets` (all valid sheets of one
 * category): z = (x − μₑ)/σₑ or 0 when σₑ = 0; score = μ + σ·mean(z), μ and σ (population) over
 * all the totals. Each score is the exact value of the resulting double.
 */
export function zscoreScores(sheets: readonly ZscoreSheet[]): Map<string, Fraction> {
  const scores = new Map<string, Fraction>();
  if (sheets.length === 0) return scores;
  const experts = new Map<string, Standardiser>();
  for (const [expertId, own] of groupBy(sheets, (sheet) => sheet.expertId)) {
    experts.set(expertId, standardiser(own.map((sheet) => sheet.total)));
  }
  const panel = standardiser(sheets.map((sheet) => sheet.total));
  const panelCentre = toNumber(panel.centre);
  for (const [applicantId, own] of groupBy(sheets, (sheet) => sheet.applicantId)) {
    const zs = own
      .map((sheet) => {
        const expert = experts.get(sheet.expertId)!;
        return expert.spread === 0 ? 0 : toNumber(sheet.total.sub(expert.centre)) / expert.spread;
      })
      .sort((a, b) => a - b);
    const meanZ = zs.reduce((total, z) => total + z, 0) / zs.length;
    scores.set(applicantId, exactOf(panelCentre + panel.spread * meanZ));
  }
  return scores;
}
