import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../shared/problem';
import { zodProblems } from '../../../shared/round/schema';

function linesOf(schema: z.ZodType, input: unknown): string[] {
  const parsed = schema.safeParse(input);
  return parsed.success ? [] : zodProblems(parsed.error, input).map(formatProblem);
}

describe('zodProblems', () => {
  const item = z.strictObject({ id: z.string(), size: z.number().int().min(0).max(10), tags: z.array(z.string()).min(1) });
  const list = z.object({ items: z.array(item) });

  it('turns issues into readable problems with paths and ids', () => {
    const input = { items: [{ id: 'x1', size: 'big', tags: [] }, { id: 'x2', size: 11, tags: ['a'], colour: 'red', extra: 1 }, { size: 2.5, tags: ['a'] }] };
    expect(linesOf(list, input)).toEqual([
      'items[0].size (x1): expected a number, got string',
      'items[0].tags (x1): must not be empty',
      'items[1].size (x2): must be at most 10, got 11',
      'items[1].colour (x2): unknown field "colour"',
      'items[1].extra (x2): unknown field "extra"',
      'items[2].id: missing required field "id"',
      'items[2].size: expected an integer, got 2.5',
    ]);
  });

  it('quotes keys that are not identifiers', () => {
    const scores = z.object({ scores: z.record(z.string(), z.number()) });
    expect(linesOf(scores, { scores: { 'c-1': 'x' } })).toEqual(['scores["c-1"]: expected a number, got string']);
  });

  it('reports every issue, never just the first', () => {
    const flat = z.object({ a: z.number(), b: z.string(), c: z.boolean() });
    expect(linesOf(flat, { a: 's', b: 1, c: null })).toHaveLength(3);
  });

  it('keeps messages written by the schema', () => {
    const custom = z.object({ k: z.string().regex(/^k\d$/, { error: 'a check id is k and a digit' }) });
    expect(linesOf(custom, { k: 'x' })).toEqual(['k: a check id is k and a digit']);
  });

  it('explains literals and enums', () => {
    const choice = z.object({ mode: z.enum(['a', 'b']), kind: z.literal('x') });
    expect(linesOf(choice, { mode: 'c', kind: 'y' })).toEqual([
      'mode: expected one of "a", "b", got "c"',
      'kind: expected "x", got "y"',
    ]);
  });
});
