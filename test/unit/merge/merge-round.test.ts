// The entry point's contract and the exact helpers it relies on.
import { describe, expect, it } from 'vitest';
import { exactOf, Fraction } from '../../../shared/exact';
import { integerSqrt, mergeRound, roundedSqrt, variance } from '../../../shared/merge';
import { conflict, panel, panelOfTotals, roundWith, total } from './merge-fixture';

describe('mergeRound', () => {
  it('names the round and the method: per-category, or the override', () => {
    const round = roundWith({ aggregation: { method: 'median' } }, ['A']);
    const experts = panelOfTotals({ A: [60, 70] });
    expect(mergeRound({ round, experts })).toMatchObject({ roundId: 'test-round', method: 'per-category', categories: [{ method: 'median' }] });
    expect(mergeRound({ round, experts, method: 'zscore' })).toMatchObject({ method: 'zscore', categories: [{ method: 'zscore' }] });
  });

  it('lists every applicant of the category, scored or not', () => {
    const round = roundWith({}, ['A', 'B']);
    expect(mergeRound({ round, experts: [] }).categories[0]?.ranking.map((entry) => entry.applicantId)).toEqual(['A', 'B']);
  });

  it('refuses input verification should have stopped', () => {
    const round = roundWith({}, ['A']);
    expect(() => mergeRound({ round, experts: panel({ E01: [total('Z', 50)] }) })).toThrow(/unknown applicant "Z"/);
    expect(() => mergeRound({ round, experts: panel({ E01: [total('A', 50), conflict('A')] }) })).toThrow(/two sheets/);
    const twice = [...panel({ E01: [total('A', 50)] }), ...panel({ E01: [total('A', 60)] })];
    expect(() => mergeRound({ round, experts: twice })).toThrow(/listed twice/);
  });
});

describe('exact square roots', () => {
  it('integerSqrt is the floor of the root, for small and huge numbers', () => {
    expect([0n, 1n, 2n, 3n, 4n, 15n, 16n, 17n].map(integerSqrt)).toEqual([0n, 1n, 1n, 1n, 2n, 3n, 4n, 4n]);
    const big = 10n ** 400n + 12345n;
    const root = integerSqrt(big);
    expect(root * root <= big && (root + 1n) * (root + 1n) > big).toBe(true);
    expect(() => integerSqrt(-1n)).toThrow(RangeError);
  });

  it('roundedSqrt rounds half-up on the exact root', () => {
    expect(roundedSqrt(exactOf(2.25), 2)).toBe(1.5);
    expect(roundedSqrt(exactOf(0.000025), 2)).toBe(0.01); // √ = 0.005 exactly: half goes up
    expect(roundedSqrt(exactOf(0.0000249), 2)).toBe(0); // √ ≈ 0.00499
    expect(roundedSqrt(new Fraction(2n, 1n), 4)).toBe(1.4142);
    expect(roundedSqrt(exactOf(0), 2)).toBe(0);
  });

  it('variance is the population variance', () => {
    expect(variance([2, 4, 4, 4, 5, 5, 7, 9].map(exactOf))?.toFraction()).toBe('4');
    expect(variance([])).toBeNull();
  });
});
