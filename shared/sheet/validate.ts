// Checking a score sheet against its rubric (FORMATS §6 "Sheets"). Every problem is reported;
// the rules read the sheet defensively, so any JSON value can be checked without throwing.
//
// `checks` (./rubric-checks) carries what checking many sheets against one rubric reuses; callers
// checking one sheet can leave it out.
import { exactOf, formatExact } from '../exact';
import type { Problem } from '../problem';
import { problemAt, problemsUnder } from '../problem-at';
import { isGroup, type Rubric } from '../round/schema';
import { sheetTotal } from '../rubric/marks';
import { zodProblems } from '../zod-problems';
import { rubricChecks, type RubricChecks } from './rubric-checks';
import { isScoreSheetShape } from './score-sheet-shape';
import { scoreSheetSchema, sheetInputSchema } from './schema';

type Fields = Record<string, unknown>;

function fieldsOf(value: unknown): Fields | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : undefined;
}

function hasOwn(object: Fields, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

function isNonEmptyText(value: unknown): boolean {
  return typeof value === 'string' && value !== '';
}

/**
 * An input sheet (strict: unknown fields are typos) checked against `rubric`. `path` is where the
 * sheet sits in its file, e.g. `sheets[3]`; problem paths continue it (`sheets[3].scores.c2a`).
 */
export function validateSheet(rubric: Rubric, sheet: unknown, path: string, checks?: RubricChecks): Problem[] {
  const parsed = sheetInputSchema.safeParse(sheet);
  const problems = parsed.success ? [] : problemsUnder(path, zodProblems(parsed.error, sheet));
  return [...problems, ...sheetRuleProblems(rubric, sheet, path, checks)];
}

/** A sheet of a score file payload (all §3 fields, unknown fields kept) checked against `rubric`. */
export function validateScoreSheet(rubric: Rubric, sheet: unknown, path: string, checks?: RubricChecks): Problem[] {
  // zod only when the quick test cannot vouch for the shape: it passes nothing zod refuses
  const parsed = isScoreSheetShape(sheet) ? { success: true as const } : scoreSheetSchema.safeParse(sheet);
  const problems = parsed.success ? [] : problemsUnder(path, zodProblems(parsed.error, sheet));
  return [...problems, ...sheetRuleProblems(rubric, sheet, path, checks)];
}

/** The rubric rules alone (no schema), for a sheet in either form. Never throws. */
export function sheetRuleProblems(rubric: Rubric, sheet: unknown, path: string, checks: RubricChecks = rubricChecks(rubric)): Problem[] {
  const problems: Problem[] = [];
  const report = (segments: readonly PropertyKey[], message: string) =>
    problems.push(problemAt(sheet, segments, message));
  const fields = fieldsOf(sheet);
  if (fields === undefined) return [];

  if (fields.conflict === true) conflictRules(fields, report);
  else scoredRules(rubric, checks, fields, report);
  return problemsUnder(path, problems);
}

type Report = (segments: readonly PropertyKey[], message: string) => void;

function conflictRules(sheet: Fields, report: Report): void {
  if (sheet.conflictReason === undefined || sheet.conflictReason === '') {
    report(['conflictReason'], 'a conflict of interest needs a reason (conflictReason)');
  }
  const parts = [
    ['scores', 'scores'],
    ['checks', 'check answers'],
    ['criterionComments', 'criterion comments'],
  ] as const;
  for (const [field, words] of parts) {
    const value = fieldsOf(sheet[field]);
    if (value !== undefined && Object.keys(value).length > 0) {
      report([field], `a conflict sheet has no ${words}`);
    }
  }
  if (typeof sheet.total === 'number' && sheet.total !== 0) {
    report(['total'], `total ${String(sheet.total)} of a conflict sheet must be 0`);
  }
}

function scoredRules(rubric: Rubric, checks: RubricChecks, sheet: Fields, report: Report): void {
  checkAnswerRules(checks, sheet, report);
  const scored = scoreRules(checks, sheet, report);
  if (scored === undefined) return;
  const { scores, valid } = scored;
  const { layout } = checks;

  const allScored = layout.leaves.every((leaf) => typeof scores[leaf.id] === 'number' && hasOwn(scores, leaf.id));
  if (typeof sheet.total === 'number' && Number.isFinite(sheet.total) && allScored) {
    const sum = exactSum(rubric, checks, scores);
    if (!exactOf(sheet.total).equals(sum)) {
      report(['total'], `total ${formatExact(exactOf(sheet.total))} does not match the sum of the scores ${formatExact(sum)}`);
    }
  }

  if (rubric.commentRequired === true && (sheet.comment === undefined || sheet.comment === '')) {
    report(['comment'], 'a comment is required');
  }

  const comments = sheet.criterionComments === undefined ? {} : fieldsOf(sheet.criterionComments);
  if (comments === undefined) return;
  for (const key of Object.keys(comments)) {
    if (!layout.byId.has(key)) report(['criterionComments', key], `unknown criterion "${key}"`);
  }
  const percent = rubric.criterionCommentBelowPercent;
  if (percent === undefined) return;
  for (const { criterion, leafIndices } of layout.criteria) {
    // only where every score is valid: a wrong score is reported already
    if (!leafIndices.every((index) => valid.has(layout.leaves[index]!.id))) continue;
    // value / max < percent / 100, exactly; valid scores are whole units
    let units = 0n;
    for (const index of leafIndices) units += checks.units(scores[layout.leaves[index]!.id] as number)!;
    const limit = checks.commentLimit(criterion.id);
    const below = units * limit.d < limit.s * limit.n;
    if (below && !isNonEmptyText(comments[criterion.id])) {
      const value = checks.unit.mul(units);
      report(
        ['criterionComments', criterion.id],
        `${criterion.id} scored ${formatExact(value)} of ${formatExact(checks.max(criterion.id))}, below ${String(percent)}%: a comment is required`,
      );
    }
  }
}

/**
 * The exact sum of the leaf scores (each one a number): a BigInt sum of whole units when every
 * score is one (every valid score is), else `sheetTotal`.
 */
function exactSum(rubric: Rubric, checks: RubricChecks, scores: Fields) {
  let units = 0n;
  for (const leaf of checks.layout.leaves) {
    const score = scores[leaf.id] as number;
    const count = Number.isFinite(score) ? checks.units(score) : undefined;
    if (count === undefined) return sheetTotal(rubric, scores);
    units += count;
  }
  return checks.unit.mul(units);
}

function checkAnswerRules(checks: RubricChecks, sheet: Fields, report: Report): void {
  const answers = sheet.checks === undefined ? {} : fieldsOf(sheet.checks);
  if (answers === undefined) return;
  for (const id of checks.checkIds) {
    if (!hasOwn(answers, id)) report(['checks', id], `check "${id}" is not answered`);
  }
  for (const key of Object.keys(answers)) {
    if (!checks.knownChecks.has(key)) report(['checks', key], `unknown check "${key}"`);
  }
}

/**
 * Checks every score. Returns the scores object (when it is one) and the ids of the leaves whose
 * score is valid, for the rules that follow.
 */
function scoreRules(checks: RubricChecks, sheet: Fields, report: Report): { scores: Fields; valid: Set<string> } | undefined {
  const scores = sheet.scores === undefined ? {} : fieldsOf(sheet.scores);
  if (scores === undefined) return undefined;
  const { layout } = checks;
  const valid = new Set<string>();
  for (const leaf of layout.leaves) {
    if (!hasOwn(scores, leaf.id)) report(['scores', leaf.id], `criterion "${leaf.id}" is not scored`);
  }
  for (const [key, score] of Object.entries(scores)) {
    const criterion = layout.byId.get(key);
    if (criterion === undefined) {
      report(['scores', key], `unknown criterion "${key}"`);
      continue;
    }
    if (isGroup(criterion.criterion)) {
      const parts = criterion.leafIndices.map((index) => layout.leaves[index]!.id).join(', ');
      report(['scores', key], `"${key}" is a group: score its criteria ${parts} instead`);
      continue;
    }
    if (typeof score !== 'number' || !Number.isFinite(score)) continue;
    const problem = checks.scoreProblem(key, score);
    if (problem === null) valid.add(key);
    else report(['scores', key], problem);
  }
  return { scores, valid };
}
