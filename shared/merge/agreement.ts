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
//
// Both are computed on whole numbers: a matrix of Fractions is brought to one denominator, and
// the merge passes totals in units (./scale). Neither statistic changes when every value is
// multiplied by the same positive number (W uses ranks only; ICC is a ratio of mean squares), and
// the formulas below are the textbook ones multiplied through by their denominators.
import { Fraction, roundHalfUp } from '../exact';
import { fraction } from './exact-stats';
import { byText, type ApplicantReviews } from './reviews';
import type { Agreement } from './types';

/** Rows are applicants, columns experts. */
export type ScoreMatrix = readonly (readonly Fraction[])[];

/** The same, in whole numbers. */
export type WholeMatrix = readonly (readonly bigint[])[];

/**
 * Twice the mid-rank of each value, 2 for the highest (tied values share the mean of their
 * positions, whose double is a whole number), and Σ(t³ − t) over the tied groups.
 */
function doubledMidRanks<T>(values: readonly T[], compare: (a: T, b: T) => number): { doubled: bigint[]; tieCorrection: bigint } {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => compare(b.value, a.value));
  const doubled = new Array<bigint>(values.length).fill(0n);
  let tieCorrection = 0n;
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && compare(order[end]!.value, order[start]!.value) === 0) end += 1;
    const size = BigInt(end - start);
    const rank = BigInt(start + 1 + end); // twice the mean of positions start+1 … end
    for (let i = start; i < end; i += 1) doubled[order[i]!.index] = rank;
    tieCorrection += size ** 3n - size;
    start = end;
  }
  return { doubled, tieCorrection };
}

const compareWhole = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

/** Mid-ranks of `values`, 1 for the highest; tied values share the mean of their positions. */
export function midRanks(values: readonly Fraction[]): { ranks: Fraction[]; tieCorrection: bigint } {
  const { doubled, tieCorrection } = doubledMidRanks(values, (a, b) => a.compare(b));
  return { ranks: doubled.map((rank) => fraction(rank, 2n)), tieCorrection };
}

/** The matrix times the least common denominator of its values. */
function wholeMatrix(matrix: ScoreMatrix): WholeMatrix {
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
  let common = 1n;
  for (const row of matrix) for (const value of row) common = (common / gcd(common, value.d)) * value.d;
  return matrix.map((row) => row.map((value) => value.s * value.n * (common / value.d)));
}

/** Kendall's W = 12 S / (m²(n³ − n) − m Σ T), T = Σ(t³ − t) over each expert's ties. */
export function kendallW(matrix: ScoreMatrix): Fraction | null {
  return kendallWWhole(wholeMatrix(matrix));
}

export function kendallWWhole(matrix: WholeMatrix): Fraction | null {
  const n = matrix.length;
  const m = matrix[0]?.length ?? 0;
  if (n < 2 || m < 2) return null;
  const rankSums = new Array<bigint>(n).fill(0n); // doubled: 2Rᵢ
  let ties = 0n;
  for (let e = 0; e < m; e += 1) {
    const { doubled, tieCorrection } = doubledMidRanks(matrix.map((row) => row[e]!), compareWhole);
    doubled.forEach((rank, i) => (rankSums[i]! += rank));
    ties += tieCorrection;
  }
  const bigN = BigInt(n);
  const bigM = BigInt(m);
  const denominator = bigM * bigM * (bigN ** 3n - bigN) - bigM * ties;
  if (denominator === 0n) return null;
  // S = Σ(Rᵢ − R̄)² = (n·Σ(2Rᵢ)² − (Σ2Rᵢ)²) / 4n, so W = 3·(n·Σ(2Rᵢ)² − (Σ2Rᵢ)²) / (n·denominator)
  let sum = 0n;
  let squares = 0n;
  for (const r of rankSums) {
    sum += r;
    squares += r * r;
  }
  return new Fraction(3n * (bigN * squares - sum * sum), bigN * denominator);
}

/**
 * ICC(2,1) = (MSR − MSE) / (MSR + (k − 1)·MSE + k·(MSC − MSE)/n), from the two-way ANOVA of the
 * n × k matrix (rows: applicants, columns: experts).
 */
export function icc21(matrix: ScoreMatrix): Fraction | null {
  return icc21Whole(wholeMatrix(matrix));
}

export function icc21Whole(matrix: WholeMatrix): Fraction | null {
  const n = matrix.length;
  const k = matrix[0]?.length ?? 0;
  if (n < 2 || k < 2) return null;
  const bigN = BigInt(n);
  const bigK = BigInt(k);
  let grand = 0n;
  let squares = 0n;
  let rowSquares = 0n;
  const columns = new Array<bigint>(k).fill(0n);
  for (const row of matrix) {
    let rowSum = 0n;
    row.forEach((value, j) => {
      rowSum += value;
      squares += value * value;
      columns[j]! += value;
    });
    grand += rowSum;
    rowSquares += rowSum * rowSum;
  }
  const columnSquares = columns.reduce((total, value) => total + value * value, 0n);
  // Sums of squares times nk: rows n·ΣRᵢ² − G², columns k·ΣCⱼ² − G², total nk·Σx² − G².
  const g2 = grand * grand;
  const ssRows = bigN * rowSquares - g2;
  const ssColumns = bigK * columnSquares - g2;
  const ssError = bigN * bigK * squares - g2 - ssRows - ssColumns;
  // Mean squares times nk(n − 1)(k − 1): MSR → ssRows·(k − 1), MSC → ssColumns·(n − 1), MSE → ssError;
  // numerator and denominator then times n.
  const msRows = ssRows * (bigK - 1n);
  const msColumns = ssColumns * (bigN - 1n);
  const numerator = bigN * (msRows - ssError);
  const denominator = bigN * msRows + bigN * (bigK - 1n) * ssError + bigK * (msColumns - ssError);
  if (denominator === 0n) return null;
  return new Fraction(numerator, denominator);
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
  // totals in units: the same statistics (see the top of this file)
  const matrix = rows.map((entry) => {
    const units = new Map(entry.reviews.map((review) => [review.expertId, review.units]));
    return experts.map((expertId) => units.get(expertId)!);
  });
  const display = (value: Fraction | null) => (value === null ? null : roundHalfUp(value, 4));
  return {
    kendallW: display(kendallWWhole(matrix)),
    icc: display(icc21Whole(matrix)),
    experts: experts.length,
    applicants: rows.length,
  };
}
