// Properties of the whole merge: independence from input order, exactness on decimal steps.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fraction, ratioString, roundHalfUp } from '../../../shared/exact';
import type { AggregationMethod, ExpertSheets } from '../../../shared/merge';
import { mergeRound } from '../../../shared/merge';
import type { Award } from '../../../shared/round/schema';
import type { ScoreSheet } from '../../../shared/sheet/schema';
import { conflict, mergeOne, panel, roundWith, row, scored } from './merge-fixture';

const APPLICANTS = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'];
const EXPERTS = ['E01', 'E02', 'E03', 'E04', 'E05'];

/** A deterministic shuffle driven by `seed` (a small LCG; shrinking the seed is meaningless but harmless). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// Few distinct values, so ties, quorum failures and veto majorities happen often.
const cell = fc.oneof(
  { weight: 1, arbitrary: fc.constant<'none' | 'conflict'>('none') },
  { weight: 1, arbitrary: fc.constant<'none' | 'conflict'>('conflict') },
  {
    weight: 6,
    arbitrary: fc.record({
      c1: fc.constantFrom(40, 45, 47.5, 50),
      g1: fc.constantFrom(20, 25),
      g2: fc.constantFrom(10, 10.5, 25),
      veto: fc.boolean(),
    }),
  },
);

const award: fc.Arbitrary<Award> = fc.oneof(
  fc.record({
    type: fc.constant('tiers' as const),
    tiers: fc.array(
      fc.record({ label: fc.constantFrom('一等奖', '二等奖', '三等奖'), count: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), minScore: fc.option(fc.constantFrom(70, 80, 90), { nil: undefined }) }),
      { minLength: 1, maxLength: 3 },
    ),
  }),
  fc.record({ type: fc.constant('bands' as const), bands: fc.constant([{ label: '良', minScore: 80 }, { label: '优', minScore: 90 }]).map((bands) => [...bands]) }),
);

const scenario = fc.record({
  cells: fc.array(fc.array(cell, { minLength: APPLICANTS.length, maxLength: APPLICANTS.length }), { minLength: EXPERTS.length, maxLength: EXPERTS.length }),
  method: fc.constantFrom<AggregationMethod>('mean', 'trimmed-mean', 'median', 'zscore'),
  quorum: fc.integer({ min: 1, max: 3 }),
  trimMinExperts: fc.integer({ min: 3, max: 5 }),
  discrepancyPercent: fc.option(fc.constantFrom(5, 10, 12.5), { nil: undefined }),
  tieBreak: fc.subarray(['criterion:c1', 'criterion:g', 'median']),
  award,
  seeds: fc.array(fc.integer(), { minLength: EXPERTS.length + 1, maxLength: EXPERTS.length + 1 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function expertsOf(cells: Scenario['cells']): ExpertSheets[] {
  return EXPERTS.map((expertId, e) => ({
    expertId,
    sheets: APPLICANTS.flatMap((applicantId, a): ScoreSheet[] => {
      const spec = cells[e]![a]!;
      if (spec === 'none') return [];
      if (spec === 'conflict') return [conflict(applicantId)];
      return [scored(applicantId, spec, { veto: spec.veto })];
    }),
  }));
}

describe('order independence', () => {
  it('shuffling experts and each expert\'s sheets changes nothing (property)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const round = roundWith(
          {
            aggregation: { method: s.method, quorum: s.quorum, trimMinExperts: s.trimMinExperts, discrepancyPercent: s.discrepancyPercent },
            award: s.award,
            tieBreak: s.tieBreak,
          },
          APPLICANTS,
        );
        const experts = expertsOf(s.cells);
        const reordered = shuffled(experts, s.seeds[0]!).map((expert, i) => ({ ...expert, sheets: shuffled(expert.sheets, s.seeds[i + 1]!) }));
        const before = JSON.stringify(experts);
        const result = mergeRound({ round, experts });
        expect(mergeRound({ round, experts: reordered })).toEqual(result);
        expect(JSON.stringify(experts)).toBe(before); // input untouched
        // and the contract's shape: ranks ascend, unranked last, flags from the fixed set
        const ranks = result.categories[0]!.ranking.map((entry) => entry.rank);
        const firstNull = ranks.indexOf(null);
        expect(firstNull === -1 || ranks.slice(firstNull).every((rank) => rank === null)).toBe(true);
        const numbered = ranks.filter((rank): rank is number => rank !== null);
        expect([...numbered].sort((a, b) => a - b)).toEqual(numbered);
      }),
      { numRuns: 150 },
    );
  });
});

describe('exactness on decimal steps', () => {
  const tenths = {
    id: 'r',
    title: '小数步长',
    criteria: [
      { id: 'c1', label: 'a', max: 1, step: 0.1 },
      { id: 'g', label: 'b', children: [{ id: 'g1', label: 'b1', max: 1, step: 0.1 }, { id: 'g2', label: 'b2', max: 1, step: 0.1 }] },
    ],
  };

  it('0.7 + 0.1 reaches a minScore of 0.8 (in doubles it is 0.7999999999999999)', () => {
    expect(0.7 + 0.1 < 0.8).toBe(true);
    const round = roundWith({ award: { type: 'bands', bands: [{ label: '达标', minScore: 0.8 }] } }, ['A'], tenths);
    const a = row(mergeOne({ round, experts: panel({ E01: [scored('A', { c1: 0.7, g1: 0.1 })] }) }), 'A');
    expect(a).toMatchObject({ score: 0.8, scoreExact: '4/5', award: '达标' });
    expect(a.totals[0]?.total).toBe(0.8);
  });

  it('a spread of 0.1 + 0.2 is not more than 10% of 3 (in doubles it is)', () => {
    expect(0.1 + 0.2 > 0.3).toBe(true);
    const round = roundWith({ aggregation: { method: 'mean', discrepancyPercent: 10 } }, ['A'], tenths);
    const a = row(mergeOne({ round, experts: panel({ E01: [scored('A', { c1: 0.1, g1: 0.2 })], E02: [scored('A', {})] }) }), 'A');
    expect(a.flags).toEqual([]);
    expect(a.scoreExact).toBe('3/20');
    expect(a.score).toBe(0.15); // half-up on the exact 0.15
  });

  it('means of tenths never drift (property)', () => {
    const sheet = fc.record({ c1: fc.integer({ min: 0, max: 10 }), g1: fc.integer({ min: 0, max: 10 }), g2: fc.integer({ min: 0, max: 10 }) });
    fc.assert(
      fc.property(fc.array(sheet, { minLength: 1, maxLength: 9 }), (sheets) => {
        const round = roundWith({ aggregation: { method: 'mean' } }, ['A'], tenths);
        const experts = panel(
          Object.fromEntries(sheets.map((s, i) => [`E0${i + 1}`, [scored('A', { c1: s.c1 / 10, g1: s.g1 / 10, g2: s.g2 / 10 })]])),
        );
        const tenthsSum = sheets.reduce((total, s) => total + s.c1 + s.g1 + s.g2, 0);
        const exact = new Fraction(tenthsSum, 10 * sheets.length);
        const a = row(mergeOne({ round, experts }), 'A');
        expect(a.scoreExact).toBe(ratioString(exact));
        expect(a.score).toBe(roundHalfUp(exact, 2));
        expect(a.methods.mean).toBe(roundHalfUp(exact, 2));
      }),
    );
  });
});
