// Panel agreement (Kendall's W, ICC(2,1)) and leave-one-expert-out robustness.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactOf, Fraction, ratioString, roundHalfUp } from '../../../shared/exact';
import { icc21, kendallW, midRanks } from '../../../shared/merge';
import { mergeOne, panelOfTotals, roundWith, row } from './merge-fixture';

const matrixOf = (rows: number[][]) => rows.map((values) => values.map(exactOf));
const text = (value: Fraction | null) => (value === null ? null : ratioString(value));

// Four raters rank the strawberries of eight farms, best = 1 (influentialpoints.com,
// "Kendall coefficient of concordance", worked example I): ΣR = 31 12 12 15 22 5 22 25,
// SS = 500, W = 500 / (504 · 16 / 12) = 0.744.
const strawberryRanks = [
  [8, 4, 2, 3, 5, 1, 6, 7],
  [7, 3, 1, 4, 5, 2, 6, 8],
  [8, 2, 5, 6, 7, 1, 4, 3],
  [8, 3, 4, 2, 5, 1, 6, 7],
];

describe("Kendall's W", () => {
  it('matches the textbook example (no ties)', () => {
    // Rows are farms, columns raters; a total of 10 − rank ranks the same way.
    const rows = strawberryRanks[0]!.map((_, farm) => strawberryRanks.map((rater) => 10 - rater[farm]!));
    const w = kendallW(matrixOf(rows));
    expect(text(w)).toBe('125/168'); // 500/672
    expect(roundHalfUp(w!, 3)).toBe(0.744);
  });

  it('is reported per category over the ranked applicants', () => {
    const table: Record<string, number[]> = {};
    strawberryRanks[0]!.forEach((_, farm) => (table[`F${farm + 1}`] = strawberryRanks.map((rater) => 90 - 10 * rater[farm]!)));
    const category = mergeOne({ round: roundWith({}, Object.keys(table)), experts: panelOfTotals(table) });
    expect(category.agreement).toMatchObject({ kendallW: 0.744, experts: 4, applicants: 8 });
  });

  it('corrects for ties (hand-computed)', () => {
    // E1 ties A and B (1.5, 1.5, 3); E2 and E3: 1, 2, 3. R = 3.5, 5.5, 9; S = 15.5;
    // W = 12·15.5 / (3²·(27 − 3) − 3·(2³ − 2)) = 186 / 198 = 31/33.
    expect(text(kendallW(matrixOf([[10, 9, 9], [10, 8, 8], [5, 7, 7]])))).toBe('31/33');
    expect(midRanks(matrixOf([[10], [10], [5]]).map((r) => r[0]!)).tieCorrection).toBe(6n);
  });

  it('is null below 2 experts or 2 applicants, or when every expert ties everything', () => {
    expect(kendallW(matrixOf([[1, 2]]))).toBeNull();
    expect(kendallW(matrixOf([[1], [2]]))).toBeNull();
    expect(kendallW(matrixOf([[5, 5], [5, 5]]))).toBeNull();
  });

  it('equals ((m − 1)·mean Spearman ρ + 1)/m without ties (property)', () => {
    const rankings = (m: number, n: number) =>
      fc.array(fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }), { minLength: m, maxLength: m });
    const sizes = fc.record({ m: fc.integer({ min: 2, max: 5 }), n: fc.integer({ min: 2, max: 7 }) });
    fc.assert(
      fc.property(
        sizes.chain(({ m, n }) => rankings(m, n)),
        (raters) => {
          const m = raters.length;
          const n = raters[0]!.length;
          const matrix = Array.from({ length: n }, (_, i) => raters.map((rater) => exactOf(rater[i]!)));
          let rhoSum = new Fraction(0);
          let pairs = 0;
          for (let a = 0; a < m; a += 1) {
            for (let b = a + 1; b < m; b += 1) {
              const d2 = raters[a]!.reduce((total, value, i) => total + (value - raters[b]![i]!) ** 2, 0);
              rhoSum = rhoSum.add(new Fraction(1).sub(new Fraction(6 * d2, n * (n * n - 1))));
              pairs += 1;
            }
          }
          const expected = rhoSum.div(pairs).mul(m - 1).add(1).div(m);
          expect(text(kendallW(matrix))).toBe(text(expected));
        },
      ),
    );
  });

  it('leaves out an expert with a conflict, and unranked applicants', () => {
    const round = roundWith({ aggregation: { method: 'mean', quorum: 2 } }, ['A', 'B', 'C', 'D']);
    // E03 has a conflict on B: left out. D has one sheet (below quorum): not in the matrix.
    const category = mergeOne({ round, experts: panelOfTotals({ A: [90, 80, 70], B: [80, 90, null], C: [70, 70, 90], D: [50] }) });
    expect(category.agreement.experts).toBe(2);
    expect(category.agreement.applicants).toBe(3);
    // E01: 90, 80, 70 → 1, 2, 3; E02: 80, 90, 70 → 2, 1, 3; R = 3, 3, 6; S = 6; W = 72 / (4·24) = 0.75
    expect(category.agreement.kendallW).toBe(0.75);
  });
});

describe('ICC(2,1)', () => {
  it('matches Shrout & Fleiss (1979), 6 targets × 4 judges: 0.29', () => {
    const data = [
      [9, 2, 5, 8],
      [6, 1, 3, 2],
      [8, 4, 6, 8],
      [7, 1, 2, 6],
      [10, 5, 6, 9],
      [6, 2, 4, 7],
    ];
    const icc = icc21(matrixOf(data))!;
    expect(roundHalfUp(icc, 2)).toBe(0.29);
    // BMS = 11.2417, JMS = 32.4861, EMS = 1.0194 (their Table 2):
    // (BMS − EMS) / (BMS + 3·EMS + 4·(JMS − EMS)/6) = 184/635 exactly
    expect(text(icc)).toBe('184/635');
  });

  it('is 1 for perfect absolute agreement and null without spread', () => {
    expect(text(icc21(matrixOf([[1, 1], [2, 2], [3, 3]])))).toBe('1/1');
    expect(icc21(matrixOf([[4, 4], [4, 4]]))).toBeNull();
    expect(icc21(matrixOf([[4, 4]]))).toBeNull();
  });
});

describe('leave-one-expert-out robustness', () => {
  it('flags fragile awards and names the expert whose absence changes them', () => {
    const round = roundWith({ aggregation: { method: 'mean' }, award: { type: 'tiers', tiers: [{ label: '一等奖', count: 1 }] } }, ['A', 'B', 'C']);
    // Means: A 85, B 83.67, C 50. Without E03: A 82.5, B 85.5 → B would win.
    const category = mergeOne({ round, experts: panelOfTotals({ A: [85, 80, 90], B: [86, 85, 80], C: [50, 50, 50] }) });
    expect(row(category, 'A')).toMatchObject({ award: '一等奖', flags: [{ flag: 'fragile', experts: ['E03'] }] });
    expect(row(category, 'B')).toMatchObject({ award: null, flags: [{ flag: 'fragile', experts: ['E03'] }] });
    expect(row(category, 'C').flags).toEqual([]);
  });

  it('counts losing quorum as a change', () => {
    const round = roundWith({ aggregation: { method: 'mean', quorum: 2 }, award: { type: 'bands', bands: [{ label: '合格', minScore: 60 }] } }, ['A', 'B']);
    const category = mergeOne({ round, experts: panelOfTotals({ A: [70, 80, 90], B: [70, 80] }) });
    expect(row(category, 'A').flags).toEqual([]);
    expect(row(category, 'B').flags).toEqual([{ flag: 'fragile', experts: ['E01', 'E02'] }]);
  });

  it('has nothing to test without an award', () => {
    const category = mergeOne({ round: roundWith({}, ['A']), experts: panelOfTotals({ A: [70] }) });
    expect(row(category, 'A').flags).toEqual([]);
  });
});
