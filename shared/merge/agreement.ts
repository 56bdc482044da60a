// Panel agreement per category: Kendall's W (with tie correction) and ICC(2,1), both exact.
//
// The matrix: the ranked applicants (ineligible and below-quorum applicants are left out) × the
// experts with a valid sheet for every one of them; an expert with a conflict or a missing sheet is
// left out rather than the applicant, so every ranked applicant is covered. Both statistics need at
// least 2 applicants and 2 experts, and are null otherwise or when undefined (0/0).
//
// ICC(2,1) (Shrout & Fleiss: two-way random effects, absolute agreement, single rater) was chosen
// over ICC(3,k): the experts are a sample from a pool, and awards use absolute thresholds
// (minScore, bands, levels), so a systematically harsher expert is disagreement, not noise to
// remove. It is the reliability of one expert's total; the score of several is more reliable.
import type { Fraction } from '../exact';
import { roundHalfUp } from '../exact';
import { fraction, mean, sum, ZERO } from './exact-stats';
import { byText, type ApplicantReviews } from './reviews';
import type { Agreement } from './types';

/** Rows are applicants, columns experts. */
export type ScoreMatrix = readonly (readonly Fraction[])[];

/** Mid-ranks of `values`, 1 for the highest; tied values share the mean of their positions. */
export function midRanks(values: readonly Fraction[]): { ranks: Fraction[]; tieCorrection: bigint } {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => b.value.compare(a.value));
  const ranks: Fraction[] = new Array<Fraction>(values.length).fill(ZERO);
  let tieCorrection = 0n;
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && order[end]!.value.equals(order[start]!.value)) end += 1;
    const size = BigInt(end - start);
    const rank = fraction(BigInt(start + 1 + end), 2n); // mean of positions start+1 … end
    for (let i = start; i < end; i += 1) ranks[order[i]!.index] = rank;
    tieCorrection += size ** 3n - size;
    start = end;
  }
  return { ranks, tieCorrection };
}

/** Kendall's W = 12 S / (m²(n³ − n) − m Σ T), T = Σ(t³ − t) over each expert's ties. */
export function kendallW(matrix: ScoreMatrix): Fraction | null {
  const n = matrix.length;
  const m = matrix[0]?.length ?? 0;
  if (n < 2 || m < 2) return null;
  const rankSums: Fraction[] = new Array<Fraction>(n).fill(ZERO);
  let ties = 0n;
  for (let e = 0; e < m; e += 1) {
    const { ranks, tieCorrection } = midRanks(matrix.map((row) => row[e]!));
    ranks.forEach((rank, i) => (rankSums[i] = rankSums[i]!.add(rank)));
    ties += tieCorrection;
  }
  const centre = mean(rankSums)!;
  const s = sum(rankSums.map((r) => r.sub(centre).pow(2)));
  const bigN = BigInt(n);
  const bigM = BigInt(m);
  const denominator = bigM * bigM * (bigN ** 3n - bigN) - bigM * ties;
  if (denominator === 0n) return null;
  return s.mul(fraction(12)).div(fraction(denominator));
}

/**
 * ICC(2,1) = (MSR − MSE) / (MSR + (k − 1)·MSE + k·(MSC − MSE)/n), from the two-way ANOVA of the
 * n × k matrix (rows: applicants, columns: experts).
 */
export function icc21(matrix: ScoreMatrix): Fraction | null {
  const n = matrix.length;
  const k = matrix[0]?.length ?? 0;
  if (n < 2 || k < 2) return null;
  const all = matrix.flat();
  const grand = mean(all)!;
  const rowMeans = matrix.map((row) => mean(row)!);
  const columnMeans = Array.from({ length: k }, (_, j) => mean(matrix.map((row) => row[j]!))!);
  const squares = (values: readonly Fraction[]) => sum(values.map((value) => value.sub(grand).pow(2)));
  const ssRows = squares(rowMeans).mul(fraction(k));
  const ssColumns = squares(columnMeans).mul(fraction(n));
  const ssError = squares(all).sub(ssRows).sub(ssColumns);
  const msRows = ssRows.div(fraction(n - 1));
  const msColumns = ssColumns.div(fraction(k - 1));
  const msError = ssError.div(fraction((n - 1) * (k - 1)));
  const denominator = msRows
    .add(msError.mul(fraction(k - 1)))
    .add(msColumns.sub(msError).mul(fraction(k)).div(fraction(n)));
  if (denominator.n === 0n) return null;
  return msRows.sub(msError).div(denominator);
}

/** The agreement matrix of a category (see the top of this file) and its statistics, 4 decimals. */
export function panelAgreement(rankedIds: readonly string[], entries: readonly ApplicantReviews[]): Agreement {
  const ranked = new Set(rankedIds);
  const rows = entries.filter((entry) => ranked.has(entry.applicant.id));
  const covering = new Map<string, number>();
  for (const entry of rows) {
    for (const review of entry.reviews) covering.set(review.expertId, (covering.get(review.expertId) ?? 0) + 1);
  }
  const experts = [...covering].filter(([, count]) => count === rows.length).map(([id]) => id).sort(byText);
  const matrix = rows.map((entry) =>
    experts.map((expertId) => entry.reviews.find((review) => review.expertId === expertId)!.total),
  );
  const display = (value: Fraction | null) => (value === null ? null : roundHalfUp(value, 4));
  return {
    kendallW: display(kendallW(matrix)),
    icc: display(icc21(matrix)),
    experts: experts.length,
    applicants: rows.length,
  };
}
