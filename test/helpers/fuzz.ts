// Shared pieces of the fuzz tests (test/fuzz): run counts, a per-case time limit, a watch for
// unhandled rejections and uncaught exceptions, a file-descriptor count, the "clean refusal"
// check, and byte-level mutations of a file.
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, expect } from 'vitest';
import { Rejection } from '../../electron/core/rejection';

/**
 * The number of cases for a target: `base`, scaled by FUZZ_SCALE (e.g. FUZZ_SCALE=10 for a long
 * local run, 0.1 for a quick look). CI runs the base counts.
 */
export function fuzzRuns(base: number): number {
  const scale = Number(process.env.FUZZ_SCALE ?? '1');
  return Math.max(1, Math.round(base * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/** fast-check parameters: the run count, and FUZZ_SEED to replay a reported failure. */
export function fuzzParameters(base: number): fc.Parameters<unknown> {
  const seed = process.env.FUZZ_SEED;
  return { numRuns: fuzzRuns(base), ...(seed !== undefined && seed !== '' ? { seed: Number(seed) } : {}) };
}

/** Per-test limit for a whole property (thousands of cases; the suite's default is 60 s). */
export const FUZZ_TEST_TIMEOUT_MS = 240_000;

export class Hang extends Error {}

/** Rejects with a `Hang` when `promise` has not settled after `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Hang(`${what} did not finish within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Collects unhandled promise rejections and uncaught exceptions while the test file runs; call
 * `check()` at the end of each property (and it runs again after all tests).
 */
export function watchUnhandled(): { check: () => void } {
  const seen: string[] = [];
  const onRejection = (reason: unknown) => seen.push(`unhandled rejection: ${String((reason as Error)?.stack ?? reason)}`);
  const onException = (error: unknown) => seen.push(`uncaught exception: ${String((error as Error)?.stack ?? error)}`);
  beforeAll(() => {
    process.on('unhandledRejection', onRejection);
    process.on('uncaughtException', onException);
  });
  const check = () => expect(seen, seen.join('\n')).toEqual([]);
  afterAll(async () => {
    // Give late stream errors a chance to surface before the last check.
    await new Promise((resolve) => setTimeout(resolve, 50));
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
    check();
  });
  return { check };
}

/** Open file descriptors of this process (Linux; elsewhere 0, which disables the leak check). */
export function openFds(): number {
  try {
    return readdirSync('/proc/self/fd').length;
  } catch {
    return 0;
  }
}

/** A cheap assertion for hot loops (vitest's expect costs ~40 µs a call, too much 10,000 times over). */
export function check(condition: unknown, message: string | (() => string)): asserts condition {
  if (!condition) throw new Error(typeof message === 'string' ? message : message());
}

/** A thrown value that is a clean refusal: a Rejection naming `label`, with a message. */
export function expectCleanRefusal(error: unknown, label: string): asserts error is Rejection {
  if (!(error instanceof Rejection)) {
    throw new Error(`expected a Rejection, got ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error)}`);
  }
  check(error.file === label, () => `the refusal names ${JSON.stringify(error.file)}, not ${JSON.stringify(label)}`);
  check(error.detail.length > 0, 'the refusal has an empty message');
  check(error.message.startsWith(label), () => `the message does not start with the file: ${error.message}`);
  check(typeof error.code === 'string' && error.code !== '', 'the refusal has no code');
  for (const problem of error.problems) {
    check(typeof problem.path === 'string' && typeof problem.message === 'string' && problem.message.length > 0, () => `bad problem ${JSON.stringify(problem)}`);
  }
}

/** Runs `fn`, returning its value or the error it threw (async or not). */
export async function settle<T>(fn: () => T | Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    return { ok: false, error };
  }
}

// ---- byte mutations ----

/** One change to a byte string; positions are fractions so they fit any length. */
export type ByteMutation =
  | { kind: 'flip'; at: number; xor: number }
  | { kind: 'set'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'duplicate'; at: number; count: number };

/** Where mutations land: anywhere, or within [start, end) — a region worth hitting often. */
export function byteMutation(regions: readonly (readonly [number, number])[] = []): fc.Arbitrary<ByteMutation> {
  const whole = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
  const position: fc.Arbitrary<number> =
    regions.length === 0
      ? whole
      : fc.oneof(
          { weight: 2, arbitrary: whole },
          ...regions.map(([start, end]) => ({
            weight: 3,
            // Encoded as a negative number: -(offset + 1) inside the region.
            arbitrary: fc.integer({ min: start, max: Math.max(start, end - 1) }).map((offset) => -(offset + 1)),
          })),
        );
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('flip' as const), at: position, xor: fc.integer({ min: 1, max: 255 }) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('set' as const), at: position, value: fc.constantFrom(0x00, 0xff, 0x7f, 0x80, 0x22, 0x5c, 0x2f, 0x2e) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: position }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: position, count: fc.integer({ min: 1, max: 16 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: position, count: fc.integer({ min: 1, max: 64 }) }) },
  );
}

function offsetOf(at: number, length: number): number {
  if (at < 0) return Math.min(length, -at - 1);
  return Math.min(length, Math.floor(at * length));
}

/** Applies the mutations in order (each position taken against the current length). */
export function mutateBytes(original: Uint8Array, mutations: readonly ByteMutation[]): Buffer {
  let bytes = Buffer.from(original);
  for (const mutation of mutations) {
    const at = offsetOf(mutation.at, bytes.length);
    switch (mutation.kind) {
      case 'flip':
        if (at < bytes.length) bytes[at] = bytes[at]! ^ mutation.xor;
        break;
      case 'set':
        if (at < bytes.length) bytes[at] = mutation.value;
        break;
      case 'truncate':
        bytes = bytes.subarray(0, at);
        break;
      case 'insert':
        bytes = Buffer.concat([bytes.subarray(0, at), mutation.bytes, bytes.subarray(at)]);
        break;
      case 'delete':
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + mutation.count)]);
        break;
      case 'duplicate':
        bytes = Buffer.concat([bytes.subarray(0, at + mutation.count), bytes.subarray(at)]);
        break;
    }
  }
  return Buffer.from(bytes);
}

/** A few mutations of a byte string, biased towards `regions`. */
export function byteMutations(regions: readonly (readonly [number, number])[] = [], maxLength = 6): fc.Arbitrary<ByteMutation[]> {
  return fc.array(byteMutation(regions), { minLength: 1, maxLength });
}

// ---- JSON mutations ----

type JsonPathStep = string | number;

/** Every path to a value inside a JSON value (the root is []). */
export function jsonPaths(value: unknown, prefix: JsonPathStep[] = [], out: JsonPathStep[][] = []): JsonPathStep[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => jsonPaths(item, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) jsonPaths(item, [...prefix, key], out);
  return out;
}

/** A structural change to a JSON document: replace, delete, duplicate or wrap the value at a path. */
export type JsonMutation =
  | { kind: 'replace'; pick: number; value: unknown }
  | { kind: 'delete'; pick: number }
  | { kind: 'add'; pick: number; key: string; value: unknown }
  | { kind: 'duplicate'; pick: number }
  | { kind: 'wrap'; pick: number; inArray: boolean };

/** Values that break validators in interesting ways (edge numbers, odd strings, wrong types). */
export const hostileJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null, true, false, 0, -0, 1, -1, 0.1, 0.7, 1e21, 1e-7, 2 ** 53, 2 ** 53 + 2, -(2 ** 31), Number.MAX_SAFE_INTEGER, Number.MIN_VALUE,
    '', ' ', '0', 'NaN', '__proto__', 'constructor', 'toString', '../x', 'a/../b', '/abs', 'C:\\x', 'a\u0000b', '\u202e', 'ＡＢＣ', 'A\u030a', '\u00c5',
    '\ud800', 'x'.repeat(5000), [], {}, [[]], [{}], { id: 'A001' }, { id: '' },
  ),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.double(),
  fc.integer(),
  fc.jsonValue({ maxDepth: 3 }),
);

export function jsonMutation(): fc.Arbitrary<JsonMutation> {
  const pick = fc.nat();
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace' as const), pick, value: hostileJsonValue }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('add' as const), pick, key: fc.oneof(fc.constantFrom('id', 'path', 'max', 'step', 'children', 'sha256', 'size', '__proto__', 'conflict', 'total'), fc.string({ maxLength: 6 })), value: hostileJsonValue }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), pick }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('wrap' as const), pick, inArray: fc.boolean() }) },
  );
}

/** Applies mutations to a deep copy of `value` (JSON only; `__proto__` is written as an own key). */
export function mutateJson(value: unknown, mutations: readonly JsonMutation[]): unknown {
  let root: unknown = structuredClone(value);
  for (const mutation of mutations) {
    const paths = jsonPaths(root);
    const path = paths[mutation.pick % paths.length]!;
    const parent = path.length === 0 ? undefined : (path.slice(0, -1).reduce<unknown>((node, step) => (node as Record<string | number, unknown>)[step], root) as Record<string | number, unknown>);
    const last = path.at(-1);
    const current = parent === undefined ? root : parent[last!];
    const put = (next: unknown) => {
      if (parent === undefined) root = next;
      else Object.defineProperty(parent, last!, { value: next, enumerable: true, writable: true, configurable: true });
    };
    switch (mutation.kind) {
      case 'replace':
        put(structuredClone(mutation.value));
        break;
      case 'delete':
        if (parent === undefined) root = undefined;
        else if (Array.isArray(parent)) parent.splice(last as number, 1);
        else delete parent[last!];
        break;
      case 'add':
        if (Array.isArray(current)) current.push(structuredClone(mutation.value));
        else if (current !== null && typeof current === 'object') {
          Object.defineProperty(current, mutation.key, { value: structuredClone(mutation.value), enumerable: true, writable: true, configurable: true });
        }
        break;
      case 'duplicate':
        if (Array.isArray(parent)) parent.splice(last as number, 0, structuredClone(current));
        else if (Array.isArray(current) && current.length > 0) current.push(structuredClone(current[0]));
        break;
      case 'wrap':
        put(mutation.inArray ? [current] : { value: current });
        break;
    }
  }
  return root;
}
