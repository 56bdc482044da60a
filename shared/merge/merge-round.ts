// The merge core's entry point: verified sheets in, every category aggregated, ranked and awarded.
// Pure: no I/O, and the result does not depend on the order of experts or sheets.
import { mergeCategory } from './category';
import type { MergeInput, MergeResult } from './types';

/**
 * Refuses input that verification should have stopped: a sheet for an applicant the round does
 * not have (it would otherwise be silently ignored). Duplicate experts and duplicate sheets are
 * refused while collecting each category's reviews.
 */
function checkApplicants(input: MergeInput): void {
  const known = new Set(input.round.applicants.map((applicant) => applicant.id));
  for (const expert of input.experts) {
    for (const sheet of expert.sheets) {
      if (!known.has(sheet.applicantId)) {
        throw new RangeError(`expert "${expert.expertId}" has a sheet for unknown applicant "${sheet.applicantId}"`);
      }
    }
  }
}

export function mergeRound(input: MergeInput): MergeResult {
  checkApplicants(input);
  const { round, experts, method } = input;
  return {
    roundId: round.round.id,
    method: method ?? 'per-category',
    categories: round.categories.map((category) => mergeCategory(round, category, experts, method)),
  };
}
