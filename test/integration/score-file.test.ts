// Signed score files: built from checked sheets, verified against bundle, roster and rubric; every
// refusal named, and a refused sheet writes no file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packBundle } from '../../electron/core/bundle/pack';
import { openBundle } from '../../electron/core/bundle/read-bundle';
import { encodePublicKey } from '../../electron/core/keys/fingerprint';
import { Rejection } from '../../electron/core/rejection';
import { createScoreFile, verifyScoreFile, type ScoredBundle } from '../../electron/core/scores/score-file';
import { canonicalJson } from '../../electron/core/signing/canonical-json';
import { signEnvelope } from '../../electron/core/signing/dsse';
import { makeKey, makeRoundDir, sampleRound, tempDir, type TestKey } from '../helpers/fixtures';
import { ROOT, runNode } from '../helpers/run-ts';

const work = tempDir();
const TYPE = 'application/vnd.reviewdesk.scores+json;v=1';
let secretariat: TestKey;
let zhang: TestKey;
let li: TestKey;
let bundle: ScoredBundle;
let bundleFile: string;

const goodSheets = () => ({
  sheets: [
    { applicantId: 'A001', checks: { k1: true }, scores: { c1: 22.5, c2a: 8, c2b: 14 }, comment: '材料齐全', total: 44.5 },
    { applicantId: 'A002', conflict: true, conflictReason: '本人曾在该单位任职' },
  ],
});

function refusedWith(run: () => unknown): Rejection {
  try {
    run();
  } catch (error) {
    if (error instanceof Rejection) return error;
    throw error;
  }
  throw new Error('accepted');
}

/** A score file whose payload is whatever the test says, signed by `key`. */
function forged(payload: unknown, key: TestKey = zhang): Buffer {
  return Buffer.from(JSON.stringify(signEnvelope(TYPE, payload, key.key.seed, key.key.publicKey)));
}

beforeAll(async () => {
  secretariat = makeKey(work, 'secretariat');
  zhang = makeKey(work, 'zhang');
  li = makeKey(work, 'li');
  const round = sampleRound();
  (round.experts as { publicKey?: string }[])[0]!.publicKey = encodePublicKey(zhang.key.publicKey);
  bundleFile = path.join(work, 'round.rdbundle');
  await packBundle({ dir: makeRoundDir(path.join(work, 'round'), round), key: secretariat.key, out: bundleFile });
  const opened = await openBundle(bundleFile);
  opened.close();
  bundle = opened;
});

function good(revision = 1) {
  return createScoreFile(bundle, { expertId: 'E01', key: zhang.key, sheetFile: goodSheets(), revision, final: true, appVersion: 'test' }, 'sheet.json');
}

describe('creating a score file', () => {
  it('carries every §3 field, canonical and signed, and verifies', () => {
    const file = good();
    const verified = verifyScoreFile(file.bytes, 'E01.rdscore', bundle);
    expect(verified.payload).toMatchObject({ roundId: 'nmgaf-2025-awards', expertId: 'E01', expertName: '张三', revision: 1, final: true, manifestSha256: bundle.manifestSha256 });
    expect(verified.payload.sheets[1]).toEqual({ applicantId: 'A002', conflict: true, conflictReason: '本人曾在该单位任职', checks: {}, scores: {}, total: 0, criterionComments: {}, comment: '' });
    expect(verified.payload.sheets[0]!.total).toBe(44.5);
    expect(verified.unregisteredKey).toBe(false);
    expect(verified.sha256).toBe(file.sha256);
  });

  it('refuses a final file missing an assigned applicant, and a key that is not the roster key', () => {
    const partial = refusedWith(() => createScoreFile(bundle, { expertId: 'E01', key: zhang.key, sheetFile: { sheets: [goodSheets().sheets[0]] }, revision: 1, final: true, appVersion: 't' }, 'sheet.json'));
    expect(partial.message).toMatch(/no sheet for assigned applicant "A002"/);
    expect(createScoreFile(bundle, { expertId: 'E01', key: zhang.key, sheetFile: { sheets: [goodSheets().sheets[0]] }, revision: 1, final: false, appVersion: 't' }, 's').payload.final).toBe(false);
    const impostor = refusedWith(() => createScoreFile(bundle, { expertId: 'E01', key: li.key, sheetFile: goodSheets(), revision: 1, final: true, appVersion: 't' }, 'sheet.json'));
    expect(impostor.code).toBe('wrong-key');
    expect(impostor.message).toContain("not the roster's key for expert \"E01\"");
    expect(refusedWith(() => createScoreFile(bundle, { expertId: 'E99', key: li.key, sheetFile: goodSheets(), revision: 1, final: true, appVersion: 't' }, 's')).code).toBe('unknown-expert');
  });

  it.each([
    ['an unknown applicant', { applicantId: 'A999', checks: { k1: true }, scores: { c1: 1, c2a: 1, c2b: 1 }, comment: 'x' }, /sheets\[2\]\.applicantId \(A999\): unknown applicant "A999"/],
    ['an unassigned applicant', { applicantId: 'B001', scores: { i1: 1, i2: 1, i3: 1 } }, /applicant "B001" is not assigned to expert "E01"/],
    ['an unknown criterion', { applicantId: 'A001', checks: { k1: true }, scores: { c1: 22.5, c2a: 8, c2b: 14, c9: 1 }, comment: 'x' }, /scores\.c9 \(A001\): unknown criterion "c9"/],
    ['a score out of range', { applicantId: 'A001', checks: { k1: true }, scores: { c1: 26, c2a: 8, c2b: 14 }, comment: 'x' }, /scores\.c1 \(A001\): 26 is above the maximum 25/],
    ['a score off the step', { applicantId: 'A001', checks: { k1: true }, scores: { c1: 22.3, c2a: 8, c2b: 14 }, comment: 'x' }, /22\.3 is off the step 0\.5/],
    ['a total that does not match', { applicantId: 'A001', checks: { k1: true }, scores: { c1: 22.5, c2a: 8, c2b: 14 }, comment: 'x', total: 45 }, /total 45 does not match the sum of the scores 44\.5/],
    ['a missing required comment', { applicantId: 'A001', checks: { k1: true }, scores: { c1: 22.5, c2a: 8, c2b: 14 } }, /comment \(A001\): a comment is required/],
    ['a conflict sheet carrying scores', { applicantId: 'A001', conflict: true, conflictReason: '亲属', scores: { c1: 20 } }, /a conflict sheet has no scores/],
    ['an unknown field (a typo)', { applicantId: 'A001', checks: { k1: true }, scores: { c1: 22.5, c2a: 8, c2b: 14 }, coment: 'x' }, /coment/],
  ])('refuses %s, naming the sheet and field, and writes no file', async (_name, sheet, message) => {
    const sheetFile = path.join(work, 'bad-sheet.json');
    const replaced = goodSheets().sheets.filter((existing) => existing.applicantId !== (sheet as { applicantId: string }).applicantId);
    writeFileSync(sheetFile, JSON.stringify({ sheets: [...replaced, sheet] }));
    const out = path.join(work, 'refused.rdscore');
    const result = await runNode(path.join(ROOT, 'bin/reviewdesk.mjs'), ['score', bundleFile, '--key', zhang.keyFile, '--expert', 'E01', '--sheet', sheetFile, '--out', out], { env: { REVIEWDESK_PASSPHRASE: '正确 horse battery staple' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bad-sheet.json');
    expect(result.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
});

describe('verifying a score file', () => {
  const payload = () => JSON.parse(Buffer.from(JSON.parse(good().bytes.toString()).payload, 'base64').toString()) as Record<string, unknown> & { sheets: Record<string, unknown>[] };

  it('refuses a file changed after signing', () => {
    const envelope = JSON.parse(good().bytes.toString());
    envelope.payload = Buffer.from(canonicalJson({ ...payload(), revision: 7 })).toString('base64');
    expect(refusedWith(() => verifyScoreFile(Buffer.from(JSON.stringify(envelope)), 'E01.rdscore', bundle)).message).toMatch(/^E01\.rdscore: invalid signature/);
  });

  it('refuses a payload that is not canonical and an unknown payload type', () => {
    const envelope = JSON.parse(good().bytes.toString());
    const text = JSON.stringify(payload(), null, 1);
    expect(refusedWith(() => verifyScoreFile(Buffer.from(JSON.stringify({ ...envelope, payload: Buffer.from(text).toString('base64') })), 'f', bundle)).code).toBe('payload-not-canonical');
    const other = Buffer.from(JSON.stringify(signEnvelope('application/vnd.reviewdesk.scores+json;v=2', payload(), zhang.key.seed, zhang.key.publicKey)));
    expect(refusedWith(() => verifyScoreFile(other, 'f', bundle)).message).toMatch(/unknown payload type/);
  });

  it.each([
    ['wrong-round', { roundId: 'another-round' }],
    ['wrong-bundle', { bundleVersion: 2 }],
    ['wrong-bundle', { bundleId: '00000000-0000-4000-8000-000000000000' }],
    ['wrong-manifest', { manifestSha256: 'f'.repeat(64) }],
    ['unknown-expert', { expertId: 'E77' }],
  ])('refuses %s', (code, change) => {
    expect(refusedWith(() => verifyScoreFile(forged({ ...payload(), ...change }), 'f', bundle)).code).toBe(code);
  });

  it("refuses a key that is not the roster's, and flags an unregistered key unless pinned", () => {
    const asLi = forged({ ...payload(), publicKey: encodePublicKey(li.key.publicKey) }, li);
    expect(refusedWith(() => verifyScoreFile(asLi, 'f', bundle)).code).toBe('wrong-key');
    const asE02 = forged({ ...payload(), expertId: 'E02', expertName: '李四', publicKey: encodePublicKey(li.key.publicKey), final: false, sheets: [] }, li);
    expect(verifyScoreFile(asE02, 'f', bundle).unregisteredKey).toBe(true);
    expect(verifyScoreFile(asE02, 'f', bundle, { expertKeys: new Map([['E02', encodePublicKey(li.key.publicKey)]]) }).unregisteredKey).toBe(false);
    expect(refusedWith(() => verifyScoreFile(asE02, 'f', bundle, { expertKeys: new Map([['E02', encodePublicKey(zhang.key.publicKey)]]) })).code).toBe('wrong-key');
  });

  it('recomputes every total', () => {
    const changed = payload();
    changed.sheets[0]!.total = 50;
    const error = refusedWith(() => verifyScoreFile(forged(changed), 'E01.rdscore', bundle));
    expect(error.code).toBe('invalid-sheets');
    expect(error.message).toMatch(/sheets\[0\]\.total \(A001\): total 50 does not match the sum of the scores 44\.5/);
  });
});

describe('reviewdesk score and verify', () => {
  it('scores with --revision and --draft, then verifies with --json', async () => {
    const sheetFile = path.join(work, 'sheets.json');
    writeFileSync(sheetFile, JSON.stringify(goodSheets()));
    const out = path.join(work, 'E01-r2.rdscore');
    const env = { REVIEWDESK_PASSPHRASE: '正确 horse battery staple' };
    const scored = await runNode(path.join(ROOT, 'bin/reviewdesk.mjs'), ['score', bundleFile, '--key', zhang.keyFile, '--expert', 'E01', '--sheet', sheetFile, '--out', out, '--revision', '2', '--json'], { env });
    expect(scored.stderr).toBe('');
    expect(JSON.parse(scored.stdout)).toMatchObject({ ok: true, revision: 2, final: true, sheets: 2 });
    const verified = await runNode(path.join(ROOT, 'bin/reviewdesk.mjs'), ['verify', out, '--bundle', bundleFile, '--json'], { env });
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, expertId: 'E01', revision: 2, final: true, conflicts: 1, flags: [] });
    const tampered = path.join(work, 'tampered.rdscore');
    writeFileSync(tampered, readFileSync(out, 'utf8').replace(/"sig": "./, '"sig": "A'));
    const refused = await runNode(path.join(ROOT, 'bin/reviewdesk.mjs'), ['verify', tampered, '--bundle', bundleFile, '--json'], { env });
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, error: { code: 'bad-signature', file: tampered } });
    const draft = await runNode(path.join(ROOT, 'bin/reviewdesk.mjs'), ['score', bundleFile, '--key', zhang.keyFile, '--expert', 'E01', '--sheet', sheetFile, '--out', path.join(work, 'd.rdscore'), '--draft', '--json'], { env });
    expect(JSON.parse(draft.stdout)).toMatchObject({ final: false, revision: 1 });
  });
});
