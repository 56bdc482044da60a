// Checking a score sheet against its rubric (FORMATS §6 "Sheets"). Every problem is reported;
// the rules read the sheet defensively, so any JSON value can be checked without throwing.
import { exactOf, formatExact, isMultipleOf } from '../exact';
import type { Problem } from '../problem';
import { problemAt, problemsUnder } from '../problem-at';
import { isGroup, type Rubric } from '../round/schema';
import { allCriteria, criterionLeaves, leaves } from '../rubric/criteria';
import { criterionMax, criterionValue, sheetTotal } from '../rubric/marks';
import { zodProblems } from '../zod-problems';
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
export function validateSheet(rubric: Rubric, sheet: unknown, path: string): Problem[] {
  const parsed = sheetInputSchema.safeParse(sheet);
  const problems = parsed.success ? [] : problemsUnder(path, zodProblems(parsed.error, sheet));
  return [...problems, ...sheetRuleProblems(rubric, sheet, path)];
}

/** A sheet of a score file payload (all §3 fields, unknown fields kept) checked against `rubric`. */
export function validateScoreSheet(rubric: Rubric, sheet: unknown, path: string): Problem[] {
  const parsed = scoreSheetSchema.safeParse(sheet);
  const problems = parsed.success ? [] : problemsUnder(path, zodProblems(parsed.error, sheet));
  return [...problems, ...sheetRuleProblems(rubric, sheet, path)];
}

/** The rubric rules alone (no schema), for a sheet in either form. Never throws. */
export function sheetRuleProblems(rubric: Rubric, sheet: unknown, path: string): Problem[] {
  const problems: Problem[] = [];
  const report = (segments: readonly PropertyKey[], message: string) =>
    problems.push(problemAt(sheet, segments, message));
  const fields = fieldsOf(sheet);
  if (fields === undefined) return [];

  if (fields.conflict === true) conflictRules(fields, report);
  else scoredRules(rubric, fields, report);
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

function scoredRules(rubric: Rubric, sheet: Fields, report: Report): void {
  checkAnswerRules(rubric, sheet, report);
  const scored = scoreRules(rubric, sheet, report);
  if (scored === undefined) return;
  const { scores, valid } = scored;

  const allScored = leaves(rubric).every((leaf) => typeof scores[leaf.id] === 'number' && hasOwn(scores, leaf.id));
  if (typeof sheet.total === 'number' && Number.isFinite(sheet.total) && allScored) {
    const sum = sheetTotal(rubric, scores);
    if (!exactOf(sheet.total).equals(sum)) {
      report(['total'], `total ${formatExact(exactOf(sheet.total))} does not match the sum of the scores ${formatExact(sum)}`);
    }
  }

  if (rubric.commentRequired === true && (sheet.comment === undefined || sheet.comment === '')) {
    report(['comment'], 'a comment is required');
  }

  const comments = sheet.criterionComments === undefined ? {} : fieldsOf(sheet.criterionComments);
  if (comments === undefined) return;
  const criteria = allCriteria(rubric);
  const known = new Set(criteria.map((criterion) => criterion.id));
  for (const key of Object.keys(comments)) {
    if (!known.has(key)) report(['criterionComments', key], `unknown criterion "${key}"`);
  }
  const percent = rubric.criterionCommentBelowPercent;
  if (percent === undefined) return;
  for (const criterion of criteria) {
    // only where every score is valid: a wrong score is reported already
    if (!criterionLeaves(criterion).every((leaf) => valid.has(leaf.id))) continue;
    const value = criterionValue(criterion, scores);
    const max = criterionMax(criterion);
    // value / max < percent / 100, exactly
    const below = value.mul(100).lt(max.mul(exactOf(percent)));
    if (below && !isNonEmptyText(comments[criterion.id])) {
      report(
        ['criterionComments', criterion.id],
        `${criterion.id} scored ${formatExact(value)} of ${formatExact(max)}, below ${String(percent)}%: a comment is required`,
      );
    }
  }
}

function checkAnswerRules(rubric: Rubric, sheet: Fields, report: Report): void {
  const answers = sheet.checks === undefined ? {} : fieldsOf(sheet.checks);
  if (answers === undefined) return;
  const checks = rubric.checks ?? [];
  const known = new Set(checks.map((check) => check.id));
  for (const check of checks) {
    if (!hasOwn(answers, check.id)) report(['checks', check.id], `check "${check.id}" is not answered`);
  }
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) report(['checks', key], `unknown check "${key}"`);
  }
}

/**
 * Checks every score. Returns the scores object (when it is one) and the ids of the leaves whose
 * score is valid, for the rules that follow.
 */
function scoreRules(rubric: Rubric, sheet: Fields, report: Report): { scores: Fields; valid: Set<string> } | undefined {
  const scores = sheet.scores === undefined ? {} : fieldsOf(sheet.scores);
  if (scores === undefined) return undefined;
  const criteria = new Map(allCriteria(rubric).map((criterion) => [criterion.id, criterion]));
  const valid = new Set<string>();
  for (const leaf of leaves(rubric)) {
    if (!hasOwn(scores, leaf.id)) report(['scores', leaf.id], `criterion "${leaf.id}" is not scored`);
  }
  for (const [key, score] of Object.entries(scores)) {
    const criterion = criteria.get(key);
    if (criterion === undefined) {
      report(['scores', key], `unknown criterion "${key}"`);
      continue;
    }
    if (isGroup(criterion)) {
      const parts = criterionLeaves(criterion).map((leaf) => leaf.id).join(', ');
      report(['scores', key], `"${key}" is a group: score its criteria ${parts} instead`);
      continue;
    }
    if (typeof score !== 'number' || !Number.isFinite(score)) continue;
    const value = exactOf(score);
    const max = exactOf(criterion.max);
    const step = exactOf(criterion.step);
    if (value.s < 0n && value.n !== 0n) report(['scores', key], `${formatExact(value)} is below 0`);
    else if (value.gt(max)) report(['scores', key], `${formatExact(value)} is above the maximum ${formatExact(max)}`);
    else if (!isMultipleOf(value, step)) {
      report(['scores', key], `${formatExact(value)} is off the step ${formatExact(step)} of ${key}`);
    } else valid.add(key);
  }
  return { scores, valid };
}
