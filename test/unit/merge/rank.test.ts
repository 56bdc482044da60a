// Ranking on exact values, tie-break keys in order, competition numbering.
import { describe, expect, it } from 'vitest';
import { exactOf } from '../../../shared/exact';
import type { AggregationMethod } from '../../../shared/merge';
import { rankContenders } from '../../../shared/merge';
import { mergeOne, panel, panelOfTotals, roundWith, scored, standings } from './merge-fixture';

/** Three experts giving an applicant these c1 values and totals (g1 makes up the rest). */
function sheetsOf(applicantId: string, c1: number[], totals: number[]) {
  return c1.map((value, i) => scored(applicantId, { c1: value, g1: Math.min(totals[i]! - value, 25), g2: Math.max(totals[i]! - value - 25, 0) }));
}

function panelFrom(rows: Record<string, { c1: number[]; totals: number[] }>) {
  const experts: Record<string, ReturnType<typeof scored>[]> = { E01: [], E02: [], E03: [] };
  for (const [id, spec] of Object.entries(rows)) {
    sheetsOf(id, spec.c1, spec.totals).forEach((sheet, i) => experts[`E0${i + 1}`]!.push(sheet));
  }
  return panel(experts);
}

describe('tie-breaks', () => {
  it('criterion first, then median; remaining ties share a rank (1, 1, 3 numbering), listed by id', () => {
    const round = roundWith({ aggregation: { method: 'mean' }, tieBreak: ['criterion:c1', 'median'] }, ['A', 'B', 'C', 'D', 'E']);
    const experts = panelFrom({
      D: { c1: [35, 35, 35], totals: [80, 80, 80] }, // same as A in every key
      C: { c1: [35, 35, 35], totals: [70, 75, 95] }, // mean 80, c1 35, median 75: loses to A on the median
      B: { c1: [40, 40, 40], totals: [80, 80, 80] }, // mean 80, c1 40: wins on the criterion
      A: { c1: [35, 35, 35], totals: [80, 80, 80] },
      E: { c1: [45, 45, 45], totals: [90, 90, 90] },
    });
    expect(standings(mergeOne({ round, experts }))).toEqual([
      ['E', 1, null],
      ['B', 2, null],
      ['A', 3, null],
      ['D', 3, null],
      ['C', 5, null],
    ]);
  });

  it('the key order matters: median first gives another ranking', () => {
    const round = roundWith({ aggregation: { method: 'mean' }, tieBreak: ['median', 'criterion:c1'] }, ['A', 'C']);
    const experts = panelFrom({
      A: { c1: [30, 30, 30], totals: [80, 80, 80] },
      C: { c1: [45, 45, 45], totals: [70, 75, 95] },
    });
    expect(standings(mergeOne({ round, experts })).map(([id, rank]) => [id, rank])).toEqual([['A', 1], ['C', 2]]);
  });

  it('a group criterion is the sum of its leaves', () => {
    const round = roundWith({ aggregation: { method: 'mean' }, tieBreak: ['criterion:g'] }, ['A', 'B']);
    const experts = panel({
      E01: [scored('A', { c1: 30, g1: 10, g2: 10 }), scored('B', { c1: 20, g1: 15, g2: 15 })],
    });
    expect(standings(mergeOne({ round, experts })).map(([id, rank]) => [id, rank])).toEqual([['B', 1], ['A', 2]]);
  });

  it('without tie-break keys, equal scores share a rank', () => {
    const round = roundWith({ aggregation: { method: 'mean' } }, ['A', 'B', 'C', 'D']);
    const category = mergeOne({ round, experts: panelOfTotals({ D: [70], B: [90], C: [90], A: [95] }) });
    expect(standings(category).map(([id, rank]) => [id, rank])).toEqual([['A', 1], ['B', 2], ['C', 2], ['D', 4]]);
  });

  it.each<[AggregationMethod, string]>([
    ['mean', 'A'],
    ['zscore', 'A'], // zscore: the criterion by its plain mean
    ['median', 'B'],
    ['trimmed-mean', 'B'],
  ])('criterion:<id> is aggregated by the category method (%s → %s first)', (method, first) => {
    // Totals 60, 60, 60 for both. c1: A 10, 20, 45 (mean 25, median 20, trimmed 20); B 22 × 3.
    const round = roundWith({ aggregation: { method, trimMinExperts: 3 }, tieBreak: ['criterion:c1'] }, ['A', 'B']);
    const experts = panelFrom({ A: { c1: [10, 20, 45], totals: [60, 60, 60] }, B: { c1: [22, 22, 22], totals: [60, 60, 60] } });
    const category = mergeOne({ round, experts });
    expect(category.ranking[0]?.applicantId).toBe(first);
    expect(category.ranking.map((entry) => entry.rank)).toEqual([1, 2]);
  });

  it('refuses a tie-break key naming no criterion', () => {
    const round = roundWith({ aggregation: { method: 'mean' } }, ['A']);
    round.categories[0]!.tieBreak = ['criterion:nope'];
    expect(() => mergeOne({ round, experts: [] })).toThrow(/criterion:nope/);
  });
});

describe('rankContenders', () => {
  it('numbers competitions 1, 1, 3 and keeps tied ids in order', () => {
    const groups = rankContenders([
      { id: 'Z', score: exactOf(5), tieBreaks: [] },
      { id: 'B', score: exactOf(9), tieBreaks: [] },
      { id: 'A', score: exactOf(9), tieBreaks: [] },
      { id: 'C', score: exactOf(7), tieBreaks: [] },
      { id: 'D', score: exactOf(7), tieBreaks: [] },
      { id: 'E', score: exactOf(7), tieBreaks: [] },
    ]);
    expect(groups.map((group) => [group.rank, group.ids])).toEqual([
      [1, ['A', 'B']],
      [3, ['C', 'D', 'E']],
      [6, ['Z']],
    ]);
  });

  it('decides on exact values: 0.1 + 0.2 ties 0.3', () => {
    const groups = rankContenders([
      { id: 'A', score: exactOf(0.1).add(exactOf(0.2)), tieBreaks: [] },
      { id: 'B', score: exactOf(0.3), tieBreaks: [] },
    ]);
    expect(groups).toHaveLength(1);
  });
});
