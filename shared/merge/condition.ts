// Level conditions over an applicant's facts (FORMATS §1, §6): `{all: […]}` (true when empty),
// `{any: […]}` (false when empty), `{fact, op, value}` with `>= > <= < == !=`.
//
// A missing fact makes its comparison false, whatever the operator (`!=` included). Numbers are
// compared exactly (their shortest decimals); strings and booleans support only `==` and `!=`;
// a fact of another type than the value cannot be compared and counts like a missing fact.
import { exactOf } from '../exact';
import type { AllCondition, AnyCondition, ComparisonOperator, Condition, FactCondition, FactValue } from '../round/schema';

export type Facts = Readonly<Record<string, FactValue>> | undefined;

function isAll(condition: Condition): condition is AllCondition {
  return Array.isArray((condition as Partial<AllCondition>).all);
}

function isAny(condition: Condition): condition is AnyCondition {
  return Array.isArray((condition as Partial<AnyCondition>).any);
}

export function conditionHolds(condition: Condition, facts: Facts): boolean {
  if (isAll(condition)) return condition.all.every((part) => conditionHolds(part, facts));
  if (isAny(condition)) return condition.any.some((part) => conditionHolds(part, facts));
  return factHolds(condition as FactCondition, facts);
}

function factHolds(condition: FactCondition, facts: Facts): boolean {
  if (facts === undefined || !Object.prototype.hasOwnProperty.call(facts, condition.fact)) return false;
  const fact = facts[condition.fact];
  const value = condition.value;
  if (typeof fact === 'number' && typeof value === 'number') {
    return orderHolds(condition.op, exactOf(fact).compare(exactOf(value)));
  }
  if (fact === undefined || typeof fact !== typeof value) return false;
  if (condition.op === '==') return fact === value;
  if (condition.op === '!=') return fact !== value;
  return false;
}

function orderHolds(op: ComparisonOperator, order: number): boolean {
  switch (op) {
    case '>=':
      return order >= 0;
    case '>':
      return order > 0;
    case '<=':
      return order <= 0;
    case '<':
      return order < 0;
    case '==':
      return order === 0;
    case '!=':
      return order !== 0;
  }
}
