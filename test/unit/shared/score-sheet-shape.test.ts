// Score files skip zod's copy of each well-formed sheet (shared/sheet/score-sheet-shape.ts,
// parse-payload.ts): the quick shape test must never pass what the schema refuses, and the
// payload parse must accept and refuse exactly what the schema does, with the same values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreFilePayloadSchema, scoreSheetSchema } from '../../../shared/sheet';
import { parseScoreFilePayload } from '../../../shared/sheet/parse-payload';
import { isScoreSheetShape } from '../../../shared/sheet/score-sheet-shape';

const good = () => ({
  applicantId: 'A001',
  checks: { k1: true },
  comment: '意见',
  conflict: false,
  conflictReason: '',
  criterionComments: { c1: '理由' },
  scores: { c1: 20.5, c2: 8 },
  total: 28.5,
});

// a good sheet with one field replaced by anything, dropped, or an extra field added
const oddValue = fc.oneof(
  fc.anything(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, '', [], null, undefined, Object.create(null) as object, new Map(), { a: Number.NaN }, { a: '1' }, { a: 1 }, { a: true }),
);
const sheet = fc.oneof(
  fc.constant(good()),
  fc.record({ key: fc.constantFrom(...Object.keys(good()), 'extra'), value: oddValue }).map(({ key, value }) => ({ ...good(), [key]: value })),
  fc.constantFrom(...Object.keys(good())).map((key) => Object.fromEntries(Object.entries(good()).filter(([k]) => k !== key))),
  // own "__proto__" keys, as JSON.parse makes them: zod leaves them out of its output
  fc.constantFrom(['{', '{"__proto__":{"x":1},'], ['"scores":{', '"scores":{"__proto__":1,'], ['"checks":{', '"checks":{"__proto__":true,']).map(
    ([from, to]) => JSON.parse(JSON.stringify(good()).replace(from, to)) as unknown,
  ),
  fc.anything(),
);

describe('the quick score sheet shape test', () => {
  it('passes nothing the schema refuses (property)', () => {
    fc.assert(
      fc.property(sheet, (value) => {
        if (isScoreSheetShape(value)) expect(scoreSheetSchema.safeParse(value).success).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('passes well-formed sheets, records with a null prototype included', () => {
    expect(isScoreSheetShape(good())).toBe(true);
    expect(isScoreSheetShape({ ...good(), scores: Object.assign(Object.create(null) as object, { c1: 1 }) })).toBe(true);
    expect(isScoreSheetShape({ ...good(), scores: { c1: Number.NaN } })).toBe(false);
  });

  it('a payload parses as with the schema alone: same outcome, values and problems (property)', () => {
    const payload = (sheets: unknown[]) => ({
      roundId: 'r',
      bundleId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      bundleVersion: 1,
      manifestSha256: 'a'.repeat(64),
      expertId: 'E01',
      expertName: '张三',
      publicKey: 'A'.repeat(43),
      revision: 1,
      final: true,
      createdAt: '2025-11-20T09:00:00Z',
      appVersion: 't',
      sheets,
    });
    fc.assert(
      fc.property(fc.array(sheet, { maxLength: 4 }), (sheets) => {
        const input = payload(sheets);
        const fast = parseScoreFilePayload(input);
        const plain = scoreFilePayloadSchema.safeParse(input);
        expect(fast.success).toBe(plain.success);
        if (fast.success && plain.success) expect(fast.data).toEqual(plain.data);
        else expect(fast.error?.issues).toEqual(plain.error?.issues);
      }),
      { numRuns: 500 },
    );
  });
});
