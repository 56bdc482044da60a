// The sheet as the expert edits it in the workspace. Scores are kept as typed (text), so nothing
// typed is ever lost; a value that is not a valid score is reported beside its field and never
// counts as a score. The draft turns into a §6 input sheet once it is valid.
import { z } from 'zod';
import type { Fraction } from '../exact';
import type { Problem } from '../problem';
import type { Rubric } from '../round/schema';
import { leaves } from '../rubric/criteria';
import { sheetTotal } from '../rubric/marks';
import type { SheetInput } from './schema';
import { sheetIneligible } from './complete';
import { validateSheet } from './validate';

export const sheetDraftSchema = z.strictObject({
  conflict: z.boolean(),
  conflictReason: z.string().max(2000),
  checks: z.record(z.string().max(200), z.boolean()),
  scores: z.record(z.string().max(200), z.string().max(40)),
  criterionComments: z.record(z.string().max(200), z.string().max(20_000)),
  comment: z.string().max(50_000),
});

export type SheetDraft = z.infer<typeof sheetDraftSchema>;

export const emptyDraft = (): SheetDraft => ({ conflict: false, conflictReason: '', checks: {}, scores: {}, criterionComments: {}, comment: '' });

/** not-started: nothing entered; draft: incomplete or invalid; complete; conflict (回避); ineligible: complete with a failed veto. */
export type SheetStatus = 'not-started' | 'draft' | 'complete' | 'conflict' | 'ineligible';

const DECIMAL = /^\s*\d+(?:\.\d+)?\s*$/;

export interface DraftEvaluation {
  status: SheetStatus;
  /** The sum of the valid scores entered so far (exact). */
  total: Fraction;
  /** Every problem, paths relative to the sheet (`scores.c1`, `comment`, …). */
  problems: Problem[];
  /** The §6 input sheet, present when the draft is complete and valid. */
  sheet?: SheetInput;
}

function isEmpty(draft: SheetDraft): boolean {
  return (
    !draft.conflict &&
    draft.conflictReason === '' &&
    Object.keys(draft.checks).length === 0 &&
    Object.values(draft.scores).every((text) => text.trim() === '') &&
    Object.values(draft.criterionComments).every((text) => text === '') &&
    draft.comment === ''
  );
}

/** Parses typed scores; returns the numbers and a problem for each text that is not a number. */
function parseScores(draft: SheetDraft): { scores: Record<string, number>; problems: Problem[] } {
  const scores: Record<string, number> = {};
  const problems: Problem[] = [];
  for (const [id, text] of Object.entries(draft.scores)) {
    if (text.trim() === '') continue;
    if (!DECIMAL.test(text)) {
      problems.push({ path: `scores.${id}`, id, message: `"${text}" is not a number` });
      continue;
    }
    scores[id] = Number(text.trim());
  }
  return { scores, problems };
}

/** Status, live total and every problem of a draft, by the same rules `score` and `merge` apply. */
export function evaluateDraft(rubric: Rubric, applicantId: string, draft: SheetDraft): DraftEvaluation {
  if (isEmpty(draft)) return { status: 'not-started', total: sheetTotal(rubric, {}), problems: [] };
  if (draft.conflict) {
    const sheet: SheetInput = { applicantId, conflict: true, conflictReason: draft.conflictReason };
    const problems = validateSheet(rubric, sheet, '');
    return { status: problems.length === 0 ? 'conflict' : 'draft', total: sheetTotal(rubric, {}), problems, ...(problems.length === 0 ? { sheet } : {}) };
  }
  const parsed = parseScores(draft);
  const rubricLeaves = new Set(leaves(rubric).map((leaf) => leaf.id));
  const validScores = Object.fromEntries(Object.entries(parsed.scores).filter(([id]) => rubricLeaves.has(id)));
  const sheet: SheetInput = {
    applicantId,
    checks: draft.checks,
    scores: parsed.scores,
    criterionComments: Object.fromEntries(Object.entries(draft.criterionComments).filter(([, text]) => text !== '')),
    comment: draft.comment,
  };
  const problems = [...parsed.problems, ...validateSheet(rubric, sheet, '')];
  const rangeProblems = new Set(problems.filter((problem) => problem.path.startsWith('scores.')).map((problem) => problem.path.slice('scores.'.length)));
  const counted = Object.fromEntries(Object.entries(validScores).filter(([id]) => !rangeProblems.has(id)));
  const total = sheetTotal(rubric, counted);
  if (problems.length > 0) return { status: 'draft', total, problems };
  return { status: sheetIneligible(rubric, sheet) ? 'ineligible' : 'complete', total, problems, sheet };
}
