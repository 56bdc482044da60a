import { describe, expect, it } from 'vitest';
import { exactOf, formatExact, Fraction, ratioString } from '../../../shared/exact';
import type { Rubric } from '../../../shared/round/schema';
import { validateRound } from '../../../shared/round/validate';
import {
  allCriteria,
  criterionMax,
  criterionValue,
  findCriterion,
  fullMarks,
  isGroup,
  leaves,
  rubricUnit,
  sheetTotal,
  toUnits,
} from '../../../shared/rubric';
import { sampleRound } from './round-fixture';

function rubricOf(index: number): Rubric {
  const result = validateRound(sampleRound());
  if (!result.ok) throw new Error('fixture is invalid');
  const rubric = result.value.rubrics[index];
  if (rubric === undefined) throw new Error('no such rubric');
  return rubric;
}

const integrity = rubricOf(0);
const scores = { c1: 20.5, c2a: 8, c2b: 12, c3: 42.5 };

describe('walking criteria', () => {
  it('lists the leaves in document order', () => {
    expect(leaves(integrity).map((leaf) => leaf.id)).toEqual(['c1', 'c2a', 'c2b', 'c3']);
    expect(allCriteria(integrity).map((criterion) => criterion.id)).toEqual(['c1', 'c2', 'c2a', 'c2b', 'c3']);
  });

  it('finds groups and leaves by id, and nothing else', () => {
    const group = findCriterion(integrity, 'c2');
    expect(group !== undefined && isGroup(group)).toBe(true);
    expect(findCriterion(integrity, 'c2b')?.label).toBe('项目业绩');
    expect(findCriterion(integrity, 'c9')).toBeUndefined();
  });
});

describe('maxima and units', () => {
  it('a group max is the sum of its leaves; full marks the sum of all leaves', () => {
    expect(formatExact(criterionMax(findCriterion(integrity, 'c2')!))).toBe('25');
    expect(formatExact(criterionMax(findCriterion(integrity, 'c1')!))).toBe('25');
    expect(formatExact(fullMarks(integrity))).toBe('100');
    expect(formatExact(fullMarks(rubricOf(1)))).toBe('100');
  });

  it('the unit is the GCD of the leaf steps', () => {
    expect(ratioString(rubricUnit(integrity))).toBe('1/2'); // 0.5, 1, 1, 2.5
    expect(ratioString(rubricUnit(rubricOf(1)))).toBe('1/1'); // 1, 5
    const odd = { criteria: [{ id: 'a', label: 'a', max: 1.5, step: 0.3 }, { id: 'b', label: 'b', max: 1, step: 0.25 }] };
    expect(ratioString(rubricUnit(odd))).toBe('1/20'); // gcd(3/10, 1/4) = 1/20
    expect(ratioString(rubricUnit({ criteria: [] }))).toBe('1/1');
  });

  it('toUnits counts whole units and refuses fractions of a unit', () => {
    const unit = rubricUnit(integrity);
    expect(toUnits(exactOf(20.5), unit)).toBe(41n);
    expect(toUnits(exactOf(-2), unit)).toBe(-4n);
    expect(toUnits(fullMarks(integrity), unit)).toBe(200n);
    expect(() => toUnits(exactOf(20.25), unit)).toThrow(RangeError);
  });
});

describe('values and totals', () => {
  it('a leaf value is its score; a group value the sum of its leaves', () => {
    expect(formatExact(criterionValue(findCriterion(integrity, 'c1')!, scores))).toBe('20.5');
    expect(formatExact(criterionValue(findCriterion(integrity, 'c2')!, scores))).toBe('20');
  });

  it('missing scores count 0', () => {
    expect(formatExact(criterionValue(findCriterion(integrity, 'c2')!, { c2a: 3 }))).toBe('3');
    expect(formatExact(sheetTotal(integrity, {}))).toBe('0');
  });

  it('the sheet total is exact', () => {
    expect(formatExact(sheetTotal(integrity, scores))).toBe('83');
    const tenths = {
      criteria: [
        { id: 'a', label: 'a', max: 1, step: 0.1 },
        { id: 'b', label: 'b', max: 1, step: 0.1 },
      ],
    };
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sheetTotal(tenths, { a: 0.1, b: 0.2 }).equals(new Fraction(3n, 10n))).toBe(true);
  });

  it('5%-of-points steps add up exactly', () => {
    const fivePercent = {
      criteria: [
        { id: 'a', label: 'a', max: 110, step: 5.5 },
        { id: 'b', label: 'b', max: 30, step: 1.5 },
      ],
    };
    expect(formatExact(fullMarks(fivePercent))).toBe('140');
    expect(ratioString(rubricUnit(fivePercent))).toBe('1/2');
    expect(formatExact(sheetTotal(fivePercent, { a: 104.5, b: 28.5 }))).toBe('133');
  });
});
