// Gathering the reviews of a category: each applicant's valid sheets (exact totals, veto answers)
// and the experts who declared a conflict. Conflict sheets count in nothing after this point.
import type { Fraction } from '../exact';
import type { Applicant, Rubric } from '../round/schema';
import { rubricLayout } from '../rubric/layout';
import { sheetIneligible } from '../sheet/complete';
import type { ScoreSheet } from '../sheet/schema';
import { scaleOf, type Scale } from './scale';
import type { ExpertSheets } from './types';

/** One expert's valid (non-conflict) sheet for one applicant. */
export interface Review {
  expertId: string;
  /** Recomputed exactly from the leaf scores (the sheet's `total` was checked by verification). */
  total: Fraction;
  /** The same total in whole units of the category's scale (see `CategoryReviews`). */
  units: bigint;
  /** Each leaf's score in units, in the rubric's leaf order (missing scores 0). */
  leafUnits: readonly bigint[];
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

export interface CategoryReviews {
  /** The whole units every value below is counted in. */
  scale: Scale;
  /** By applicant id. */
  entries: ApplicantReviews[];
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
  return collectCategoryReviews(rubric, applicants, experts).entries;
}

/** `collectReviews`, with the scale their units are counted in. */
export function collectCategoryReviews(
  rubric: Rubric,
  applicants: readonly Applicant[],
  experts: readonly ExpertSheets[],
): CategoryReviews {
  const byApplicant = new Map<string, ApplicantReviews>();
  for (const applicant of applicants) byApplicant.set(applicant.id, { applicant, reviews: [], conflicts: [] });
  const seenExperts = new Set<string>();
  const kept: { expertId: string; sheet: ScoreSheet; entry: ApplicantReviews }[] = [];
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
      if (entry !== undefined) kept.push({ expertId: expert.expertId, sheet, entry });
    }
  }
  const layout = rubricLayout(rubric);
  const scale = scaleOf(rubric, leafScores(kept.map(({ sheet }) => sheet), layout.leaves));
  for (const { expertId, sheet, entry } of kept) addSheet(entry, rubric, scale, layout.leaves, expertId, sheet);
  const result = applicants.map((applicant) => byApplicant.get(applicant.id)!);
  for (const entry of result) {
    entry.reviews.sort((a, b) => byText(a.expertId, b.expertId));
    entry.conflicts.sort(byText);
  }
  return { scale, entries: result.sort((a, b) => byText(a.applicant.id, b.applicant.id)) };
}

/** The leaf scores the scored sheets hold, each once, for the scale. */
function leafScores(sheets: readonly ScoreSheet[], leaves: readonly { id: string }[]): Set<number> {
  const scores = new Set<number>();
  for (const sheet of sheets) {
    if (sheet.conflict) continue;
    for (const leaf of leaves) {
      const score = leafScore(sheet.scores, leaf.id);
      if (typeof score === 'number') scores.add(score);
    }
  }
  return scores;
}

/** The sheet's score for a leaf; only its own properties count (as `sheetTotal` reads them). */
function leafScore(scores: Readonly<Record<string, unknown>>, id: string): unknown {
  return Object.hasOwn(scores, id) ? scores[id] : undefined;
}

function addSheet(
  entry: ApplicantReviews,
  rubric: Rubric,
  scale: Scale,
  leaves: readonly { id: string }[],
  expertId: string,
  sheet: ScoreSheet,
): void {
  if (sheet.conflict) {
    entry.conflicts.push(expertId);
    return;
  }
  const leafUnits = new Array<bigint>(leaves.length);
  let units = 0n;
  for (let i = 0; i < leaves.length; i += 1) {
    leafUnits[i] = scale.units(leafScore(sheet.scores, leaves[i]!.id));
    units += leafUnits[i]!;
  }
  entry.reviews.push({
    expertId,
    total: scale.fraction(units),
    units,
    leafUnits,
    vetoed: sheetIneligible(rubric, sheet),
    scores: sheet.scores,
  });
}
