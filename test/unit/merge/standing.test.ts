// Discrepancy, quorum, ineligibility and conflicts: who counts, who is ranked, who is listed where.
import { describe, expect, it } from 'vitest';
import { mergeRound } from '../../../shared/merge';
import { conflict, flagNames, mergeOne, panel, panelOfTotals, roundWith, row, scored, standings, total } from './merge-fixture';

describe('discrepancy', () => {
  const round = roundWith({ aggregation: { method: 'mean', discrepancyPercent: 20 } }, ['A', 'B', 'C']);

  it('flags max − min strictly greater than the percent of full marks, not equal to it', () => {
    const category = mergeOne({ round, experts: panelOfTotals({ A: [70, 90, 80], B: [70, 90.5, 80], C: [50] }) });
    expect(flagNames(row(category, 'A'))).toEqual([]); // 20 = 20% of 100: not greater
    expect(flagNames(row(category, 'B'))).toEqual(['discrepancy']); // 20.5 > 20
    expect(flagNames(row(category, 'C'))).toEqual([]); // a single sheet has no spread
  });

  it('has no check without discrepancyPercent', () => {
    const plain = roundWith({ aggregation: { method: 'mean' } }, ['A']);
    expect(flagNames(row(mergeOne({ round: plain, experts: panelOfTotals({ A: [0, 100] }) }), 'A'))).toEqual([]);
  });

  it('compares exactly with a fractional percent', () => {
    const fine = roundWith({ aggregation: { method: 'mean', discrepancyPercent: 12.5 } }, ['A', 'B']);
    const category = mergeOne({ round: fine, experts: panelOfTotals({ A: [70, 82.5], B: [70, 83] }) });
    expect(flagNames(row(category, 'A'))).toEqual([]);
    expect(flagNames(row(category, 'B'))).toEqual(['discrepancy']);
  });
});

describe('quorum', () => {
  const round = roundWith(
    { aggregation: { method: 'mean', quorum: 3 }, award: { type: 'tiers', tiers: [{ label: '一等奖', count: 5 }] } },
    ['A', 'B', 'C'],
  );

  it('fewer valid sheets than quorum: flagged, scored from what it has, no rank, no award', () => {
    // B: two sheets and a conflict → 2 valid sheets < 3. C: only conflicts → no score at all.
    const category = mergeOne({ round, experts: panelOfTotals({ A: [60, 70, 80], B: [90, 95, null], C: [null, null, null] }) });
    expect(row(category, 'A')).toMatchObject({ rank: 1, award: '一等奖', validSheets: 3 });
    expect(row(category, 'B')).toMatchObject({ rank: null, award: null, score: 92.5, validSheets: 2, flags: [{ flag: 'insufficient-reviews' }] });
    expect(row(category, 'C')).toMatchObject({ rank: null, award: null, score: null, scoreExact: null, validSheets: 0 });
    expect(flagNames(row(category, 'C'))).toEqual(['insufficient-reviews']);
    expect(standings(category).map(([id]) => id)).toEqual(['A', 'B', 'C']);
  });

  it('defaults to 1: an applicant nobody scored is below quorum', () => {
    const plain = roundWith({}, ['A', 'B']);
    const category = mergeOne({ round: plain, experts: panelOfTotals({ A: [50] }) });
    expect(row(category, 'A').rank).toBe(1);
    expect(flagNames(row(category, 'B'))).toEqual(['insufficient-reviews']);
  });
});

describe('ineligible by majority of vetoes', () => {
  const round = roundWith(
    { aggregation: { method: 'mean' }, award: { type: 'tiers', tiers: [{ label: '一等奖', count: 1 }, { label: '二等奖', count: 1 }] } },
    ['A', 'B', 'C'],
  );

  it('2 vetoes of 4 valid sheets is not more than half: ranked and awarded', () => {
    const category = mergeOne({ round, experts: panelOfTotals({ A: [90, 90, 90, 90], B: [80, 80, 80, 80] }, { A: [1, 3] }) });
    expect(row(category, 'A')).toMatchObject({ rank: 1, award: '一等奖', vetoes: 2, validSheets: 4 });
    // Without either non-vetoing expert it would be 2 of 3: that award hangs on one expert.
    expect(row(category, 'A').flags).toEqual([{ flag: 'fragile', experts: ['E02', 'E04'] }]);
  });

  it('3 vetoes of 5 is: keeps its score, no rank, no award, listed after, takes no place', () => {
    const category = mergeOne({
      round,
      experts: panelOfTotals({ A: [95, 95, 95, 95, 95], B: [80, 80, 80, 80, 80], C: [70, 70, 70, 70, 70] }, { A: [2, 4, 5] }),
    });
    expect(row(category, 'A')).toMatchObject({ rank: null, award: null, score: 95, vetoes: 3, validSheets: 5 });
    // Without any one vetoing expert it would be 2 of 4, eligible and first: all fragile.
    expect(row(category, 'A').flags).toEqual([{ flag: 'ineligible' }, { flag: 'fragile', experts: ['E02', 'E04', 'E05'] }]);
    expect(row(category, 'B').flags).toEqual([{ flag: 'fragile', experts: ['E02', 'E04', 'E05'] }]);
    expect(standings(category)).toEqual([
      ['B', 1, '一等奖'],
      ['C', 2, '二等奖'],
      ['A', null, null],
    ]);
  });

  it('a failed-veto sheet counts in the aggregate, the discrepancy and the quorum', () => {
    const strict = roundWith({ aggregation: { method: 'mean', quorum: 2, discrepancyPercent: 10 } }, ['A']);
    const category = mergeOne({ round: strict, experts: panelOfTotals({ A: [90, 60, 90] }, { A: [2] }) });
    expect(row(category, 'A')).toMatchObject({ score: 80, validSheets: 3, vetoes: 1, rank: 1 });
    expect(flagNames(row(category, 'A'))).toEqual(['discrepancy']);
    expect(row(category, 'A').totals).toEqual([
      { expertId: 'E01', total: 90, ineligible: false },
      { expertId: 'E02', total: 60, ineligible: true },
      { expertId: 'E03', total: 90, ineligible: false },
    ]);
  });
});

describe('conflicted sheets count in nothing', () => {
  it('not in validSheets, vetoes, discrepancy, the aggregate or the z statistics', () => {
    const round = roundWith({ aggregation: { method: 'zscore', discrepancyPercent: 10 } }, ['A', 'B', 'C']);
    // A conflict sheet carrying a failed veto answer must still count as nothing.
    const vetoingConflict = { ...conflict('A'), checks: { k1: false } };
    const withConflict = panel({
      E01: [vetoingConflict, total('B', 60), total('C', 40)],
      E02: [total('A', 80), total('B', 70), total('C', 60)],
      E03: [total('A', 82), total('B', 75), total('C', 65)],
    });
    const without = panel({
      E01: [total('B', 60), total('C', 40)],
      E02: [total('A', 80), total('B', 70), total('C', 60)],
      E03: [total('A', 82), total('B', 75), total('C', 65)],
    });
    const a = row(mergeOne({ round, experts: withConflict }), 'A');
    expect(a).toMatchObject({ validSheets: 2, vetoes: 0, conflicts: ['E01'], flags: [] });
    expect(a.totals.map((entry) => entry.expertId)).toEqual(['E02', 'E03']);
    expect(a.methods.mean).toBe(81);
    const same = mergeOne({ round, experts: without });
    const withC = mergeOne({ round, experts: withConflict });
    for (const id of ['A', 'B', 'C']) {
      expect(row(withC, id).scoreExact).toBe(row(same, id).scoreExact);
      expect(row(withC, id).rank).toBe(row(same, id).rank);
    }
  });

  it('a conflicted expert is left out of the denominator', () => {
    const round = roundWith({ aggregation: { method: 'mean' } }, ['A']);
    const category = mergeOne({ round, experts: panel({ E01: [conflict('A')], E02: [scored('A', { c1: 40 })], E03: [scored('A', { c1: 41 })] }) });
    expect(row(category, 'A')).toMatchObject({ score: 40.5, validSheets: 2, conflicts: ['E01'] });
  });
});

describe('what a row carries', () => {
  it('per criterion (leaves and groups), totals, spread and one object form for flags', () => {
    const round = roundWith({ aggregation: { method: 'mean' } }, ['A']);
    const category = mergeRound({
      round,
      experts: panel({
        E02: [scored('A', { c1: 40, g1: 20, g2: 10.5 })],
        E01: [scored('A', { c1: 30, g1: 25, g2: 12 })],
      }),
    }).categories[0]!;
    const a = row(category, 'A');
    expect(a.perCriterion).toEqual({
      c1: { mean: 35, min: 30, max: 40, sd: 5 },
      g: { mean: 33.75, min: 30.5, max: 37, sd: 3.25 },
      g1: { mean: 22.5, min: 20, max: 25, sd: 2.5 },
      g2: { mean: 11.25, min: 10.5, max: 12, sd: 0.75 },
    });
    expect(a.totals).toEqual([
      { expertId: 'E01', total: 67, ineligible: false },
      { expertId: 'E02', total: 70.5, ineligible: false },
    ]);
    expect(a).toMatchObject({ min: 67, max: 70.5, sd: 1.75, name: '申报单位A', score: 68.75, scoreExact: '275/4' });
    expect(category).toMatchObject({ id: 'cat', title: '测试类别', fullMarks: 100, method: 'mean' });
  });

  it('a standard deviation is rounded half-up on the exact square root', () => {
    const round = roundWith({ aggregation: { method: 'mean' } }, ['A']);
    // totals 0, 1, 1 → variance 2/9, √ = 0.4714… → 0.47
    const category = mergeOne({ round, experts: panelOfTotals({ A: [0, 1, 1] }) });
    expect(row(category, 'A').sd).toBe(0.47);
  });
});
