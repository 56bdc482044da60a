// Turns zod issues into Problems with a JSON path, the nearest id and a plain English message.
import type { z } from 'zod';
import type { Problem } from './problem';
import { problemAt } from './problem-at';

type Issue = z.core.$ZodIssue;

// zod's own English messages start like this; anything else was written by our schemas.
const zodDefaultMessage = /^(Invalid|Too big|Too small|Unrecognized key)/;

/** Every zod issue of `error` as a Problem; `root` is the parsed input, for ids and values. */
export function zodProblems(error: z.ZodError, root: unknown): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) collect(issue, [], root, problems);
  return problems;
}

function collect(issue: Issue, base: readonly PropertyKey[], root: unknown, out: Problem[]): void {
  const segments = [...base, ...issue.path];
  const add = (where: readonly PropertyKey[], message: string) =>
    out.push(problemAt(root, where, message));

  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) add([...segments, key], `unknown field "${key}"`);
    return;
  }
  if (issue.code === 'invalid_union' && !isCustom(issue.message)) {
    // a discriminated union names its allowed discriminator values (untyped in zod's issue type)
    const options: unknown = (issue as { options?: unknown }).options;
    if (Array.isArray(options) && options.length > 0) {
      add(segments, mismatch(segments, root, options));
      return;
    }
    const expected = expectedOfPrimitiveUnion(issue.errors);
    if (expected !== undefined) {
      add(segments, `expected ${expected}, got ${kindOf(valueAt(root, segments).value)}`);
      return;
    }
    const branch = closestBranch(issue.errors, segments, root);
    if (branch !== undefined) {
      for (const inner of branch) collect(inner, segments, root, out);
      return;
    }
  }
  add(segments, messageOf(issue, segments, root));
}

function isCustom(message: string): boolean {
  return !zodDefaultMessage.test(message);
}

/** For a union of plain types (number | string | boolean): "a number, a string or true or false". */
function expectedOfPrimitiveUnion(branches: readonly (readonly Issue[])[]): string | undefined {
  const names: string[] = [];
  for (const branch of branches) {
    const [only] = branch;
    if (branch.length !== 1 || only === undefined || only.code !== 'invalid_type' || only.path.length > 0) return undefined;
    const name = expectedNames[only.expected] ?? only.expected;
    if (!names.includes(name)) names.push(name);
  }
  if (names.length === 1) return names[0];
  if (names.length === 0) return undefined;
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1] ?? ''}`;
}

/**
 * The union branch the input most nearly matches: fewest missing or forbidden fields (and whole
 * values of the wrong type), then fewest issues. Its issues explain the failure best.
 */
function closestBranch(
  branches: readonly (readonly Issue[])[],
  segments: readonly PropertyKey[],
  root: unknown,
): readonly Issue[] | undefined {
  const structural = (issue: Issue): boolean => {
    if (issue.code === 'unrecognized_keys') return true;
    if (issue.code !== 'invalid_type') return false;
    if (issue.path.length === 0 || issue.expected === 'never') return true;
    return issue.path.length === 1 && valueAt(root, [...segments, ...issue.path]).value === undefined;
  };
  let best: readonly Issue[] | undefined;
  let bestScore = [Infinity, Infinity];
  for (const branch of branches) {
    const score = [branch.filter(structural).length, branch.length];
    const [s0 = 0, s1 = 0] = score;
    const [b0 = Infinity, b1 = Infinity] = bestScore;
    if (s0 < b0 || (s0 === b0 && s1 < b1)) {
      best = branch;
      bestScore = score;
    }
  }
  return best;
}

function valueAt(root: unknown, segments: readonly PropertyKey[]): { parent: unknown; value: unknown } {
  let parent: unknown = undefined;
  let value: unknown = root;
  for (const segment of segments) {
    parent = value;
    value = value !== null && typeof value === 'object'
      ? (value as Record<PropertyKey, unknown>)[segment as string]
      : undefined;
  }
  return { parent, value };
}

function isMissingField(segments: readonly PropertyKey[], root: unknown): string | undefined {
  const last = segments[segments.length - 1];
  if (typeof last !== 'string') return undefined;
  const { parent, value } = valueAt(root, segments);
  if (value !== undefined || parent === null || typeof parent !== 'object' || Array.isArray(parent)) {
    return undefined;
  }
  return Object.prototype.hasOwnProperty.call(parent, last) ? undefined : last;
}

/** `string`, `null`, `an array`, `an object`, `number 2.5`… for "got …" in messages. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return kindOf(value);
}

const expectedNames: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  record: 'an object',
  null: 'null',
};

function mismatch(segments: readonly PropertyKey[], root: unknown, allowed: readonly unknown[]): string {
  const missing = isMissingField(segments, root);
  if (missing !== undefined) return `missing required field "${missing}"`;
  const { value } = valueAt(root, segments);
  const list = allowed.map((option) => JSON.stringify(option));
  const expected = list.length === 1 ? list[0] : `one of ${list.join(', ')}`;
  return `expected ${expected}, got ${shown(value)}`;
}

function messageOf(issue: Issue, segments: readonly PropertyKey[], root: unknown): string {
  if (isCustom(issue.message)) return issue.message;
  const { value } = valueAt(root, segments);
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.expected === 'never') {
        const last = segments[segments.length - 1];
        return `unexpected field "${String(last)}"`;
      }
      const missing = isMissingField(segments, root);
      if (missing !== undefined) return `missing required field "${missing}"`;
      const expected = expectedNames[issue.expected] ?? issue.expected;
      const got = issue.expected === 'int' && typeof value === 'number' ? String(value) : kindOf(value);
      return `expected ${expected}, got ${got}`;
    }
    case 'invalid_value': {
      const last = segments[segments.length - 1];
      const [only] = issue.values;
      if (last === 'format' && issue.values.length === 1 && typeof value === 'string' && typeof only === 'string') {
        return `unsupported format ${JSON.stringify(value)} (this version reads ${only})`;
      }
      return mismatch(segments, root, issue.values);
    }
    case 'too_small':
      return sizeMessage('at least', 'greater than', issue.minimum, issue.inclusive ?? true, issue.origin, value);
    case 'too_big':
      return sizeMessage('at most', 'less than', issue.maximum, issue.inclusive ?? true, issue.origin, value);
    case 'invalid_format':
      return issue.format === 'regex' && issue.pattern !== undefined
        ? `${shown(value)} does not match the pattern ${issue.pattern}`
        : `${shown(value)} is not a valid ${issue.format}`;
    case 'not_multiple_of':
      return `${shown(value)} is not a multiple of ${String(issue.divisor)}`;
    case 'invalid_key':
      return `invalid key`;
    case 'invalid_element':
      return `invalid value`;
    case 'invalid_union':
      return `${shown(value)} matches none of the allowed forms`;
    default:
      return issue.message;
  }
}

function sizeMessage(
  inclusiveWords: string,
  exclusiveWords: string,
  bound: number | bigint,
  inclusive: boolean,
  origin: string,
  value: unknown,
): string {
  const limit = String(bound);
  if (origin === 'array' || origin === 'string' || origin === 'set') {
    const unit = origin === 'string' ? 'characters' : 'items';
    if (inclusiveWords === 'at least' && limit === '1') return 'must not be empty';
    return `must have ${inclusive ? inclusiveWords : exclusiveWords} ${limit} ${unit}`;
  }
  return `must be ${inclusive ? inclusiveWords : exclusiveWords} ${limit}, got ${shown(value)}`;
}
