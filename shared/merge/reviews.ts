// Gathering the reviews of a category: each applicant's valid sheets (exact totals, veto answers)
// and the experts who declared a conflict. Conflict sheets count in nothing after this point.
import { Fraction } from '../exact';
import type { Applicant, Rubric } from '../round/schema';
import { sheetTotal } from '../rubric/marks';
import { sheetIneligible } from '../sheet/complete';
import type { ScoreSheet } from '../sheet/schema';
import type { ExpertSheets } from './types';

/** One expert's valid (non-conflict) sheet for one applicant. */
export interface Review {
  expertId: string;
  /** Recomputed exactly from the leaf scores (the sheet's `total` was checked by verification). */
  total: Fraction;
  /** The sheet answers a veto check with false. Such a sheet still counts everywhere. */
  vetoed: boolean;
  scores: Readonly<Record<string, number>>;
}

export interface ApplicantReviews {
  applicant: Applicant;
  /** Valid sheets, sorted by expert id. */
  reviews: Review[];
  /** Experts with a conflict sheet, sorted by id. */
  conflicts: string[];
}

/** Code-unit order of ids, so results never depend on input order or locale. */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The reviews of `applicants` (one category) from `experts`. Sheets for applicants of other
 * categories are skipped; an expert listed twice or two sheets of one expert for one applicant are
 * refused (verification keeps one file per expert and one sheet per applicant).
 */
export function collectReviews(
  rubric: Rubric,
  applicants: readonly Applicant[],
  experts: readonly ExpertSheets[],
): ApplicantReviews[] {
  const byApplicant = new Map<string, ApplicantReviews>();
  for (const applicant of applicants) byApplicant.set(applicant.id, { applicant, reviews: [], conflicts: [] });
  const seenExperts = new Set<string>();
  for (const expert of experts) {
    if (seenExperts.has(expert.expertId)) throw new RangeError(`expert "${expert.expertId}" is listed twice`);
    seenExperts.add(expert.expertId);
    const seenSheets = new Set<string>();
    for (const sheet of expert.sheets) {
      if (seenSheets.has(sheet.applicantId)) {
        throw new RangeError(`expert "${expert.expertId}" has two sheets for applicant "${sheet.applicantId}"`);
      }
      seenSheets.add(sheet.applicantId);
      const entry = byApplicant.get(sheet.applicantId);
      if (entry === undefined) continue;
      addSheet(entry, rubric, expert.expertId, sheet);
    }
  }
  const result = applicants.map((applicant) => byApplicant.get(applicant.id)!);
  for (const entry of result) {
    entry.reviews.sort((a, b) => byText(a.expertId, b.expertId));
    entry.conflicts.sort(byText);
  }
  return result.sort((a, b) => byText(a.applicant.id, b.applicant.id));
}

function addSheet(entry: ApplicantReviews, rubric: Rubric, expertId: string, sheet: ScoreSheet): void {
  if (sheet.conflict) {
    entry.conflicts.push(expertId);
    return;
  }
  entry.reviews.push({
    expertId,
    total: sheetTotal(rubric, sheet.scores),
    vetoed: sheetIneligible(rubric, sheet),
    scores: sheet.scores,
  });
}
