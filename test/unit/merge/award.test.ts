// Awards: tiers (count, minScore, ties as a unit), bands (any order), levels (conditions on facts).
import { describe, expect, it } from 'vitest';
import type { Award, Condition } from '../../../shared/round/schema';
import { conditionHolds } from '../../../shared/merge';
import type { CategoryResult } from '../../../shared/merge';
import { mergeOne, panelOfTotals, roundWith, row, standings, type ApplicantSpec } from './merge-fixture';

/** One expert's totals decide everything (a single sheet: score = total under every method). */
function awarded(award: Award, totals: Record<string, number>, applicants?: ApplicantSpec[], rubric?: object): CategoryResult {
  const round = roundWith({ aggregation: { method: 'mean' }, award }, applicants ?? Object.keys(totals), rubric);
  const table = Object.fromEntries(Object.entries(totals).map(([id, value]) => [id, [value]]));
  return mergeOne({ round, experts: panelOfTotals(table) });
}

function tied(category: CategoryResult): string[] {
  return category.ranking.filter((entry) => entry.flags.some((flag) => flag.flag === 'tie')).map((entry) => entry.applicantId);
}

describe('tiers', () => {
  const tiers: Award = {
    type: 'tiers',
    tiers: [{ label: '一等奖', count: 1 }, { label: '二等奖', count: 2, minScore: 70 }, { label: '三等奖', minScore: 60 }],
  };

  it('each tier takes up to count applicants at or above minScore; no count takes all that remain', () => {
    const category = awarded(tiers, { A: 95, B: 85, C: 75, D: 68, E: 60, F: 59.5 });
    expect(standings(category)).toEqual([
      ['A', 1, '一等奖'],
      ['B', 2, '二等奖'],
      ['C', 3, '二等奖'],
      ['D', 4, '三等奖'],
      ['E', 5, '三等奖'],
      ['F', 6, null],
    ]);
    expect(tied(category)).toEqual([]);
  });

  it('a tier whose minScore stops it early leaves the rest to the next tier', () => {
    const category = awarded(tiers, { A: 95, B: 72, C: 69.5, D: 40 });
    expect(standings(category).map(([id, , award]) => [id, award])).toEqual([
      ['A', '一等奖'],
      ['B', '二等奖'],
      ['C', '三等奖'],
      ['D', null],
    ]);
  });

  it('a tier with no count and no minScore takes everyone left', () => {
    const category = awarded({ type: 'tiers', tiers: [{ label: '金', count: 1 }, { label: '入围' }] }, { A: 9, B: 5, C: 0 });
    expect(standings(category).map(([, , award]) => award)).toEqual(['金', '入围', '入围']);
  });

  it('a tie straddling a count is awarded as a unit, flagged, count exceeded; the next tier keeps its full count', () => {
    const twoAndTwo: Award = { type: 'tiers', tiers: [{ label: '一等奖', count: 2 }, { label: '二等奖', count: 2 }] };
    const category = awarded(twoAndTwo, { A: 95, B: 90, C: 90, D: 85, E: 80, F: 75 });
    expect(standings(category)).toEqual([
      ['A', 1, '一等奖'],
      ['B', 2, '一等奖'],
      ['C', 2, '一等奖'], // 3 first prizes for a count of 2
      ['D', 4, '二等奖'],
      ['E', 5, '二等奖'], // the second tier still gives 2
      ['F', 6, null],
    ]);
    expect(tied(category)).toEqual(['B', 'C']);
    expect(row(category, 'B').flags[0]).toEqual({ flag: 'tie' });
  });

  it('a tie straddling the last award boundary: all awarded and flagged', () => {
    const category = awarded({ type: 'tiers', tiers: [{ label: '优秀', count: 2 }] }, { A: 95, B: 90, C: 90, D: 90, E: 50 });
    expect(standings(category).map(([, , award]) => award)).toEqual(['优秀', '优秀', '优秀', '优秀', null]);
    expect(tied(category)).toEqual(['B', 'C', 'D']);
  });

  it('a tie that fits inside a tier, or starts a tier, straddles nothing', () => {
    const fits = awarded({ type: 'tiers', tiers: [{ label: '一等奖', count: 3 }, { label: '二等奖', count: 1 }] }, { A: 95, B: 90, C: 90, D: 80 });
    expect(standings(fits).map(([, , award]) => award)).toEqual(['一等奖', '一等奖', '一等奖', '二等奖']);
    expect(tied(fits)).toEqual([]);
    const starts = awarded({ type: 'tiers', tiers: [{ label: '一等奖', count: 1 }, { label: '二等奖', count: 2 }] }, { A: 95, B: 90, C: 90, D: 80 });
    expect(standings(starts).map(([, , award]) => award)).toEqual(['一等奖', '二等奖', '二等奖', null]);
    expect(tied(starts)).toEqual([]);
  });

  it('ties broken by a tie-break key are not ties', () => {
    const round = roundWith(
      { aggregation: { method: 'mean' }, tieBreak: ['criterion:c1'], award: { type: 'tiers', tiers: [{ label: '一等奖', count: 1 }] } },
      ['A', 'B'],
    );
    const experts = panelOfTotals({ A: [60], B: [60] });
    // total() fills c1 first: both have c1 = 50 → still tied → both awarded and flagged
    expect(tied(mergeOne({ round, experts }))).toEqual(['A', 'B']);
  });
});

describe('bands', () => {
  it('the highest minScore reached, whatever the list order; ≥ at the boundary', () => {
    const bands: Award = { type: 'bands', bands: [{ label: '良', minScore: 70 }, { label: '优', minScore: 85 }, { label: '合格', minScore: 60 }] };
    const category = awarded(bands, { A: 90, B: 85, C: 75, D: 60, E: 59.5 });
    expect(standings(category).map(([id, , award]) => [id, award])).toEqual([
      ['A', '优'],
      ['B', '优'],
      ['C', '良'],
      ['D', '合格'],
      ['E', null],
    ]);
    expect(tied(category)).toEqual([]);
  });
});

describe('levels: the service-capability grades', () => {
  const fact = (name: string, op: '>=' | '==' | '!=' | '<', value: number | string | boolean): Condition => ({ fact: name, op, value });
  const levels: Award = {
    type: 'levels',
    levels: [
      {
        label: '一级',
        minScore: 100,
        when: {
          all: [
            fact('staff', '>=', 18),
            { any: [fact('contractTotal', '>=', 5000000), { all: [fact('projects', '>=', 3), fact('maxProject', '>=', 2000000)] }] },
          ],
        },
      },
      {
        label: '二级',
        minScore: 80,
        when: {
          all: [
            fact('staff', '>=', 12),
            { any: [fact('contractTotal', '>=', 3000000), { all: [fact('projects', '>=', 2), fact('maxProject', '>=', 1000000)] }] },
          ],
        },
      },
      {
        label: '三级',
        minScore: 60,
        when: { all: [fact('staff', '>=', 6), { any: [fact('contractTotal', '>=', 500000), fact('maxProject', '>=', 300000)] }] },
      },
      { label: '四级', minScore: 40, when: fact('staff', '>=', 3) },
    ],
  };
  // Points out of 150: c1 up to 100.
  const bigRubric = {
    id: 'r',
    title: '服务能力评分',
    criteria: [
      { id: 'c1', label: '积分', max: 100, step: 0.5 },
      { id: 'g', label: '业绩', children: [{ id: 'g1', label: '工程业绩', max: 25, step: 0.5 }, { id: 'g2', label: '技术创新', max: 25, step: 0.5 }] },
    ],
    checks: [{ id: 'k1', label: '营业执照', veto: true }, { id: 'k2', label: '保密承诺' }],
  };
  const applicants: ApplicantSpec[] = [
    { id: 'P1', facts: { staff: 20, contractTotal: 5200000 } },
    { id: 'P2', facts: { staff: 18, contractTotal: 1000000, projects: 3, maxProject: 2000000 } },
    { id: 'P3', facts: { staff: 20, contractTotal: 5200000 } },
    { id: 'P4', facts: { staff: 17, contractTotal: 6000000 } },
    { id: 'P5', facts: { contractTotal: 9000000, projects: 5, maxProject: 3000000 } },
    { id: 'P6', facts: { staff: 18, projects: 3 } },
    { id: 'P7', facts: { staff: 6, maxProject: 300000 } },
    { id: 'P8', facts: { staff: 2 } },
  ];

  it('the first level whose minScore and conditions hold wins; a missing fact fails its comparison', () => {
    const totals = { P1: 105, P2: 100, P3: 99.5, P4: 120, P5: 130, P6: 110, P7: 60, P8: 90 };
    const category = awarded(levels, totals, applicants, bigRubric);
    const awards = Object.fromEntries(category.ranking.map((entry) => [entry.applicantId, entry.award]));
    expect(awards).toEqual({
      P1: '一级', // contract route
      P2: '一级', // project route, exactly 100 points
      P3: '二级', // 99.5 points: not level 1
      P4: '二级', // 17 staff
      P5: null, // no staff fact: every level needs it
      P6: '四级', // no contractTotal, no maxProject: only level 4
      P7: '三级', // one project of 300,000
      P8: null, // 2 staff
    });
  });

  it('conditions: empty all holds, empty any does not; missing or mistyped facts are false for every operator', () => {
    expect(conditionHolds({ all: [] }, {})).toBe(true);
    expect(conditionHolds({ any: [] }, {})).toBe(false);
    expect(conditionHolds(fact('staff', '!=', 3), {})).toBe(false);
    expect(conditionHolds(fact('staff', '!=', 3), undefined)).toBe(false);
    expect(conditionHolds(fact('staff', '<', 3), { staff: '2' })).toBe(false);
    expect(conditionHolds(fact('staff', '!=', 3), { staff: '2' })).toBe(false);
    expect(conditionHolds(fact('listed', '==', true), { listed: true })).toBe(true);
    expect(conditionHolds(fact('listed', '!=', true), { listed: false })).toBe(true);
    expect(conditionHolds(fact('grade', '==', 'A'), { grade: 'A' })).toBe(true);
    expect(conditionHolds(fact('grade', '<', 'B'), { grade: 'A' })).toBe(false);
    expect(conditionHolds(fact('toString', '==', 'x'), {})).toBe(false); // no prototype lookups
    expect(conditionHolds(fact('ratio', '==', 0.3), { ratio: 0.3 })).toBe(true);
    expect(conditionHolds(fact('ratio', '<', 0.30000000000000004), { ratio: 0.3 })).toBe(true);
  });

  it('ineligible and below-quorum applicants get no level', () => {
    const round = roundWith({ aggregation: { method: 'mean', quorum: 2 }, award: levels }, applicants.slice(0, 2), bigRubric);
    const category = mergeOne({ round, experts: panelOfTotals({ P1: [120, 120], P2: [120] }, { P1: [1, 2] }) });
    expect(row(category, 'P1')).toMatchObject({ award: null, rank: null });
    expect(row(category, 'P2')).toMatchObject({ award: null, rank: null });
  });
});
