import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactOf } from '../../../shared/exact';
import { formatProblem } from '../../../shared/problem';
import type { Rubric } from '../../../shared/round/schema';
import { validateRound } from '../../../shared/round/validate';
import { sheetTotal } from '../../../shared/rubric';
import {
  completeSheet,
  scoreFilePayloadSchema,
  SCORES_PAYLOAD_TYPE,
  sheetFileSchema,
  sheetIneligible,
  sheetInputSchema,
  validateScoreSheet,
  validateSheet,
  type SheetInput,
} from '../../../shared/sheet';
import { sampleRound } from './round-fixture';

function rubricOf(index: number): Rubric {
  const result = validateRound(sampleRound());
  if (!result.ok) throw new Error('fixture is invalid');
  return result.value.rubrics[index]!;
}

const integrity = rubricOf(0);
const innovation = rubricOf(1);

function goodSheet(): SheetInput {
  return {
    applicantId: 'A001',
    checks: { k1: true, k2: true },
    scores: { c1: 20.5, c2a: 8, c2b: 12, c3: 42.5 },
    total: 83,
    comment: '材料齐全，经营规范。',
  };
}

function linesOf(rubric: Rubric, sheet: unknown, path = 'sheets[3]'): string[] {
  return validateSheet(rubric, sheet, path).map(formatProblem);
}

describe('sheet input schema', () => {
  it('accepts a filled sheet and a minimal one', () => {
    expect(sheetInputSchema.safeParse(goodSheet()).success).toBe(true);
    expect(sheetInputSchema.safeParse({ applicantId: 'A001' }).success).toBe(true);
    expect(sheetFileSchema.safeParse({ sheets: [goodSheet()] }).success).toBe(true);
  });

  it('refuses unknown fields as typos', () => {
    const { scores, ...rest } = goodSheet();
    expect(linesOf(integrity, { ...rest, scroes: scores })).toEqual(
      expect.arrayContaining(['sheets[3].scroes (A001): unknown field "scroes"']),
    );
    expect(sheetFileSchema.safeParse({ sheets: [], expert: 'E01' }).success).toBe(false);
  });

  it('reports wrong types with the sheet path', () => {
    const sheet = { ...goodSheet(), scores: { c1: '20', c2a: 8, c2b: 12, c3: 42.5 }, checks: { k1: 'yes', k2: true } };
    expect(linesOf(integrity, sheet)).toEqual([
      'sheets[3].checks.k1 (A001): expected true or false, got string',
      'sheets[3].scores.c1 (A001): expected a number, got string',
    ]);
  });
});

describe('validateSheet: scored sheets', () => {
  it('accepts a complete, consistent sheet, with or without total', () => {
    expect(linesOf(integrity, goodSheet())).toEqual([]);
    const { total: _total, ...withoutTotal } = goodSheet();
    expect(linesOf(integrity, withoutTotal)).toEqual([]);
  });

  it('every check answered, no unknown checks', () => {
    const sheet = { ...goodSheet(), checks: { k1: true, k3: false } };
    expect(linesOf(integrity, sheet)).toEqual([
      'sheets[3].checks.k2 (A001): check "k2" is not answered',
      'sheets[3].checks.k3 (A001): unknown check "k3"',
    ]);
  });

  it('every leaf scored; unknown criteria and groups refused', () => {
    const sheet = { ...goodSheet(), scores: { c1: 20.5, c2: 20, c3: 42.5, c9: 1 } };
    delete sheet.total;
    expect(linesOf(integrity, sheet)).toEqual([
      'sheets[3].scores.c2a (A001): criterion "c2a" is not scored',
      'sheets[3].scores.c2b (A001): criterion "c2b" is not scored',
      'sheets[3].scores.c2 (A001): "c2" is a group: score its criteria c2a, c2b instead',
      'sheets[3].scores.c9 (A001): unknown criterion "c9"',
    ]);
  });

  it('each score is a multiple of its step within [0, max]', () => {
    const sheet = { ...goodSheet(), scores: { c1: 12.3, c2a: -1, c2b: 16, c3: 50 } };
    delete sheet.total;
    expect(linesOf(integrity, sheet)).toEqual([
      'sheets[3].scores.c1 (A001): 12.3 is off the step 0.5 of c1',
      'sheets[3].scores.c2a (A001): -1 is below 0',
      'sheets[3].scores.c2b (A001): 16 is above the maximum 15',
    ]);
    const top = { ...goodSheet(), scores: { c1: 25, c2a: 0, c2b: 15, c3: 47.5 }, total: 87.5, criterionComments: { c2a: '无' } };
    expect(linesOf(integrity, top)).toEqual([]);
  });

  it('the message for a score above max', () => {
    const sheet = { ...goodSheet(), scores: { c1: 26, c2a: 8, c2b: 12, c3: 42.5 } };
    delete sheet.total;
    expect(linesOf(integrity, sheet)).toEqual(['sheets[3].scores.c1 (A001): 26 is above the maximum 25']);
  });

  it('total, when given, equals the exact sum', () => {
    const sheet = { ...goodSheet(), scores: { c1: 21, c2a: 8, c2b: 12, c3: 30 }, total: 71 };
    expect(linesOf(integrity, { ...sheet, scores: { ...sheet.scores, c1: 21.5 } })).toEqual([
      'sheets[3].total (A001): total 71 does not match the sum of the scores 71.5',
    ]);
    expect(linesOf(integrity, sheet)).toEqual([]);
  });

  it('totals are exact: 0.1 + 0.2 steps', () => {
    const tenths: Rubric = {
      id: 'r',
      title: 't',
      criteria: [
        { id: 'a', label: 'a', max: 1, step: 0.1 },
        { id: 'b', label: 'b', max: 1, step: 0.1 },
      ],
    };
    expect(validateSheet(tenths, { applicantId: 'A', scores: { a: 0.1, b: 0.2 }, total: 0.3 }, '')).toEqual([]);
    expect(validateSheet(tenths, { applicantId: 'A', scores: { a: 0.1, b: 0.2 }, total: 0.1 + 0.2 }, '').map(formatProblem)).toEqual([
      'total (A): total 0.30000000000000004 does not match the sum of the scores 0.3',
    ]);
    expect(validateSheet(tenths, { applicantId: 'A', scores: { a: 0.7, b: 0.3 } }, '')).toEqual([]);
  });

  it('commentRequired needs a non-empty comment', () => {
    expect(linesOf(integrity, { ...goodSheet(), comment: '' })).toEqual(['sheets[3].comment (A001): a comment is required']);
    const { comment: _comment, ...noComment } = goodSheet();
    expect(linesOf(integrity, noComment)).toEqual(['sheets[3].comment (A001): a comment is required']);
    expect(linesOf(innovation, { applicantId: 'P001', scores: { n1: 30, n2: 45 } })).toEqual([]);
  });

  it('criterionCommentBelowPercent applies to leaves and groups strictly below', () => {
    // c1 14.5/25 = 58% (below 60), c2a 6/10 = 60% (not below), c2b 8/15 = 53% (below),
    // group c2 14/25 = 56% (below), c3 30/50 = 60% (not below)
    const sheet = { ...goodSheet(), scores: { c1: 14.5, c2a: 6, c2b: 8, c3: 30 }, total: 58.5 };
    expect(linesOf(integrity, sheet)).toEqual([
      'sheets[3].criterionComments.c1 (A001): c1 scored 14.5 of 25, below 60%: a comment is required',
      'sheets[3].criterionComments.c2 (A001): c2 scored 14 of 25, below 60%: a comment is required',
      'sheets[3].criterionComments.c2b (A001): c2b scored 8 of 15, below 60%: a comment is required',
    ]);
    const commented = { ...sheet, criterionComments: { c1: '证明不足', c2: '能力一般', c2b: '业绩少', c3: '' } };
    expect(linesOf(integrity, commented)).toEqual([]);
    expect(linesOf(integrity, { ...commented, criterionComments: { ...commented.criterionComments, c2: '' } })).toEqual([
      'sheets[3].criterionComments.c2 (A001): c2 scored 14 of 25, below 60%: a comment is required',
    ]);
  });

  it('criterion comments name criteria', () => {
    expect(linesOf(integrity, { ...goodSheet(), criterionComments: { c7: '?' } })).toEqual([
      'sheets[3].criterionComments.c7 (A001): unknown criterion "c7"',
    ]);
  });
});

describe('validateSheet: conflict sheets', () => {
  it('accepts a conflict with a reason and nothing scored', () => {
    expect(linesOf(integrity, { applicantId: 'A001', conflict: true, conflictReason: '曾任该公司顾问' })).toEqual([]);
    expect(linesOf(integrity, { applicantId: 'A001', conflict: true, conflictReason: '亲属', scores: {}, total: 0 })).toEqual([]);
  });

  it('needs a reason and no scores, checks or criterion comments', () => {
    const sheet = {
      applicantId: 'A001',
      conflict: true,
      conflictReason: '',
      checks: { k1: true },
      scores: { c1: 3 },
      criterionComments: { c1: 'x' },
      total: 3,
    };
    expect(linesOf(integrity, sheet)).toEqual([
      'sheets[3].conflictReason (A001): a conflict of interest needs a reason (conflictReason)',
      'sheets[3].scores (A001): a conflict sheet has no scores',
      'sheets[3].checks (A001): a conflict sheet has no check answers',
      'sheets[3].criterionComments (A001): a conflict sheet has no criterion comments',
      'sheets[3].total (A001): total 3 of a conflict sheet must be 0',
    ]);
    expect(linesOf(integrity, { applicantId: 'A001', conflict: true })).toEqual([
      'sheets[3].conflictReason (A001): a conflict of interest needs a reason (conflictReason)',
    ]);
  });

  it('conflict: false is an ordinary sheet', () => {
    expect(linesOf(integrity, { ...goodSheet(), conflict: false })).toEqual([]);
    expect(linesOf(integrity, { applicantId: 'A001', conflict: false })).toContain(
      'sheets[3].scores.c1 (A001): criterion "c1" is not scored',
    );
  });
});

describe('validateSheet on any input', () => {
  it('reports a non-object sheet', () => {
    expect(linesOf(integrity, 42)).toEqual(['sheets[3]: expected an object, got number']);
    expect(linesOf(integrity, null, '')).toEqual(['(root): expected an object, got null']);
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(Array.isArray(validateSheet(integrity, value, 'sheets[0]'))).toBe(true);
        expect(Array.isArray(validateScoreSheet(integrity, value, 'sheets[0]'))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on sheet-shaped arbitrary JSON', () => {
    const key = fc.constantFrom('c1', 'c2', 'c2a', 'c2b', 'c3', 'k1', 'k2', 'zz', '__proto__', 'constructor');
    const sheet = fc.record(
      {
        applicantId: fc.oneof(fc.string(), fc.anything()),
        conflict: fc.oneof(fc.boolean(), fc.anything()),
        conflictReason: fc.oneof(fc.string(), fc.anything()),
        checks: fc.oneof(fc.dictionary(key, fc.oneof(fc.boolean(), fc.anything())), fc.anything()),
        scores: fc.oneof(fc.dictionary(key, fc.oneof(fc.double(), fc.integer(), fc.anything())), fc.anything()),
        total: fc.oneof(fc.double(), fc.anything()),
        criterionComments: fc.oneof(fc.dictionary(key, fc.oneof(fc.string(), fc.anything())), fc.anything()),
        comment: fc.oneof(fc.string(), fc.anything()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(sheet, (value) => {
        expect(Array.isArray(validateSheet(integrity, value, 'sheets[0]'))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('completeSheet', () => {
  it('fills every field of §3 with the exact total', () => {
    const sheet = { applicantId: 'A001', checks: { k1: true, k2: false }, scores: { c1: 0.5, c2a: 0, c2b: 0, c3: 2.5 } };
    expect(completeSheet(integrity, sheet)).toEqual({
      applicantId: 'A001',
      conflict: false,
      conflictReason: '',
      checks: { k1: true, k2: false },
      scores: { c1: 0.5, c2a: 0, c2b: 0, c3: 2.5 },
      total: 3,
      criterionComments: {},
      comment: '',
    });
  });

  it('gives a conflict sheet total 0 and nothing scored', () => {
    expect(completeSheet(integrity, { applicantId: 'A002', conflict: true, conflictReason: '亲属' })).toEqual({
      applicantId: 'A002',
      conflict: true,
      conflictReason: '亲属',
      checks: {},
      scores: {},
      total: 0,
      criterionComments: {},
      comment: '',
    });
  });

  it('writes the total as the double of the exact decimal', () => {
    const tenths: Rubric = { id: 'r', title: 't', criteria: [{ id: 'a', label: 'a', max: 1, step: 0.1 }, { id: 'b', label: 'b', max: 1, step: 0.1 }] };
    expect(completeSheet(tenths, { applicantId: 'A', scores: { a: 0.1, b: 0.2 } }).total).toBe(0.3);
  });

  it('its output passes as a score file sheet', () => {
    const complete = completeSheet(integrity, goodSheet());
    expect(validateScoreSheet(integrity, complete, 'sheets[0]')).toEqual([]);
    const { total: _total, ...withoutTotal } = complete;
    expect(validateScoreSheet(integrity, withoutTotal, 'sheets[0]').map(formatProblem)).toEqual([
      'sheets[0].total (A001): missing required field "total"',
    ]);
    expect(validateScoreSheet(integrity, { ...complete, reviewedOn: 'laptop' }, 'sheets[0]')).toEqual([]);
  });
});

describe('sheetIneligible', () => {
  it('is true when a veto check is answered false', () => {
    expect(sheetIneligible(integrity, { checks: { k1: false, k2: true } })).toBe(true);
  });
  it('is false for a failed non-veto check, passed checks, or a conflict sheet', () => {
    expect(sheetIneligible(integrity, { checks: { k1: true, k2: false } })).toBe(false);
    expect(sheetIneligible(integrity, { checks: {} })).toBe(false);
    expect(sheetIneligible(integrity, { conflict: true, checks: { k1: false } })).toBe(false);
    expect(sheetIneligible(innovation, { checks: { k1: false } })).toBe(false);
  });
});

describe('score file payload', () => {
  const payload = () => ({
    roundId: 'nmgaf-2025-awards',
    bundleId: '3f2b8c1e-9d4a-4f6b-8a2e-1c5d7e9f0a1b',
    bundleVersion: 1,
    manifestSha256: 'b'.repeat(64),
    expertId: 'E01',
    expertName: '张三',
    publicKey: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
    revision: 1,
    final: true,
    createdAt: '2025-11-18T10:00:00Z',
    appVersion: '0.1.0',
    sheets: [completeSheet(integrity, goodSheet())],
  });

  it('has the fixed payload type', () => {
    expect(SCORES_PAYLOAD_TYPE).toBe('application/vnd.reviewdesk.scores+json;v=1');
  });

  it('accepts a payload and keeps unknown fields', () => {
    const parsed = scoreFilePayloadSchema.safeParse({ ...payload(), device: 'x' });
    expect(parsed.success).toBe(true);
    expect(parsed.data?.device).toBe('x');
    expect(scoreFilePayloadSchema.safeParse({ ...payload(), createdAt: '2025-11-18T18:00:00+08:00' }).success).toBe(true);
  });

  it('refuses a payload missing fields or with a bad revision', () => {
    const { final: _final, ...rest } = payload();
    expect(scoreFilePayloadSchema.safeParse(rest).success).toBe(false);
    expect(scoreFilePayloadSchema.safeParse({ ...payload(), revision: 0 }).success).toBe(false);
    expect(scoreFilePayloadSchema.safeParse({ ...payload(), createdAt: 'yesterday' }).success).toBe(false);
  });
});

describe('exact totals, property', () => {
  it('the sum of random valid leaf scores equals sheetTotal, and the sheet is valid', () => {
    const leafScores = fc.record({
      c1: fc.integer({ min: 0, max: 50 }).map((n) => n * 0.5),
      c2a: fc.integer({ min: 0, max: 10 }),
      c2b: fc.integer({ min: 0, max: 15 }),
      c3: fc.integer({ min: 0, max: 20 }).map((n) => n * 2.5),
    });
    fc.assert(
      fc.property(leafScores, (scores) => {
        const expected = exactOf(scores.c1).add(exactOf(scores.c2a)).add(exactOf(scores.c2b)).add(exactOf(scores.c3));
        expect(sheetTotal(integrity, scores).equals(expected)).toBe(true);
        const total = completeSheet(integrity, { applicantId: 'A001', scores }).total;
        expect(exactOf(total).equals(expected)).toBe(true);
        const sheet = { ...goodSheet(), scores, total, criterionComments: { c1: '.', c2: '.', c2a: '.', c2b: '.', c3: '.' } };
        expect(validateSheet(integrity, sheet, '')).toEqual([]);
      }),
    );
  });
});
