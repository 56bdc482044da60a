// Checking a whole sheet file (`{"sheets": […]}`) against a round, for one expert.
import { z } from 'zod';
import type { Problem, Result } from '../problem';
import { jsonPath } from '../problem';
import { problemAt, problemsUnder } from '../problem-at';
import { assignedApplicants } from '../round/lookup';
import type { Applicant, RoundDefinition, Rubric } from '../round/schema';
import { zodProblems } from '../zod-problems';
import { rubricChecks, type RubricChecks } from './rubric-checks';
import { scoreSheetSchema, sheetFileSchema, sheetInputSchema, type SheetFile } from './schema';
import { validateScoreSheet, validateSheet } from './validate';

export interface SheetFileOptions {
  /** The expert filling the sheets: each applicant must be assigned to them. */
  expertId?: string;
  /** A final file has a sheet for every applicant assigned to the expert (needs expertId). */
  final?: boolean;
  /** `input` (default): sheets as typed for `score` (strict); `payload`: sheets of a score file (all §3 fields, unknown ones kept). */
  form?: 'input' | 'payload';
}

const sheetFileShell = z.strictObject({ sheets: z.array(z.unknown()) });

type RoundParts = Pick<RoundDefinition, 'rubrics' | 'categories' | 'applicants' | 'experts'>;

/**
 * The round's applicants and each one's rubric checks, looked up by id: a file has a sheet per
 * applicant, and `findApplicant`/`applicantRubric` walk the round's lists. First match wins, as
 * there.
 */
function roundIndex(round: RoundParts) {
  const first = <T extends { id: string }>(items: readonly T[]) => {
    const byId = new Map<string, T>();
    for (const item of items) if (!byId.has(item.id)) byId.set(item.id, item);
    return byId;
  };
  const applicants = first(round.applicants);
  const categories = first(round.categories);
  const rubrics = first(round.rubrics);
  const checks = new Map<Rubric, RubricChecks>();
  return {
    applicant: (id: string): Applicant | undefined => applicants.get(id),
    rubric(id: string): { rubric: Rubric; checks: RubricChecks } | undefined {
      const applicant = applicants.get(id);
      const category = applicant === undefined ? undefined : categories.get(applicant.category);
      const rubric = category === undefined ? undefined : rubrics.get(category.rubric);
      if (rubric === undefined) return undefined;
      let known = checks.get(rubric);
      if (known === undefined) checks.set(rubric, (known = rubricChecks(rubric)));
      return { rubric, checks: known };
    },
  };
}

/**
 * The sheet file, or every problem: its shape, each sheet against its applicant's rubric, unknown
 * or unassigned applicants, more than one sheet per applicant, and (final) missing sheets.
 */
export function validateSheetFile(
  round: RoundParts,
  input: unknown,
  options: SheetFileOptions = {},
): Result<SheetFile> {
  const shell = sheetFileShell.safeParse(input);
  if (!shell.success) return { ok: false, problems: zodProblems(shell.error, input) };
  const problems: Problem[] = [];
  const report = (segments: readonly PropertyKey[], message: string) =>
    problems.push(problemAt(input, segments, message));
  const assigned =
    options.expertId === undefined
      ? undefined
      : new Set(assignedApplicants(round, options.expertId).map((applicant) => applicant.id));
  const seen = new Map<string, number>();
  const index = roundIndex(round);

  shell.data.sheets.forEach((sheet, i) => {
    const where = jsonPath(['sheets', i]);
    const applicantId = (sheet as { applicantId?: unknown } | null)?.applicantId;
    const scored = typeof applicantId === 'string' ? index.rubric(applicantId) : undefined;
    const payloadForm = options.form === 'payload';
    if (scored !== undefined) problems.push(...(payloadForm ? validateScoreSheet : validateSheet)(scored.rubric, sheet, where, scored.checks));
    else {
      const parsed = (payloadForm ? scoreSheetSchema : sheetInputSchema).safeParse(sheet);
      if (!parsed.success) problems.push(...problemsUnder(where, zodProblems(parsed.error, sheet)));
    }
    if (typeof applicantId !== 'string' || applicantId === '') return;
    if (index.applicant(applicantId) === undefined) {
      report(['sheets', i, 'applicantId'], `unknown applicant "${applicantId}"`);
    } else if (assigned !== undefined && !assigned.has(applicantId)) {
      report(['sheets', i, 'applicantId'], `applicant "${applicantId}" is not assigned to expert "${options.expertId}"`);
    }
    const first = seen.get(applicantId);
    if (first === undefined) seen.set(applicantId, i);
    else report(['sheets', i, 'applicantId'], `a second sheet for applicant "${applicantId}" (first at sheets[${first}])`);
  });

  if (options.final === true && assigned !== undefined) {
    for (const applicantId of assigned) {
      if (!seen.has(applicantId)) {
        report(['sheets'], `no sheet for assigned applicant "${applicantId}" (a final file has one for each)`);
      }
    }
  }

  if (problems.length > 0) return { ok: false, problems };
  const parsed = options.form === 'payload' ? { success: true as const, data: input as SheetFile } : sheetFileSchema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: zodProblems(parsed.error, input) };
}
