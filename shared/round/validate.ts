// Validating a round definition: the schema, then the rules that span several objects
// (FORMATS §1 and §6). Every problem is reported, schema and semantic alike: the semantic checks
// read the raw input defensively, so they still run where the schema already failed.
import { exactOf, formatExact, isMultipleOf } from '../exact';
import type { Problem, Result } from '../problem';
import { jsonPath } from '../problem';
import { problemAt } from '../problem-at';
import { zodProblems } from '../zod-problems';
import { documentPathKey, documentPathProblems } from './document-path';
import { roundDefinitionSchema, roundFileSchema, type RoundDefinition } from './schema';

export { normalisedAggregation, type NormalisedAggregation } from './aggregation';

export interface ValidateRoundOptions {
  /**
   * `forbid` (default): round.json as written by the secretariat, which must not carry
   * bundleId, bundleVersion, issuedAt, issuer or files. `allow`: the round inside a bundle payload.
   */
  bundleFields?: 'forbid' | 'allow';
}

/** The round definition, or every problem with it (JSON path, nearest id, message). */
export function validateRound(input: unknown, options: ValidateRoundOptions = {}): Result<RoundDefinition> {
  const tooDeep = criteriaDepthProblems(input);
  if (tooDeep.length > 0) return { ok: false, problems: tooDeep };
  const schema = options.bundleFields === 'allow' ? roundDefinitionSchema : roundFileSchema;
  const parsed = schema.safeParse(input);
  const problems = parsed.success ? [] : zodProblems(parsed.error, input);
  problems.push(...roundRuleProblems(input));
  if (parsed.success && problems.length === 0) return { ok: true, value: parsed.data };
  return { ok: false, problems };
}

type Fields = Record<string, unknown>;
type Segments = readonly PropertyKey[];

/** How many levels criteria may nest in a rubric (the top level is 1). Real rubrics use 2 or 3. */
export const MAX_CRITERIA_DEPTH = 32;

/**
 * Criteria nested deeper than MAX_CRITERIA_DEPTH, one problem per rubric. Checked first, without
 * recursion: the schema and the rules recurse into `children`, and a hostile (signed) manifest
 * nesting a thousand groups would otherwise overflow the stack instead of being refused.
 */
export function criteriaDepthProblems(input: unknown): Problem[] {
  const problems: Problem[] = [];
  const root = fieldsOf(input);
  if (root === undefined) return problems;
  listOf(root.rubrics).forEach((value, r) => {
    const rubric = fieldsOf(value);
    if (rubric === undefined) return;
    const stack: { criteria: unknown; segments: Segments; depth: number }[] = [{ criteria: rubric.criteria, segments: ['rubrics', r, 'criteria'], depth: 1 }];
    while (stack.length > 0) {
      const { criteria, segments, depth } = stack.pop()!;
      const list = listOf(criteria);
      if (list.length > 0 && depth > MAX_CRITERIA_DEPTH) {
        problems.push(problemAt(input, segments, `criteria nested more than ${MAX_CRITERIA_DEPTH} levels deep`));
        return;
      }
      list.forEach((item, i) => {
        const children = fieldsOf(item)?.children;
        if (children !== undefined) stack.push({ criteria: children, segments: [...segments, i, 'children'], depth: depth + 1 });
      });
    }
  });
  return problems;
}

function fieldsOf(value: unknown): Fields | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : undefined;
}

function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function positiveOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** Remembers where each id was first seen and reports later duplicates. */
class IdRegister {
  private readonly seen = new Map<string, Segments>();
  constructor(
    private readonly what: string,
    private readonly report: (segments: Segments, message: string) => void,
  ) {}

  /** Registers the `id` field of the object at `segments`; returns the id when it is a usable string. */
  add(object: Fields, segments: Segments): string | undefined {
    const id = textOf(object.id);
    if (id === undefined) return undefined;
    const first = this.seen.get(id);
    if (first === undefined) this.seen.set(id, segments);
    else this.report([...segments, 'id'], `duplicate ${this.what} id "${id}" (first at ${jsonPath(first)})`);
    return id;
  }

  has(id: string): boolean {
    return this.seen.has(id);
  }
}

/**
 * The rules of a round that a schema cannot say: unique ids, references between objects, exact
 * divisibility of max by step, document paths. Reads `input` defensively (any JSON value).
 */
export function roundRuleProblems(input: unknown): Problem[] {
  const problems: Problem[] = [];
  const report = (segments: Segments, message: string) => problems.push(problemAt(input, segments, message));
  const root = fieldsOf(input);
  if (root === undefined) return problems;

  const rubricIds = new IdRegister('rubric', report);
  const criteriaByRubric = new Map<string, Set<string>>();
  listOf(root.rubrics).forEach((value, r) => {
    const rubric = fieldsOf(value);
    if (rubric === undefined) return;
    const id = rubricIds.add(rubric, ['rubrics', r]);
    const criterionIds = new IdRegister('criterion', report);
    checkCriteria(rubric.criteria, ['rubrics', r, 'criteria'], criterionIds, report);
    const checkIds = new IdRegister('check', report);
    listOf(rubric.checks).forEach((check, k) => {
      const fields = fieldsOf(check);
      if (fields !== undefined) checkIds.add(fields, ['rubrics', r, 'checks', k]);
    });
    if (id !== undefined && !criteriaByRubric.has(id)) criteriaByRubric.set(id, criterionIdsOf(rubric.criteria));
  });

  const categoryIds = new IdRegister('category', report);
  listOf(root.categories).forEach((value, c) => {
    const category = fieldsOf(value);
    if (category === undefined) return;
    categoryIds.add(category, ['categories', c]);
    const rubricId = textOf(category.rubric);
    if (rubricId === undefined) return;
    const criteria = criteriaByRubric.get(rubricId);
    if (criteria === undefined) {
      report(['categories', c, 'rubric'], `unknown rubric "${rubricId}"`);
      return;
    }
    listOf(category.tieBreak).forEach((key, t) => {
      if (typeof key !== 'string' || !key.startsWith('criterion:')) return;
      const criterionId = key.slice('criterion:'.length);
      if (criterionId !== '' && !criteria.has(criterionId)) {
        report(['categories', c, 'tieBreak', t], `unknown criterion "${criterionId}" in rubric "${rubricId}"`);
      }
    });
  });

  const applicantIds = new IdRegister('applicant', report);
  const documentPaths = new Map<string, { path: string; segments: Segments }>();
  listOf(root.applicants).forEach((value, a) => {
    const applicant = fieldsOf(value);
    if (applicant === undefined) return;
    const id = applicantIds.add(applicant, ['applicants', a]);
    if (id !== undefined && categoryIds.has(id)) {
      report(['applicants', a, 'id'], `"${id}" is both a category id and an applicant id`);
    }
    const categoryId = textOf(applicant.category);
    if (categoryId !== undefined && !categoryIds.has(categoryId)) {
      report(['applicants', a, 'category'], `unknown category "${categoryId}"`);
    }
    listOf(applicant.documents).forEach((document, d) => {
      const path = fieldsOf(document)?.path;
      if (typeof path !== 'string' || path === '') return;
      const owner = ['applicants', a, 'documents', d];
      const segments = [...owner, 'path'];
      for (const message of documentPathProblems(path)) report(segments, message);
      const key = documentPathKey(path);
      const first = documentPaths.get(key);
      if (first === undefined) documentPaths.set(key, { path, segments: owner });
      else if (first.path === path) {
        report(segments, `duplicate document path "${path}" (first at ${jsonPath(first.segments)})`);
      } else {
        report(
          segments,
          `document path "${path}" clashes with "${first.path}" at ${jsonPath(first.segments)} ` +
            '(paths are compared ignoring case and Unicode normalisation)',
        );
      }
    });
  });

  const expertIds = new IdRegister('expert', report);
  listOf(root.experts).forEach((value, e) => {
    const expert = fieldsOf(value);
    if (expert === undefined) return;
    expertIds.add(expert, ['experts', e]);
    if (!Array.isArray(expert.assigned)) return;
    if (expert.assigned.length === 0) {
      report(['experts', e, 'assigned'], 'assigned to nothing: list category or applicant ids');
    }
    expert.assigned.forEach((entry, i) => {
      const target = textOf(entry);
      if (target !== undefined && !categoryIds.has(target) && !applicantIds.has(target)) {
        report(['experts', e, 'assigned', i], `"${target}" names no category or applicant`);
      }
    });
  });

  return problems;
}

function checkCriteria(
  value: unknown,
  segments: Segments,
  ids: IdRegister,
  report: (segments: Segments, message: string) => void,
): void {
  listOf(value).forEach((item, i) => {
    const criterion = fieldsOf(item);
    if (criterion === undefined) return;
    const here = [...segments, i];
    ids.add(criterion, here);
    if (Array.isArray(criterion.children)) {
      checkCriteria(criterion.children, [...here, 'children'], ids, report);
      return;
    }
    const max = positiveOf(criterion.max);
    const step = positiveOf(criterion.step);
    if (max !== undefined && step !== undefined && !isMultipleOf(exactOf(max), exactOf(step))) {
      report([...here, 'step'], `${formatExact(exactOf(step))} does not divide ${formatExact(exactOf(max))}`);
    }
  });
}

function criterionIdsOf(value: unknown, into = new Set<string>()): Set<string> {
  for (const item of listOf(value)) {
    const criterion = fieldsOf(item);
    if (criterion === undefined) continue;
    const id = textOf(criterion.id);
    if (id !== undefined) into.add(id);
    criterionIdsOf(criterion.children, into);
  }
  return into;
}
