// Ranking (FORMATS §1, §6): descending by score, then by each tie-break key in order (higher
// wins), all on exact values. Applicants still equal share a rank, numbered like competitions
// (1, 1, 3), and are listed by applicant id.
import type { Fraction } from '../exact';
import { byText } from './reviews';

/** An applicant in the running; `V` is how its values are held (Fractions, or ./sample Ratios). */
export interface Contender<V = Fraction> {
  id: string;
  score: V;
  /** The tie-break keys' values, in the category's order. */
  tieBreaks: readonly V[];
}

/** Applicants that stay equal after every tie-break: one rank, listed by id. */
export interface TieGroup<V = Fraction> {
  rank: number;
  score: V;
  ids: string[];
}

/** Ascending order of two values. */
export type Compare<V> = (a: V, b: V) => number;

const compareFractions: Compare<Fraction> = (a, b) => a.compare(b);

/** Negative when `a` ranks before `b`, 0 when they are tied. */
export function compareContenders(a: Contender, b: Contender): number {
  return compareContendersBy(a, b, compareFractions);
}

export function compareContendersBy<V>(a: Contender<V>, b: Contender<V>, compare: Compare<V>): number {
  const byScore = compare(b.score, a.score);
  if (byScore !== 0) return byScore;
  for (let i = 0; i < Math.max(a.tieBreaks.length, b.tieBreaks.length); i += 1) {
    const left = a.tieBreaks[i];
    const right = b.tieBreaks[i];
    if (left === undefined || right === undefined) throw new RangeError('contenders with different tie-break keys');
    const byKey = compare(right, left);
    if (byKey !== 0) return byKey;
  }
  return 0;
}

/** The contenders in rank order, grouped where still tied, each group with its competition rank. */
export function rankContenders(contenders: readonly Contender[]): TieGroup[] {
  return rankContendersBy(contenders, compareFractions);
}

export function rankContendersBy<V>(contenders: readonly Contender<V>[], compare: Compare<V>): TieGroup<V>[] {
  const sorted = [...contenders].sort((a, b) => compareContendersBy(a, b, compare) || byText(a.id, b.id));
  const groups: TieGroup<V>[] = [];
  let placed = 0;
  for (const contender of sorted) {
    const last = groups.at(-1);
    const lastContender = sorted[placed - 1];
    if (last !== undefined && lastContender !== undefined && compareContendersBy(lastContender, contender, compare) === 0) {
      last.ids.push(contender.id);
    } else {
      groups.push({ rank: placed + 1, score: contender.score, ids: [contender.id] });
    }
    placed += 1;
  }
  return groups;
}
