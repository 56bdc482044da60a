// From an input sheet to the sheet a score file carries, and what a sheet says about eligibility.
import { toNumber } from '../exact';
import type { Rubric } from '../round/schema';
import { sheetTotal } from '../rubric/marks';
import type { ScoreSheet, SheetInput } from './schema';

/**
 * The payload form of a (valid) input sheet: every field of FORMATS §3 present, `total` the exact
 * sum of the scores as a JSON number (0 for a conflict sheet, which carries no scores or checks).
 */
export function completeSheet(rubric: Pick<Rubric, 'criteria'>, sheet: SheetInput): ScoreSheet {
  const conflict = sheet.conflict === true;
  const scores = conflict ? {} : { ...sheet.scores };
  return {
    applicantId: sheet.applicantId,
    conflict,
    conflictReason: sheet.conflictReason ?? '',
    checks: conflict ? {} : { ...sheet.checks },
    scores,
    total: conflict ? 0 : toNumber(sheetTotal(rubric, scores)),
    criterionComments: conflict ? {} : { ...sheet.criterionComments },
    comment: sheet.comment ?? '',
  };
}

/** True when the sheet answers a veto check with false (a conflict sheet never is). */
export function sheetIneligible(
  rubric: Pick<Rubric, 'checks'>,
  sheet: { conflict?: boolean | undefined; checks?: Readonly<Record<string, boolean>> | undefined },
): boolean {
  if (sheet.conflict === true) return false;
  return (rubric.checks ?? []).some((check) => check.veto === true && sheet.checks?.[check.id] === false);
}
