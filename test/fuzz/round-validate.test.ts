// Fuzzing the round validator (validateRound) with arbitrary JavaScript values and with near-valid
// rounds: a real round structurally mutated, with hostile ids, numbers, nesting and paths.
//
// Property: validateRound never throws and returns a Result — `{ok: true, value}` or `{ok: false,
// problems}` with at least one problem, each with a string path, an optional string id and a
// message — within 2 s (it is synchronous: a hang shows as a slow case); formatting the problems
// never throws; and an accepted round really keeps the rules (checked here independently: unique
// ids, references, exact max/step, no bundle fields in round.json).
//
// Counts: 5,000 arbitrary values + 5,000 near-valid rounds = 10,000 cases (~1 ms each: a near-
// valid round is a realistic round, validated in full; ~12 s).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactOf, isMultipleOf } from '../../shared/exact';
import { formatProblem, type Result } from '../../shared/problem';
import type { Criterion, RoundDefinition } from '../../shared/round/schema';
import { validateBundlePayload } from '../../shared/bundle/manifest';
import { MAX_CRITERIA_DEPTH, validateRound } from '../../shared/round/validate';
import { sampleRound } from '../unit/shared/round-fixture';
import { check, FUZZ_TEST_TIMEOUT_MS, fuzzParameters, hostileJsonValue, jsonMutation, mutateJson, watchUnhandled } from '../helpers/fuzz';

const SLOW_MS = 2_000;
const BUNDLE_FIELDS = { bundleId: '81ef9aa3-704e-42cf-9867-0057a81f959f', bundleVersion: 1, issuedAt: '2025-11-01T08:30:00Z', issuer: { name: '秘书处', publicKey: 'A'.repeat(43) } };
const unhandled = watchUnhandled();

function run(input: unknown, bundleFields?: 'allow' | 'forbid'): Result<RoundDefinition> {
  const started = performance.now();
  let result: Result<RoundDefinition>;
  try {
    result = validateRound(input, bundleFields === undefined ? {} : { bundleFields });
  } catch (error) {
    throw new Error(`validateRound threw instead of returning problems: ${(error as Error)?.stack ?? String(error)}`);
  }
  const took = performance.now() - started;
  check(took < SLOW_MS, () => `one validation took ${Math.round(took)} ms`);
  check(typeof result.ok === 'boolean', 'not a Result');
  if (!result.ok) {
    check(Array.isArray(result.problems) && result.problems.length > 0, 'refused without problems');
    for (const problem of result.problems) {
      check(typeof problem.path === 'string', () => `problem without a path: ${JSON.stringify(problem)}`);
      check(typeof problem.message === 'string' && problem.message.length > 0, () => `problem without a message: ${JSON.stringify(problem)}`);
      check(problem.id === undefined || typeof problem.id === 'string', () => `problem with a bad id: ${JSON.stringify(problem)}`);
      check(typeof formatProblem(problem) === 'string', 'formatProblem failed');
    }
  }
  return result;
}

/** The rules an accepted round must keep, checked without the validator's code. */
function expectKeepsTheRules(round: RoundDefinition, bundleFields: 'allow' | 'forbid' | undefined): void {
  const unique = (ids: string[]) => expect(new Set(ids).size).toBe(ids.length);
  const rubricIds = round.rubrics.map((rubric) => rubric.id);
  unique(rubricIds);
  for (const rubric of round.rubrics) {
    const ids: string[] = [];
    const walk = (criteria: readonly Criterion[]) => {
      for (const criterion of criteria) {
        ids.push(criterion.id);
        if ('children' in criterion && Array.isArray(criterion.children)) walk(criterion.children);
        else {
          const leaf = criterion as { max: number; step: number };
          expect(leaf.max).toBeGreaterThan(0);
          expect(leaf.step).toBeGreaterThan(0);
          expect(isMultipleOf(exactOf(leaf.max), exactOf(leaf.step))).toBe(true);
        }
      }
    };
    walk(rubric.criteria);
    unique(ids);
  }
  const categoryIds = round.categories.map((category) => category.id);
  unique(categoryIds);
  for (const category of round.categories) expect(rubricIds).toContain(category.rubric);
  const applicantIds = round.applicants.map((applicant) => applicant.id);
  unique(applicantIds);
  for (const id of applicantIds) expect(categoryIds).not.toContain(id);
  for (const applicant of round.applicants) expect(categoryIds).toContain(applicant.category);
  unique(round.experts.map((expert) => expert.id));
  for (const expert of round.experts) {
    expect(expert.assigned.length).toBeGreaterThan(0);
    for (const target of expert.assigned) expect([...categoryIds, ...applicantIds]).toContain(target);
  }
  if (bundleFields !== 'allow') {
    for (const field of ['bundleId', 'bundleVersion', 'issuedAt', 'issuer', 'files']) expect(Object.hasOwn(round, field)).toBe(false);
  }
}

describe('round validator under fuzzing', { timeout: FUZZ_TEST_TIMEOUT_MS }, () => {
  it('the real round is accepted (the oracle works)', () => {
    const result = run(sampleRound());
    expect(result.ok).toBe(true);
    if (result.ok) expectKeepsTheRules(result.value, undefined);
  });

  it('any JavaScript value: a Result, never an exception', () => {
    const anything = fc.anything({
      maxDepth: 4,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      withUnicodeString: true,
      key: fc.oneof(fc.string(), fc.constantFrom('id', 'rubrics', 'criteria', 'children', 'applicants', 'categories', 'experts', '__proto__', 'max', 'step')),
    });
    // Arbitrary values at the top, and at each top-level field of a real round.
    const input = fc.oneof(
      anything,
      fc.record({ field: fc.constantFrom('format', 'round', 'rubrics', 'categories', 'applicants', 'experts'), value: anything }).map(({ field, value }) => ({ ...sampleRound(), [field]: value })),
    );
    fc.assert(
      fc.property(input, fc.constantFrom(undefined, 'allow' as const, 'forbid' as const), (value, bundleFields) => {
        const result = run(value, bundleFields);
        if (result.ok) expectKeepsTheRules(result.value, bundleFields);
      }),
      fuzzParameters(5_000),
    );
    unhandled.check();
  });

  it('near-valid rounds (structural mutations, hostile numbers and ids, deep nesting): a Result that is right when ok', () => {
    const decimal = fc.oneof(
      fc.constantFrom(0.1, 0.2, 0.3, 0.7, 0.05, 1e-7, 1e-300, 5e-324, 1e21, 2 ** 53, 2 ** 53 + 2, 1 / 3, 0.1 + 0.2, 100, 25, 2.5, 0, -1),
      fc.double({ min: 0, max: 1000, noNaN: true }),
      fc.integer({ min: 1, max: 100 }).chain((n) => fc.integer({ min: 1, max: 100 }).map((d) => n / d)),
    );
    const targeted = fc.oneof(
      // A leaf's max and step.
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('limits' as const), rubric: fc.nat(), criterion: fc.nat(), max: decimal, step: decimal }) },
      // Ids copied onto other objects (duplicates, category = applicant id, …).
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('same-id' as const), from: fc.nat(), to: fc.nat() }) },
      // A criterion nested in groups, across the depth limit (MAX_CRITERIA_DEPTH).
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('deep' as const), depth: fc.integer({ min: 1, max: 40 }) }) },
      // A document path from the hostile list.
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('path' as const), applicant: fc.nat(), path: fc.oneof(fc.constantFrom('../x.pdf', '/a.pdf', 'a//b.pdf', 'A001/申报材料.PDF', 'a\\b.pdf', 'C:x.pdf', 'a/./b.pdf', '', 'x\u0000.pdf', 'A\u030a.pdf', '\u00c5.pdf'), fc.string({ maxLength: 10 })) }) },
      // Many objects (size limits, quadratic checks).
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('many' as const), count: fc.integer({ min: 20, max: 200 }) }) },
    );
    type Targeted = typeof targeted extends fc.Arbitrary<infer T> ? T : never;
    const applyTargeted = (round: ReturnType<typeof sampleRound>, change: Targeted): unknown => {
      const r = round as unknown as {
        rubrics: { criteria: Record<string, unknown>[] }[];
        categories: { id: string }[];
        applicants: { id: string; documents: { path: string }[] }[];
        experts: { id: string }[];
      };
      switch (change.kind) {
        case 'limits': {
          const rubric = r.rubrics[change.rubric % r.rubrics.length]!;
          const criterion = rubric.criteria[change.criterion % rubric.criteria.length]!;
          Object.assign(criterion, { max: change.max, step: change.step });
          delete criterion.children;
          break;
        }
        case 'same-id': {
          const owners = [...r.rubrics, ...r.categories, ...r.applicants, ...r.experts, ...r.rubrics.flatMap((rubric) => rubric.criteria)] as { id: string }[];
          owners[change.to % owners.length]!.id = owners[change.from % owners.length]!.id;
          break;
        }
        case 'deep': {
          let leaf: Record<string, unknown> = { id: 'deep-leaf', label: '深', max: 10, step: 1 };
          for (let level = 0; level < change.depth; level += 1) leaf = { id: `g${level}`, label: '组', children: [leaf] };
          r.rubrics[0]!.criteria.push(leaf);
          break;
        }
        case 'path': {
          const applicant = r.applicants[change.applicant % r.applicants.length]!;
          applicant.documents.push({ path: change.path });
          break;
        }
        case 'many': {
          const template = r.applicants[0]!;
          for (let i = 0; i < change.count; i += 1) r.applicants.push({ ...structuredClone(template), id: `X${i}`, documents: [{ path: `X${i}/申报材料.pdf` }] });
          break;
        }
      }
      return round;
    };
    const nearValid = fc.oneof(
      { weight: 3, arbitrary: fc.array(jsonMutation(), { minLength: 1, maxLength: 5 }).map((mutations) => mutateJson(sampleRound(), mutations)) },
      { weight: 2, arbitrary: fc.array(targeted, { minLength: 1, maxLength: 3 }).map((changes) => changes.reduce<unknown>((round, change) => applyTargeted(round as ReturnType<typeof sampleRound>, change), sampleRound())) },
      {
        weight: 1,
        arbitrary: fc.tuple(fc.array(targeted, { minLength: 1, maxLength: 2 }), fc.array(jsonMutation(), { minLength: 1, maxLength: 3 })).map(([changes, mutations]) =>
          mutateJson(changes.reduce<unknown>((round, change) => applyTargeted(round as ReturnType<typeof sampleRound>, change), sampleRound()), mutations),
        ),
      },
      { weight: 1, arbitrary: fc.record({ field: fc.constantFrom('bundleId', 'bundleVersion', 'issuedAt', 'issuer', 'files'), value: hostileJsonValue }).map(({ field, value }) => ({ ...sampleRound(), [field]: value })) },
    );
    let accepted = 0;
    fc.assert(
      fc.property(nearValid, fc.constantFrom(undefined, 'allow' as const), (round, bundleFields) => {
        const result = run(round, bundleFields);
        if (!result.ok) return;
        accepted += 1;
        expectKeepsTheRules(result.value, bundleFields);
      }),
      fuzzParameters(5_000),
    );
    unhandled.check();
    expect(accepted).toBeGreaterThan(0);
  });

  // Found by this fuzzer: a thousand nested groups overflowed the stack inside zod (a RangeError
  // instead of a refusal — from a signed manifest, import failed with no file or entry named).
  it('criteria nested far deeper than any rubric are refused with a problem, in round.json and in a manifest', () => {
    for (const depth of [MAX_CRITERIA_DEPTH - 1, MAX_CRITERIA_DEPTH, 1_000, 20_000]) {
      const round = sampleRound() as unknown as { rubrics: { criteria: unknown[] }[] };
      let leaf: Record<string, unknown> = { id: 'deep-leaf', label: '深', max: 10, step: 1 };
      for (let level = 0; level < depth; level += 1) leaf = { id: `g${level}`, label: '组', children: [leaf] };
      round.rubrics[0]!.criteria.push(leaf);
      const result = run(round);
      // depth groups put the leaf's list at level depth + 1 (the top level is 1).
      expect(result.ok).toBe(depth + 1 <= MAX_CRITERIA_DEPTH);
      if (!result.ok) expect(result.problems[0]!.message).toContain(`more than ${MAX_CRITERIA_DEPTH} levels`);
      const manifest = validateBundlePayload({ ...round, ...BUNDLE_FIELDS, files: [] });
      expect(manifest.ok).toBe(false);
      if (depth + 1 > MAX_CRITERIA_DEPTH && !manifest.ok) expect(manifest.problems.map((problem) => problem.message).join('\n')).toContain('levels deep');
    }
  });

  // Found by review while fuzzing: files[] was matched against documents[] with a nested loop, so
  // a signed manifest listing 100,000 files took minutes to refuse or accept.
  it('a manifest listing 100,000 documents is checked in linear time', () => {
    const round = sampleRound() as unknown as { applicants: unknown[]; experts: unknown[]; categories: { id: string }[] };
    const files: unknown[] = [];
    round.applicants = [];
    round.experts = [];
    for (let i = 0; i < 100_000; i += 1) {
      round.applicants.push({ id: `X${i}`, name: '单位', category: round.categories[0]!.id, documents: [{ path: `X${i}/申报材料.pdf`, title: '申报材料' }] });
      files.push({ path: `X${i}/申报材料.pdf`, sha256: 'a'.repeat(64), size: 1 });
    }
    const started = performance.now();
    expect(validateBundlePayload({ ...round, ...BUNDLE_FIELDS, files }).ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
