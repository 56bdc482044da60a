import { describe, expect, it } from 'vitest';
import { exactOf, ratioString } from '../../../shared/exact';
import { aggregateExact, median, trimmedMean, zscoreScores } from '../../../shared/merge';
import { mergeOne, panelOfTotals, roundWith, row } from './merge-fixture';

const x = (values: number[]) => values.map(exactOf);
const text = (value: ReturnType<typeof median>) => (value === null ? null : ratioString(value));

describe('exact methods on hand-computed totals', () => {
  it('mean: 80, 85, 90.5 → 511/6, shown as 85.17', () => {
    expect(text(aggregateExact('mean', x([80, 85, 90.5]), 5))).toBe('511/6');
    const category = mergeOne({
      round: roundWith({ aggregation: { method: 'mean' } }, ['A']),
      experts: panelOfTotals({ A: [80, 85, 90.5] }),
    });
    expect(row(category, 'A')).toMatchObject({ score: 85.17, scoreExact: '511/6', validSheets: 3 });
  });

  it('trimmed-mean below trimMinExperts is the plain mean', () => {
    expect(text(trimmedMean(x([60, 70, 95, 100]), 5))).toBe('325/4');
  });

  it('trimmed-mean from trimMinExperts on drops exactly one highest and one lowest', () => {
    // 60, 60, 70, 95, 100: one 60 and the 100 go → (60 + 70 + 95) / 3 = 75
    expect(text(trimmedMean(x([100, 60, 95, 60, 70]), 5))).toBe('75/1');
    // the boundary itself: trimMinExperts 3 with 3 totals keeps the middle one
    expect(text(trimmedMean(x([10, 90, 40]), 3))).toBe('40/1');
    expect(text(trimmedMean(x([10, 90]), 3))).toBe('50/1');
    expect(trimmedMean([], 3)).toBeNull();
  });

  it('trimmed-mean through mergeRound uses the category trimMinExperts', () => {
    const experts = panelOfTotals({ A: [100, 60, 95, 60, 70], B: [100, 60, 95, 60] });
    const category = mergeOne({
      round: roundWith({ aggregation: { method: 'trimmed-mean', trimMinExperts: 5 } }, ['A', 'B']),
      experts,
    });
    expect(row(category, 'A').score).toBe(75);
    expect(row(category, 'B').score).toBe(78.75); // 4 sheets: plain mean 315/4
  });

  it('median: odd count the middle, even count the mean of the two middle values', () => {
    expect(text(median(x([91, 70, 80])))).toBe('80/1');
    expect(text(median(x([100, 70, 91, 80])))).toBe('171/2');
    expect(text(median(x([70.5, 71])))).toBe('283/4'); // 70.75
    expect(median([])).toBeNull();
  });

  it('every method is computed, the category method decides the score', () => {
    const category = mergeOne({
      round: roundWith({ aggregation: { method: 'median', trimMinExperts: 3 } }, ['A']),
      experts: panelOfTotals({ A: [10, 90, 40, 41] }),
    });
    const a = row(category, 'A');
    expect(a.methods).toEqual({ mean: 45.25, 'trimmed-mean': 40.5, median: 40.5, zscore: 45.25 });
    expect(a.score).toBe(40.5);
    expect(category.method).toBe('median');
  });

  it('--method overrides every category method', () => {
    const input = {
      round: roundWith({ aggregation: { method: 'median' } }, ['A']),
      experts: panelOfTotals({ A: [10, 90, 41] }),
    } as const;
    const category = mergeOne({ ...input, method: 'mean' });
    expect(category.method).toBe('mean');
    expect(row(category, 'A').score).toBe(47);
  });
});

describe('zscore', () => {
  it('standardises per expert, σₑ = 0 gives z = 0, maps back with the category μ and σ', () => {
    // E01: A 80, B 60 → μ 70, σ 10, z = +1, −1. E02: A 90, B 90 → σ = 0, z = 0, 0.
    // All totals 80, 60, 90, 90: μ = 80, σ² = 150. A = 80 + √150·½, B = 80 − √150·½.
    const category = mergeOne({
      round: roundWith({ aggregation: { method: 'zscore' } }, ['A', 'B']),
      experts: panelOfTotals({ A: [80, 90], B: [60, 90] }),
    });
    const a = row(category, 'A');
    const b = row(category, 'B');
    expect(a.score).toBe(86.12);
    expect(b.score).toBe(73.88);
    expect(a.scoreExact).toBe(ratioString(exactOf(80 + Math.sqrt(150) * 0.5)));
    expect(b.scoreExact).toBe(ratioString(exactOf(80 + Math.sqrt(150) * -0.5)));
    expect([a.rank, b.rank]).toEqual([1, 2]);
    expect(a.methods.zscore).toBe(86.12);
    expect(a.methods.mean).toBe(85);
  });

  it('a panel where every expert gives one total everywhere scores μ', () => {
    const scores = zscoreScores([
      { expertId: 'E01', applicantId: 'A', total: exactOf(70) },
      { expertId: 'E01', applicantId: 'B', total: exactOf(70) },
      { expertId: 'E02', applicantId: 'A', total: exactOf(90) },
      { expertId: 'E02', applicantId: 'B', total: exactOf(90) },
    ]);
    expect(text(scores.get('A') ?? null)).toBe('80/1');
    expect(text(scores.get('B') ?? null)).toBe('80/1');
  });

  it('a constant expert with steps of 0.1 is σₑ = 0 exactly (no float noise)', () => {
    // 0.1 + 0.2 and 0.3 are one exact value; in doubles they differ and would give a tiny σ.
    const scores = zscoreScores([
      { expertId: 'E01', applicantId: 'A', total: exactOf(0.1).add(exactOf(0.2)) },
      { expertId: 'E01', applicantId: 'B', total: exactOf(0.3) },
      { expertId: 'E02', applicantId: 'A', total: exactOf(1) },
      { expertId: 'E02', applicantId: 'B', total: exactOf(0) },
    ]);
    // E01 contributes z = 0 to both; E02 z = ±1; μ = 0.4, σ² = (0.01 + 0.01 + 0.36 + 0.16)/4 = 0.135
    expect(text(scores.get('A') ?? null)).toBe(ratioString(exactOf(0.4 + Math.sqrt(0.135) * 0.5)));
    expect(text(scores.get('B') ?? null)).toBe(ratioString(exactOf(0.4 + Math.sqrt(0.135) * -0.5)));
  });

  it('applicants without valid sheets get no zscore', () => {
    const category = mergeOne({
      round: roundWith({ aggregation: { method: 'zscore' } }, ['A', 'B']),
      experts: panelOfTotals({ A: [80, 90], B: [null, null] }),
    });
    expect(row(category, 'B')).toMatchObject({ score: null, scoreExact: null, rank: null, validSheets: 0 });
    expect(row(category, 'B').methods).toEqual({ mean: null, 'trimmed-mean': null, median: null, zscore: null });
  });
});
