// Pack → inspect on real PDFs, and every kind of bad bundle refused with a message naming the
// file, the entry and what is wrong.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { beforeAll, describe, expect, it } from 'vitest';
import { packBundle } from '../../electron/core/bundle/pack';
import { openBundle, verifyDocuments } from '../../electron/core/bundle/read-bundle';
import { Rejection } from '../../electron/core/rejection';
import { makeKey, makeRoundDir, sampleRound, tempDir, type TestKey } from '../helpers/fixtures';
import { putTogether, signedManifest, takeApart, type BundleParts } from '../helpers/bundle-surgery';

const work = tempDir();
let secretariat: TestKey;
let stranger: TestKey;
let good: string;
let parts: BundleParts;

async function refusal(file: string, options: { expectedIssuer?: string } = {}): Promise<Rejection> {
  try {
    const bundle = await openBundle(file, options);
    try {
      await verifyDocuments(bundle);
    } finally {
      bundle.close();
    }
  } catch (error) {
    if (error instanceof Rejection) return error;
    throw error;
  }
  throw new Error(`${file} was accepted`);
}

beforeAll(async () => {
  secretariat = makeKey(work, 'secretariat');
  stranger = makeKey(work, 'stranger');
  const dir = makeRoundDir(path.join(work, 'round'));
  good = path.join(work, 'good.rdbundle');
  await packBundle({ dir, key: secretariat.key, out: good });
  parts = await takeApart(good);
});

describe('pack', () => {
  it('writes every document stored (not recompressed) under files/ with UTF-8 names, and a signed manifest', async () => {
    const zip = await yauzl.openPromise(good, { lazyEntries: true });
    const seen: Record<string, { method: number; utf8: boolean }> = {};
    for await (const entry of zip.eachEntry()) seen[entry.fileName] = { method: entry.compressionMethod, utf8: (entry.generalPurposeBitFlag & 0x800) !== 0 };
    zip.close();
    expect(Object.keys(seen).sort()).toEqual(['files/A001/扫描件.pdf', 'files/A001/申报材料.pdf', 'files/A002/申报材料.pdf', 'files/B001/application.pdf', 'manifest.json']);
    expect(seen['files/A001/申报材料.pdf']).toEqual({ method: 0, utf8: true });
    const round = path.join(work, 'round');
    for (const file of parts.payload.files) {
      const bytes = readFileSync(path.join(round, file.path));
      expect(file.size).toBe(bytes.length);
      expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(parts.payload).toMatchObject({ format: 'reviewdesk.round/1', bundleVersion: 1, issuer: { name: 'secretariat' } });
    expect(parts.payload.issuedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(parts.envelope.signatures[0]!.keyid).toBe(secretariat.key.fingerprint);
  });

  it('verifies, and pins the issuer by fingerprint', async () => {
    const bundle = await openBundle(good, { expectedIssuer: secretariat.key.fingerprint.toLowerCase() });
    await verifyDocuments(bundle);
    bundle.close();
    expect(bundle.payload.round.id).toBe('nmgaf-2025-awards');
    const wrongIssuer = await refusal(good, { expectedIssuer: stranger.key.fingerprint });
    expect(wrongIssuer.code).toBe('wrong-issuer');
    expect(wrongIssuer.message).toContain(stranger.key.fingerprint);
  });

  it('refuses a round whose documents are missing, naming each', async () => {
    const round = sampleRound();
    const dir = makeRoundDir(path.join(work, 'missing'), round);
    round.applicants[1]!.documents.push({ path: 'A002/不存在.pdf' } as { path: string });
    (round.applicants[1]!.documents[1] as Record<string, unknown>).title = '附件';
    writeFileSync(path.join(dir, 'round.json'), JSON.stringify(round));
    const error = await packBundle({ dir, key: secretariat.key, out: path.join(work, 'missing.rdbundle') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Rejection);
    expect((error as Rejection).message).toContain('round.json');
    expect((error as Rejection).message).toMatch(/applicants\[1\]\.documents\[1\]\.path \(A002\): document "A002\/不存在\.pdf" not found/);
  });

  it('refuses rubric errors with every problem and its JSON path', async () => {
    const round = sampleRound() as Record<string, unknown> & ReturnType<typeof sampleRound>;
    const rubrics = round.rubrics as { criteria: Record<string, unknown>[] }[];
    rubrics[0]!.criteria[0]!.step = 0.7; // does not divide 25
    rubrics[1]!.criteria[1]!.id = 'i1'; // duplicate id
    (round.categories as Record<string, unknown>[])[1]!.rubric = 'nope';
    (round.applicants[2] as Record<string, unknown>).category = 'missing-category';
    (round.experts as Record<string, unknown>[])[0]!.assigned = [];
    const dir = makeRoundDir(path.join(work, 'bad-rubric'), round);
    const error = (await packBundle({ dir, key: secretariat.key, out: path.join(work, 'x.rdbundle') }).catch((e: unknown) => e)) as Rejection;
    expect(error).toBeInstanceOf(Rejection);
    const paths = error.problems.map((problem) => problem.path);
    expect(paths).toEqual(expect.arrayContaining(['rubrics[0].criteria[0].step', 'categories[1].rubric', 'applicants[2].category', 'experts[0].assigned']));
    expect(error.message).toMatch(/rubrics\[0\]\.criteria\[0\]\.step \(c1\): 0\.7 does not divide 25/);
    expect(error.problems.some((problem) => /i1/.test(problem.message) || problem.id === 'i1')).toBe(true);
  });
});

describe('refused bundles', () => {
  const file = (name: string) => path.join(work, name);

  it('not a ZIP', async () => {
    const error = await refusal(path.join(work, 'round/A001/申报材料.pdf'));
    expect(error.code).toBe('not-a-zip');
    expect(error.message).toMatch(/申报材料\.pdf: not a ZIP archive/);
  });

  it('a truncated ZIP', async () => {
    const bytes = readFileSync(good);
    writeFileSync(file('truncated.rdbundle'), bytes.subarray(0, bytes.length - 200));
    const error = await refusal(file('truncated.rdbundle'));
    expect(error.code).toBe('damaged-zip');
    expect(error.message).toMatch(/truncated\.rdbundle: truncated or damaged ZIP/);
  });

  it('a missing manifest', async () => {
    const entries = parts.entries.filter((entry) => entry.name !== 'manifest.json');
    const error = await refusal(putTogether(file('nomanifest.rdbundle'), parts, { entries }));
    expect(error.code).toBe('no-manifest');
    expect(error.message).toContain('manifest.json');
  });

  it('a manifest that is not JSON, or not an envelope', async () => {
    let error = await refusal(putTogether(file('garbage.rdbundle'), parts, { manifest: Buffer.from('{oops') }));
    expect(error.message).toMatch(/garbage\.rdbundle: manifest\.json: not valid JSON/);
    error = await refusal(putTogether(file('notdsse.rdbundle'), parts, { manifest: Buffer.from('{"round":{}}') }));
    expect(error.message).toMatch(/manifest\.json: not a DSSE envelope/);
  });

  it('an unknown format version, even when properly signed', async () => {
    const manifest = signedManifest({ ...parts.payload, format: 'reviewdesk.round/2' }, secretariat.key);
    const error = await refusal(putTogether(file('v2.rdbundle'), parts, { manifest }));
    expect(error.code).toBe('invalid-manifest');
    expect(error.problems[0]?.path).toBe('format');
    expect(error.message).toMatch(/reviewdesk\.round\/2/);
  });

  it('a manifest changed after signing', async () => {
    const changed = { ...parts.envelope, payload: Buffer.from(Buffer.from(parts.envelope.payload, 'base64').toString('utf8').replace('张三', '张四')).toString('base64') };
    const error = await refusal(putTogether(file('tampered.rdbundle'), parts, { manifest: Buffer.from(JSON.stringify(changed)) }));
    expect(error.code).toBe('bad-signature');
    expect(error.message).toMatch(/tampered\.rdbundle: manifest\.json: invalid signature/);
  });

  it('a manifest signed by another key than the issuer it names', async () => {
    const manifest = signedManifest(parts.payload, stranger.key);
    const error = await refusal(putTogether(file('forged.rdbundle'), parts, { manifest }));
    expect(error.code).toBe('bad-signature');
  });

  it('an unlisted entry', async () => {
    const error = await refusal(putTogether(file('unlisted.rdbundle'), parts, { extra: [{ name: 'files/A001/extra.pdf', data: Buffer.from('%PDF-1.4') }] }));
    expect(error.code).toBe('unlisted-entry');
    expect(error.message).toContain('files/A001/extra.pdf: entry is not listed in the manifest');
  });

  it.each([
    ['../evil.pdf', /parent-folder/],
    ['files/../../evil.pdf', /parent-folder/],
    ['/etc/evil.pdf', /absolute path/],
    ['files\\A001\\evil.pdf', /backslash/],
    ['C:/evil.pdf', /drive letter/],
  ])('a path-traversal entry %j', async (name, reason) => {
    const error = await refusal(putTogether(file('traversal.rdbundle'), parts, { extra: [{ name, data: Buffer.from('x') }] }));
    expect(error.code).toBe('bad-entry');
    expect(error.entry).toBe(name);
    expect(error.message).toMatch(reason);
  });

  it('a symlink entry', async () => {
    const error = await refusal(putTogether(file('symlink.rdbundle'), parts, { extra: [{ name: 'files/link.pdf', data: Buffer.from('/etc/passwd'), unixMode: 0o120777 }] }));
    expect(error.message).toMatch(/files\/link\.pdf: symbolic link/);
  });

  it('duplicate names, exact and case-folded', async () => {
    const pdf = parts.entries.find((entry) => entry.name === 'files/A002/申报材料.pdf')!;
    let error = await refusal(putTogether(file('dup.rdbundle'), parts, { extra: [{ name: pdf.name, data: pdf.data }] }));
    expect(error.code).toBe('duplicate-entry');
    error = await refusal(putTogether(file('dupcase.rdbundle'), parts, { extra: [{ name: 'FILES/b001/APPLICATION.pdf', data: pdf.data }] }));
    expect(error.message).toMatch(/FILES\/b001\/APPLICATION\.pdf: duplicate entry name \(same as "files\/B001\/application\.pdf"/);
  });

  it('encrypted entries and unknown compression methods', async () => {
    let error = await refusal(putTogether(file('enc.rdbundle'), parts, { extra: [{ name: 'files/x.pdf', data: Buffer.from('x'), method: 8, flags: 1 }] }));
    expect(error.message).toMatch(/files\/x\.pdf: encrypted entry/);
    error = await refusal(putTogether(file('bzip.rdbundle'), parts, { extra: [{ name: 'files/y.pdf', data: Buffer.from('x'), method: 12 }] }));
    expect(error.message).toMatch(/compression method 12/);
  });

  it('a size or hash mismatch', async () => {
    const changedSize = parts.entries.map((entry) => (entry.name === 'files/A002/申报材料.pdf' ? { ...entry, data: Buffer.concat([entry.data, Buffer.from('\n')]) } : entry));
    let error = await refusal(putTogether(file('size.rdbundle'), parts, { entries: changedSize }));
    expect(error.code).toBe('size-mismatch');
    expect(error.message).toContain('files/A002/申报材料.pdf: entry is larger than listed');
    const changedByte = parts.entries.map((entry) => {
      if (entry.name !== 'files/A002/申报材料.pdf') return entry;
      const data = Buffer.from(entry.data);
      data[data.length - 10] = data[data.length - 10]! ^ 0xff;
      return { ...entry, data };
    });
    error = await refusal(putTogether(file('hash.rdbundle'), parts, { entries: changedByte }));
    expect(error.code).toBe('hash-mismatch');
    expect(error.message).toMatch(/files\/A002\/申报材料\.pdf: SHA-256 mismatch/);
  });

  it('an entry that inflates past its listed size (zip bomb)', async () => {
    const target = parts.payload.files.find((listed) => listed.path === 'A002/申报材料.pdf')!;
    const bomb = Buffer.alloc(50 * 1024 * 1024, 0x20);
    const entries = parts.entries.map((entry) =>
      entry.name === 'files/A002/申报材料.pdf' ? { name: entry.name, data: bomb, method: 8 as const, declaredSize: target.size } : { name: entry.name, data: entry.data },
    );
    const error = await refusal(putTogether(file('bomb.rdbundle'), parts, { entries }));
    expect(error.code).toBe('size-mismatch');
    expect(error.message).toMatch(/files\/A002\/申报材料\.pdf: entry inflates past its listed size/);
  });

  it('a listed document missing from the ZIP', async () => {
    const entries = parts.entries.filter((entry) => entry.name !== 'files/B001/application.pdf');
    const error = await refusal(putTogether(file('gone.rdbundle'), parts, { entries }));
    expect(error.code).toBe('missing-entry');
    expect(error.message).toContain('files/B001/application.pdf: listed in the manifest but missing');
  });
});
