// The merge core's entry point: verified sheets in, every category aggregated, ranked and awarded.
// Pure: no I/O, and the result does not depend on the order of experts or sheets.
import { mergeCategory } from './category';
import type { MergeInput, MergeResult } from './types';

export function mergeRound(input: MergeInput): MergeResult {
  const { round, experts, method } = input;
  return {
    roundId: round.round.id,
    method: method ?? 'per-category',
    categories: round.categories.map((category) => mergeCategory(round, category, experts, method)),
  };
}
