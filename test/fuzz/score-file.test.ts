// Fuzzing the score-file parser (verifyScoreFile): byte mutations of a real signed file, random
// and structurally mutated envelopes, and random or mutated payloads signed with the expert's own
// key (so the checks behind the signature are reached: schema, round, bundle, manifest hash,
// roster, key, every sheet).
//
// Property: a clean refusal (Rejection naming the file, with a message) or an acceptance; never
// another exception; never a case slower than 2 s (verifyScoreFile is synchronous, so a hang shows
// as a slow case — an endless loop would stall the run and fail it by vitest's timeout); and never
// the acceptance of a file whose signed bytes changed: an accepted mutant of the real file carries
// its payload byte for byte, and an accepted re-signed payload is exactly what was signed, for this
// bundle, with totals that are the exact sums of the scores.
//
// Counts: 6,000 byte mutations + 3,000 envelope mutations + 8,000 signed payloads = 17,000 cases
// (0.1–0.5 ms each; the file runs in about 10 s with its setup).
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { packBundle } from '../../electron/core/bundle/pack';
import { openBundle } from '../../electron/core/bundle/read-bundle';
import { encodePublicKey } from '../../electron/core/keys/fingerprint';
import { createScoreFile, verifyScoreFile, type ScoredBundle, type VerifiedScoreFile } from '../../electron/core/scores/score-file';
import { canonicalBytes } from '../../electron/core/signing/canonical-json';
import { signEnvelope } from '../../electron/core/signing/dsse';
import { exactOf } from '../../shared/exact';
import { applicantRubric } from '../../shared/round/lookup';
import { allCriteria } from '../../shared/rubric/criteria';
import { isGroup } from '../../shared/round/schema';
import { SCORES_PAYLOAD_TYPE } from '../../shared/sheet/schema';
import { makeKey, makeRoundDir, sampleRound, tempDir, type TestKey } from '../helpers/fixtures';
import { byteMutations, check, expectCleanRefusal, FUZZ_TEST_TIMEOUT_MS, fuzzParameters, hostileJsonValue, jsonMutation, mutateBytes, mutateJson, watchUnhandled } from '../helpers/fuzz';

const LABEL = 'fuzzed.rdscore';
const SLOW_MS = 2_000;
const work = tempDir('reviewdesk-fuzz-scores-');
const unhandled = watchUnhandled();

let zhang: TestKey;
let li: TestKey;
let bundle: ScoredBundle;
let goodBytes: Buffer;
let goodPayload: Record<string, unknown>;
let goodPayloadBytes: Buffer;
let regions: [number, number][];

const SMALL_SOURCES: Record<string, string> = {
  'A001/申报材料.pdf': 'helloworld-bad.pdf',
  'A001/扫描件.pdf': 'bad-PageLabels.pdf',
  'A002/申报材料.pdf': 'noembed-sjis.pdf',
  'B001/application.pdf': 'boundingBox_invalid.pdf',
};

beforeAll(async () => {
  const secretariat = makeKey(work, 'secretariat');
  zhang = makeKey(work, 'zhang');
  li = makeKey(work, 'li');
  const round = sampleRound();
  (round.experts as { publicKey?: string }[])[0]!.publicKey = encodePublicKey(zhang.key.publicKey);
  const file = path.join(work, 'round.rdbundle');
  await packBundle({ dir: makeRoundDir(path.join(work, 'round'), round, SMALL_SOURCES), key: secretariat.key, out: file });
  const opened = await openBundle(file);
  opened.close();
  bundle = { payload: opened.payload, manifestSha256: opened.manifestSha256 };
  const created = createScoreFile(
    bundle,
    {
      expertId: 'E01',
      key: zhang.key,
      sheetFile: {
        sheets: [
          { applicantId: 'A001', checks: { k1: true }, scores: { c1: 22.5, c2a: 8, c2b: 14 }, comment: '材料齐全', criterionComments: {}, total: 44.5 },
          { applicantId: 'A002', conflict: true, conflictReason: '本人曾在该单位任职' },
        ],
      },
      revision: 3,
      final: true,
      appVersion: 'fuzz',
      createdAt: new Date('2025-11-20T09:00:00Z'),
    },
    'sheets.json',
  );
  goodBytes = created.bytes;
  const envelope = JSON.parse(goodBytes.toString('utf8')) as { payload: string };
  goodPayloadBytes = Buffer.from(envelope.payload, 'base64');
  goodPayload = JSON.parse(goodPayloadBytes.toString('utf8')) as Record<string, unknown>;
  // The payload and signature lines of the pretty-printed envelope.
  const text = goodBytes.toString('latin1');
  const at = (needle: string) => [text.indexOf(needle), text.indexOf('\n', text.indexOf(needle))] as [number, number];
  regions = [at('"payloadType"'), at('"keyid"'), at('"sig"'), [text.indexOf('"payload"'), text.indexOf('"payload"') + 200]];
});

/** Verifies, asserting a clean refusal or returning the accepted file. */
function verify(bytes: Buffer, options: { expertKeys?: ReadonlyMap<string, string> } = {}): VerifiedScoreFile | undefined {
  const started = performance.now();
  try {
    return verifyScoreFile(bytes, LABEL, bundle, options);
  } catch (error) {
    expectCleanRefusal(error, LABEL);
    return undefined;
  } finally {
    const took = performance.now() - started;
    check(took < SLOW_MS, () => `one verification took ${Math.round(took)} ms`);
  }
}

/** What a verified file must satisfy whatever produced it. */
function expectConsistent(verified: VerifiedScoreFile): void {
  const { payload } = verified;
  expect(payload.roundId).toBe(bundle.payload.round.id);
  expect(payload.bundleId.toLowerCase()).toBe(bundle.payload.bundleId.toLowerCase());
  expect(payload.manifestSha256).toBe(bundle.manifestSha256);
  check(bundle.payload.experts.some((expert) => expert.id === payload.expertId), () => `accepted unknown expert ${payload.expertId}`);
  const applicants = new Set<string>();
  for (const sheet of payload.sheets) {
    check(!applicants.has(sheet.applicantId), () => `accepted two sheets for ${sheet.applicantId}`);
    applicants.add(sheet.applicantId);
    const rubric = applicantRubric(bundle.payload, sheet.applicantId);
    expect(rubric).toBeDefined();
    if (sheet.conflict) {
      expect(sheet.total).toBe(0);
      continue;
    }
    let sum = exactOf(0);
    for (const criterion of allCriteria(rubric!)) if (!isGroup(criterion)) sum = sum.add(exactOf(sheet.scores[criterion.id]!));
    check(sum.equals(exactOf(sheet.total)), () => `accepted total ${sheet.total} of ${sheet.applicantId} is not the sum of ${JSON.stringify(sheet.scores)}`);
  }
}

function withoutProtoKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutProtoKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== '__proto__').map(([key, item]) => [key, withoutProtoKeys(item)]));
}

function forged(payload: unknown, key: TestKey = zhang): Buffer {
  return Buffer.from(JSON.stringify(signEnvelope(SCORES_PAYLOAD_TYPE, payload, key.key.seed, key.key.publicKey)));
}

describe('score-file parser under fuzzing', { timeout: FUZZ_TEST_TIMEOUT_MS }, () => {
  it('the real file verifies (the oracle works)', () => {
    const verified = verify(goodBytes);
    expect(verified).toBeDefined();
    expectConsistent(verified!);
  });

  // Found by this fuzzer: a publicKey of 43 base64url characters whose last one carries bits
  // beyond the 32 bytes passed the schema, decoded to null, and verifyScoreFile threw a TypeError
  // (merge and verify crashed instead of listing the file as refused).
  it('a publicKey that matches the pattern but encodes no 32-byte key is refused cleanly', () => {
    const good = encodePublicKey(zhang.key.publicKey);
    for (const publicKey of [`${good.slice(0, 42)}B`, `${good.slice(0, 42)}_`]) {
      let refused: unknown;
      try {
        verifyScoreFile(forged({ ...goodPayload, publicKey }), LABEL, bundle);
      } catch (error) {
        refused = error;
      }
      expectCleanRefusal(refused, LABEL);
      expect(refused.code).toBe('invalid-score-file');
      expect(refused.message).toContain('publicKey');
    }
  });

  it('byte mutations of a signed file: refused cleanly, or accepted with the payload byte for byte', () => {
    let accepted = 0;
    fc.assert(
      fc.property(byteMutations(regions), (mutations) => {
        const verified = verify(mutateBytes(goodBytes, mutations));
        if (verified === undefined) return;
        accepted += 1;
        check(canonicalBytes(verified.payload).equals(goodPayloadBytes), 'accepted a changed payload');
        expectConsistent(verified);
      }),
      fuzzParameters(6_000),
    );
    unhandled.check();
    // Harmless mutants (a keyid's letter case, say) are rare here: none need be accepted.
    console.info(`score-file byte mutations: ${accepted} harmless mutants accepted`);
  });

  it('mutated envelopes (signatures, keyids, payload types, extra fields): refused cleanly or unchanged payload', () => {
    const envelope = () => JSON.parse(goodBytes.toString('utf8')) as unknown;
    const envelopeArb = fc.oneof(
      { weight: 6, arbitrary: fc.array(jsonMutation(), { minLength: 1, maxLength: 3 }).map((mutations) => mutateJson(envelope(), mutations)) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
      { weight: 1, arbitrary: fc.constantFrom('{"payloadType":"x","payload":"","signatures":[]}', '[]', 'null', '', '\uFEFF{}', '{"__proto__":{"payloadType":1}}') },
    );
    fc.assert(
      fc.property(envelopeArb, (value) => {
        const bytes = Buffer.from(typeof value === 'string' ? value : JSON.stringify(value) ?? '', 'utf8');
        const verified = verify(bytes);
        if (verified === undefined) return;
        check(canonicalBytes(verified.payload).equals(goodPayloadBytes), 'accepted a changed payload');
        expectConsistent(verified);
      }),
      fuzzParameters(3_000),
    );
    unhandled.check();
  });

  it('payloads signed with a key (random, structurally mutated, hostile keys): refused cleanly, or consistent and exactly as signed', () => {
    const publicKeys = fc.constantFrom(
      () => encodePublicKey(zhang.key.publicKey),
      () => encodePublicKey(li.key.publicKey),
      // 43 base64url characters that are not the canonical encoding of 32 bytes (low bits set).
      () => `${encodePublicKey(zhang.key.publicKey).slice(0, 42)}B`,
      () => `${encodePublicKey(zhang.key.publicKey).slice(0, 42)}_`,
      () => 'A'.repeat(43),
      () => encodePublicKey(Buffer.alloc(32)),
    );
    const sheetValue = fc.oneof(hostileJsonValue, fc.double({ min: -1, max: 60 }), fc.integer({ min: -5, max: 60 }), fc.constantFrom(22.5, 22.25, 0.1 + 0.2, 1e-300));
    const payloadArb = fc.oneof(
      { weight: 6, arbitrary: fc.array(jsonMutation(), { minLength: 1, maxLength: 4 }).map((mutations) => mutateJson(goodPayload, mutations)) },
      // Targeted: a score, a total, a check or the key changed, the rest intact.
      {
        weight: 3,
        arbitrary: fc
          .record({ field: fc.constantFrom('c1', 'c2a', 'c2b', 'total', 'k1', 'conflict'), value: sheetValue, sheet: fc.constantFrom(0, 1), key: fc.option(publicKeys, { nil: undefined }) })
          .map(({ field, value, sheet, key }) => {
            const copy = structuredClone(goodPayload) as { sheets: Record<string, Record<string, unknown>>[]; publicKey: string };
            const target = copy.sheets[sheet]!;
            if (field === 'total' || field === 'conflict') target[field] = value as never;
            else if (field === 'k1') (target.checks as Record<string, unknown>)[field] = value;
            else (target.scores as Record<string, unknown>)[field] = value;
            if (key !== undefined) copy.publicKey = key();
            return copy;
          }),
      },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    );
    const signer = fc.constantFrom('zhang', 'li');
    let accepted = 0;
    fc.assert(
      fc.property(payloadArb, signer, fc.boolean(), (payload, who, pin) => {
        let signed: Buffer;
        try {
          signed = canonicalBytes(payload);
        } catch {
          return;
        }
        const key = who === 'zhang' ? zhang : li;
        const options = pin ? { expertKeys: new Map([['E01', encodePublicKey(zhang.key.publicKey)], ['E02', encodePublicKey(zhang.key.publicKey)]]) } : {};
        const verified = verify(forged(payload, key), options);
        if (verified === undefined) return;
        accepted += 1;
        // What was signed, except own "__proto__" keys: zod drops them from its copy, the quick
        // path for well-formed sheets (shared/sheet/parse-payload.ts) keeps them as read. Either
        // is harmless (JSON.parse makes an own property; nothing inherits from it).
        const got = canonicalBytes(withoutProtoKeys(verified.payload)).toString('utf8');
        const want = canonicalBytes(withoutProtoKeys(JSON.parse(signed.toString('utf8')))).toString('utf8');
        check(got === want, () => `accepted payload differs from the signed one:\n got ${got}\nwant ${want}`);
        expect(verified.payload.publicKey).toBe(encodePublicKey(key.key.publicKey));
        if (pin) expect(verified.payload.publicKey).toBe(encodePublicKey(zhang.key.publicKey));
        expectConsistent(verified);
      }),
      fuzzParameters(8_000),
    );
    unhandled.check();
    expect(accepted).toBeGreaterThan(0);
  });
});
