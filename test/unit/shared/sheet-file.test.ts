import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../shared/problem';
import { applicantRubric, assignedApplicants } from '../../../shared/round/lookup';
import type { RoundDefinition } from '../../../shared/round/schema';
import { validateRound } from '../../../shared/round/validate';
import { validateSheetFile } from '../../../shared/sheet';
import { sampleRound } from './round-fixture';

function round(): RoundDefinition {
  const result = validateRound(sampleRound());
  if (!result.ok) throw new Error('fixture is invalid');
  return result.value;
}

const a001 = {
  applicantId: 'A001',
  checks: { k1: true, k2: true },
  scores: { c1: 20.5, c2a: 8, c2b: 12, c3: 42.5 },
  comment: '规范',
};
const a002 = { applicantId: 'A002', conflict: true, conflictReason: '曾任顾问' };
const p001 = { applicantId: 'P001', scores: { n1: 30, n2: 45 }, total: 75 };

function linesOf(input: unknown, options?: Parameters<typeof validateSheetFile>[2]): string[] {
  const result = validateSheetFile(round(), input, options);
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('round lookups', () => {
  it('finds the rubric of an applicant through its category', () => {
    expect(applicantRubric(round(), 'P001')?.id).toBe('innovation');
    expect(applicantRubric(round(), 'A001')?.id).toBe('integrity');
    expect(applicantRubric(round(), 'X')).toBeUndefined();
  });

  it('lists the applicants assigned to an expert, by category or by id', () => {
    expect(assignedApplicants(round(), 'E01').map((a) => a.id)).toEqual(['A001', 'A002']);
    expect(assignedApplicants(round(), 'E02').map((a) => a.id)).toEqual(['A001', 'A002', 'P001']);
    expect(assignedApplicants(round(), 'E99')).toEqual([]);
  });
});

describe('validateSheetFile', () => {
  it('accepts sheets for different rubrics', () => {
    const result = validateSheetFile(round(), { sheets: [a001, a002, p001] }, { expertId: 'E02', final: true });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.sheets).toHaveLength(3);
  });

  it('checks each sheet against its own rubric, with file paths', () => {
    const wrong = { ...p001, scores: { n1: 30, n2: 44 } };
    expect(linesOf({ sheets: [a001, wrong] })).toEqual([
      'sheets[1].scores.n2 (P001): 44 is off the step 5 of n2',
      'sheets[1].total (P001): total 75 does not match the sum of the scores 74',
    ]);
  });

  it('refuses unknown and unassigned applicants, and a second sheet for one applicant', () => {
    expect(linesOf({ sheets: [a001, { applicantId: 'Z9' }, p001, a001] }, { expertId: 'E01' })).toEqual([
      'sheets[1].applicantId (Z9): unknown applicant "Z9"',
      'sheets[2].applicantId (P001): applicant "P001" is not assigned to expert "E01"',
      'sheets[3].applicantId (A001): a second sheet for applicant "A001" (first at sheets[0])',
    ]);
  });

  it('a final file has a sheet for every assigned applicant', () => {
    expect(linesOf({ sheets: [a001] }, { expertId: 'E01', final: true })).toEqual([
      'sheets: no sheet for assigned applicant "A002" (a final file has one for each)',
    ]);
    expect(linesOf({ sheets: [a001] }, { expertId: 'E01', final: false })).toEqual([]);
  });

  it('refuses a file of the wrong shape and typos at the top', () => {
    expect(linesOf({ sheet: [] })).toEqual(['sheets: missing required field "sheets"', 'sheet: unknown field "sheet"']);
    expect(linesOf([])).toEqual(['(root): expected an object, got an array']);
    expect(linesOf({ sheets: [{ applicantId: 'Z9', score: {} }] })).toEqual([
      'sheets[0].score (Z9): unknown field "score"',
      'sheets[0].applicantId (Z9): unknown applicant "Z9"',
    ]);
  });
});
