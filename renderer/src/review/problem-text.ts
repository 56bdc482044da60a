// Sheet problems (from the shared rules, in English) placed beside their field and said in the
// user's language. The patterns follow shared/sheet/validate.ts and draft.ts; a problem no
// pattern knows is shown as it is.
import type { Problem } from '../../../shared/problem';

export interface FieldMessage {
  /** `scores.c1`, `checks.k1`, `criterionComments.c2`, `comment`, `conflictReason`, … */
  field: string;
  key: string;
  values: Record<string, string>;
  /** The original text, shown when `key` is empty. */
  text: string;
}

const PATTERNS: [RegExp, string, (match: RegExpExecArray) => Record<string, string>][] = [
  [/is not a number$/, 'sheet.problems.notNumber', () => ({})],
  [/is above the maximum (\S+)$/, 'sheet.problems.aboveMax', (m) => ({ max: m[1]! })],
  [/is below 0$/, 'sheet.problems.belowZero', () => ({})],
  [/is off the step (\S+) of /, 'sheet.problems.offStep', (m) => ({ step: m[1]! })],
  [/is not scored$/, 'sheet.problems.notScored', () => ({})],
  [/is not answered$/, 'sheet.problems.notAnswered', () => ({})],
  [/below (\S+)%: a comment is required$/, 'sheet.problems.criterionCommentRequired', (m) => ({ percent: m[1]! })],
  [/^a comment is required$/, 'sheet.problems.commentRequired', () => ({})],
  [/needs a reason/, 'sheet.problems.conflictReason', () => ({})],
];

export function fieldMessages(problems: readonly Problem[]): Map<string, FieldMessage> {
  const byField = new Map<string, FieldMessage>();
  for (const problem of problems) {
    if (byField.has(problem.path)) continue;
    let message: FieldMessage = { field: problem.path, key: '', values: {}, text: problem.message };
    for (const [pattern, key, values] of PATTERNS) {
      const match = pattern.exec(problem.message);
      if (match) {
        message = { ...message, key, values: values(match) };
        break;
      }
    }
    byField.set(problem.path, message);
  }
  return byField;
}
