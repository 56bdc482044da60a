// The merge judges categories from sufficient statistics (shared/merge/panel.ts, leave-one-out.ts)
// and takes its statistics in whole units; these properties check that it decides exactly what the
// straightforward definitions decide (judgeCategory, fragileExperts, Fraction formulas) on random
// small rounds full of ties, conflicts, vetoes and scores off the rubric's steps.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fraction, ratioString, ratioToNumber, roundHalfUp, roundHalfUpRatio, toNumber } from '../../../shared/exact';
import {
  categoryPanel,
  categoryRules,
  collectCategoryReviews,
  fragileExperts,
  fragileInPanel,
  icc21,
  judgeCategory,
  judgePanel,
  kendallW,
  roundedSqrt,
  roundedSqrtRatio,
  type AggregationMethod,
  type ExpertSheets,
  type Judgement,
} from '../../../shared/merge';
import type { Award } from '../../../shared/round/schema';
import type { ScoreSheet } from '../../../shared/sheet/schema';
import { conflict, roundWith, scored } from './merge-fixture';

const APPLICANTS = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7'];
const EXPERTS = ['E01', 'E02', 'E03', 'E04', 'E05', 'E06'];

// Few distinct values, so ties happen; 0.1 and 12.25 are off the rubric's 0.5 step (verification
// refuses them, the merge core still counts them exactly).
const cell = fc.oneof(
  { weight: 1, arbitrary: fc.constant<'none' | 'conflict'>('none') },
  { weight: 1, arbitrary: fc.constant<'none' | 'conflict'>('conflict') },
  {
    weight: 6,
    arbitrary: fc.record({
      c1: fc.constantFrom(30, 40, 45, 47.5, 50, 0.1),
      g1: fc.constantFrom(20, 25, 12.25),
      g2: fc.constantFrom(0, 10, 10.5, 25),
      veto: fc.boolean(),
    }),
  },
);

const award: fc.Arbitrary<Award | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record({
    type: fc.constant('tiers' as const),
    tiers: fc.array(
      fc.record({ label: fc.constantFrom('一等奖', '二等奖', '三等奖'), count: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), minScore: fc.option(fc.constantFrom(70, 80, 90.5), { nil: undefined }) }),
      { minLength: 1, maxLength: 3 },
    ),
  }),
  fc.constant<Award>({ type: 'bands', bands: [{ label: '良', minScore: 80 }, { label: '优', minScore: 90 }] }),
  fc.constant<Award>({ type: 'levels', levels: [{ label: '甲', minScore: 85, when: { fact: 'staff', op: '>=', value: 3 } }, { label: '乙', minScore: 75 }] }),
);

const scenario = fc.record({
  applicants: fc.integer({ min: 1, max: APPLICANTS.length }),
  cells: fc.array(fc.array(cell, { minLength: APPLICANTS.length, maxLength: APPLICANTS.length }), { minLength: 1, maxLength: EXPERTS.length }),
  method: fc.constantFrom<AggregationMethod>('mean', 'trimmed-mean', 'median', 'zscore'),
  quorum: fc.integer({ min: 1, max: 3 }),
  trimMinExperts: fc.integer({ min: 3, max: 5 }),
  discrepancyPercent: fc.option(fc.constantFrom(5, 10, 12.5), { nil: undefined }),
  tieBreak: fc.subarray(['criterion:c1', 'criterion:g', 'median', 'criterion:g2']),
  award,
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function setUp(s: Scenario) {
  const ids = APPLICANTS.slice(0, s.applicants);
  const round = roundWith(
    {
      aggregation: { method: s.method, quorum: s.quorum, trimMinExperts: s.trimMinExperts, discrepancyPercent: s.discrepancyPercent },
      ...(s.award === undefined ? {} : { award: s.award }),
      tieBreak: s.tieBreak,
    },
    ids.map((id, i) => ({ id, facts: { staff: i } })),
  );
  const experts: ExpertSheets[] = s.cells.map((row, e) => ({
    expertId: EXPERTS[e]!,
    sheets: ids.flatMap((applicantId, a): ScoreSheet[] => {
      const spec = row[a]!;
      if (spec === 'none') return [];
      if (spec === 'conflict') return [conflict(applicantId)];
      return [scored(applicantId, spec, { veto: spec.veto })];
    }),
  }));
  const category = round.categories[0]!;
  const rules = categoryRules(round, category, undefined);
  const reviews = collectCategoryReviews(rules.rubric, round.applicants, experts);
  return { rules, reviews };
}

const text = (value: Fraction | null) => (value === null ? null : ratioString(value));

function view(judgement: Judgement) {
  const { entry, score, methods, ineligible, insufficient, discrepancy, rank, award: label, tie } = judgement;
  return {
    id: entry.applicant.id,
    score: text(score),
    methods: { mean: text(methods.mean), trimmed: text(methods['trimmed-mean']), median: text(methods.median), zscore: text(methods.zscore) },
    ineligible,
    insufficient,
    discrepancy,
    rank,
    award: label,
    tie,
  };
}

describe('judging from sufficient statistics', () => {
  it('gives the judgements judgeCategory gives, in the same order (property)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { rules, reviews } = setUp(s);
        const plain = judgeCategory(rules, reviews.entries);
        expect(judgePanel(categoryPanel(rules, reviews)).map(view)).toEqual(plain.map(view));
      }),
      { numRuns: 300 },
    );
  });

  it('finds the fragile applicants fragileExperts finds (property)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { rules, reviews } = setUp(s);
        const plain = fragileExperts(rules, reviews.entries, judgeCategory(rules, reviews.entries));
        const panel = categoryPanel(rules, reviews);
        expect(fragileInPanel(panel, judgePanel(panel))).toEqual(plain);
      }),
      { numRuns: 300 },
    );
  });
});

// The Fraction formulas agreement.ts used before it counted in whole numbers.
function plainKendallW(matrix: Fraction[][]): Fraction | null {
  const n = matrix.length;
  const m = matrix[0]?.length ?? 0;
  if (n < 2 || m < 2) return null;
  const rankSums = new Array<Fraction>(n).fill(new Fraction(0));
  let ties = 0n;
  for (let e = 0; e < m; e += 1) {
    const order = matrix.map((row, index) => ({ value: row[e]!, index })).sort((a, b) => b.value.compare(a.value));
    for (let start = 0; start < order.length; ) {
      let end = start + 1;
      while (end < order.length && order[end]!.value.equals(order[start]!.value)) end += 1;
      for (let i = start; i < end; i += 1) rankSums[order[i]!.index] = rankSums[order[i]!.index]!.add(new Fraction(start + 1 + end, 2));
      ties += BigInt(end - start) ** 3n - BigInt(end - start);
      start = end;
    }
  }
  const centre = rankSums.reduce((a, b) => a.add(b)).div(n);
  const s = rankSums.reduce((total, r) => total.add(r.sub(centre).pow(2)), new Fraction(0));
  const denominator = BigInt(m * m) * (BigInt(n) ** 3n - BigInt(n)) - BigInt(m) * ties;
  return denominator === 0n ? null : s.mul(12).div(new Fraction(denominator, 1n));
}

function plainIcc(matrix: Fraction[][]): Fraction | null {
  const n = matrix.length;
  const k = matrix[0]?.length ?? 0;
  if (n < 2 || k < 2) return null;
  const mean = (values: Fraction[]) => values.reduce((a, b) => a.add(b)).div(values.length);
  const all = matrix.flat();
  const grand = mean(all);
  const squares = (values: Fraction[]) => values.reduce((total, value) => total.add(value.sub(grand).pow(2)), new Fraction(0));
  const ssRows = squares(matrix.map(mean)).mul(k);
  const ssColumns = squares(Array.from({ length: k }, (_, j) => mean(matrix.map((row) => row[j]!)))).mul(n);
  const ssError = squares(all).sub(ssRows).sub(ssColumns);
  const msRows = ssRows.div(n - 1);
  const msColumns = ssColumns.div(k - 1);
  const msError = ssError.div((n - 1) * (k - 1));
  const denominator = msRows.add(msError.mul(k - 1)).add(msColumns.sub(msError).mul(k).div(n));
  return denominator.n === 0n ? null : msRows.sub(msError).div(denominator);
}

describe('statistics in whole numbers', () => {
  const value = fc.oneof(fc.constantFrom(0, 1, 2, 5), fc.integer({ min: -40, max: 40 })).chain((n) => fc.constantFrom(new Fraction(n, 1), new Fraction(n, 3), new Fraction(n, 8)));
  const matrix = fc.record({ n: fc.integer({ min: 1, max: 6 }), k: fc.integer({ min: 1, max: 5 }) }).chain(({ n, k }) =>
    fc.array(fc.array(value, { minLength: k, maxLength: k }), { minLength: n, maxLength: n }),
  );

  it("Kendall's W and ICC(2,1) equal the Fraction formulas (property)", () => {
    fc.assert(
      fc.property(matrix, (rows) => {
        expect(text(kendallW(rows))).toBe(text(plainKendallW(rows)));
        expect(text(icc21(rows))).toBe(text(plainIcc(rows)));
      }),
      { numRuns: 300 },
    );
  });

  const parts = fc.record({
    n: fc.oneof(fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n }), fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n })),
    d: fc.oneof(fc.bigInt({ min: 1n, max: 10n ** 4n }), fc.bigInt({ min: 1n, max: 10n ** 25n })),
    k: fc.bigInt({ min: 1n, max: 10n ** 12n }),
  });

  it('ratio forms need no lowest terms: rounding, square roots, nearest doubles (property)', () => {
    fc.assert(
      fc.property(parts, ({ n, d, k }) => {
        const f = new Fraction(n, d);
        expect(roundHalfUpRatio(n * k, d * k, 2)).toBe(roundHalfUp(f, 2));
        expect(ratioToNumber(n * k, d * k)).toBe(toNumber(f));
        expect(ratioToNumber(n, d)).toBe(toNumber(f));
        if (n >= 0n) expect(roundedSqrtRatio(n * k, d * k, 2)).toBe(roundedSqrt(f, 2));
      }),
      { numRuns: 500 },
    );
  });
});
