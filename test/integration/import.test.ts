// Import into SQLite + the document store: first import, trust on first use and pinning,
// re-issues that keep or reopen sheets, refusals that change nothing, and crashes mid-import.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { packBundle } from '../../electron/core/bundle/pack';
import { importBundle } from '../../electron/core/store/import-bundle';
import { openWorkstation } from '../../electron/core/store/workstation';
import { Rejection } from '../../electron/core/rejection';
import { CORPUS, makeKey, makeRoundDir, sampleRound, tempDir, type RoundJson, type TestKey } from '../helpers/fixtures';
import { snapshot } from '../helpers/data-snapshot';
import { bundleScript, runNode } from '../helpers/run-ts';
import { takeApart } from '../helpers/bundle-surgery';

const work = tempDir();
let secretariat: TestKey;
let stranger: TestKey;
let v1: string;
let bundleId: string;

async function pack(name: string, round: RoundJson, options: { key?: TestKey; version?: number; id?: string; sources?: Record<string, string> } = {}): Promise<string> {
  const dir = makeRoundDir(path.join(work, `src-${name}`), round, options.sources);
  const out = path.join(work, `${name}.rdbundle`);
  await packBundle({ dir, key: (options.key ?? secretariat).key, out, bundleVersion: options.version ?? 1, ...(options.id ? { bundleId: options.id } : {}) });
  return out;
}

async function refused(promise: Promise<unknown>): Promise<Rejection> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(Rejection);
  return error as Rejection;
}

function addSheet(dataDir: string, applicantId: string): void {
  const db = new Database(path.join(dataDir, 'reviewdesk.sqlite'));
  db.prepare("INSERT INTO sheets (round_id, applicant_id, status, data, updated_at) VALUES ('nmgaf-2025-awards', ?, 'complete', '{}', '2026-11-21T00:00:00Z')").run(applicantId);
  db.close();
}

beforeAll(async () => {
  secretariat = makeKey(work, 'secretariat');
  stranger = makeKey(work, 'stranger');
  v1 = await pack('v1', sampleRound());
  bundleId = String((await takeApart(v1)).payload.bundleId);
});

describe('first import', () => {
  it('loads the round into SQLite and the documents into the content-addressed store', async () => {
    const dataDir = path.join(work, 'data-first');
    const result = await importBundle(v1, { dataDir });
    expect(result.bundleId).toBe(bundleId);
    expect(result).toMatchObject({ outcome: 'imported', roundId: 'nmgaf-2025-awards', bundleVersion: 1, documents: 4, issuer: { trust: 'first-use', fingerprint: secretariat.key.fingerprint } });
    const db = new Database(path.join(dataDir, 'reviewdesk.sqlite'), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT id FROM applicants ORDER BY position').pluck().all()).toEqual(['A001', 'A002', 'B001']);
    expect(db.prepare('SELECT trusted_how FROM trusted_issuers').pluck().all()).toEqual(['first-use']);
    const stored = db.prepare('SELECT path, sha256 FROM applicant_documents').all() as { path: string; sha256: string }[];
    db.close();
    expect(stored).toHaveLength(4);
    for (const { path: documentPath, sha256 } of stored) {
      const file = path.join(dataDir, 'documents', sha256.slice(0, 2), sha256);
      const bytes = readFileSync(file);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);
      expect(bytes.equals(readFileSync(path.join(work, 'src-v1', documentPath)))).toBe(true);
      if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);
    }
    expect(readdirSync(path.join(dataDir, 'documents')).filter((name) => !/^[0-9a-f]{2}$/.test(name))).toEqual([]);
    expect(existsSync(path.join(dataDir, 'lock'))).toBe(false);
  });

  it('a refused first import leaves no data directory behind', async () => {
    const dataDir = path.join(work, 'never-created');
    const bytes = readFileSync(v1);
    const broken = path.join(work, 'broken.rdbundle');
    writeFileSync(broken, bytes.subarray(0, bytes.length - 50));
    await refused(importBundle(broken, { dataDir }));
    expect(existsSync(dataDir)).toBe(false);
  });

  it('a hash mismatch found while storing leaves no orphan file and no database', async () => {
    const dataDir = path.join(work, 'data-hash');
    mkdirSync(dataDir);
    const bytes = Buffer.from(readFileSync(v1));
    // Flip a byte inside the last stored PDF's data (well before the central directory).
    const at = bytes.indexOf(Buffer.from('%%EOF', 'latin1'), bytes.length - 300_000);
    bytes[at] = 0x25 ^ 1;
    const tampered = path.join(work, 'tampered.rdbundle');
    writeFileSync(tampered, bytes);
    const error = await refused(importBundle(tampered, { dataDir }));
    expect(error.code).toBe('hash-mismatch');
    expect(snapshot(dataDir)).toEqual({ exists: true, tables: {}, files: {} });
  });
});

describe('issuer trust', () => {
  it('pins with --issuer and refuses another issuer', async () => {
    const dataDir = path.join(work, 'data-pinned');
    const wrong = await refused(importBundle(v1, { dataDir, expectedIssuer: stranger.key.fingerprint }));
    expect(wrong.code).toBe('wrong-issuer');
    expect(existsSync(dataDir)).toBe(false);
    const result = await importBundle(v1, { dataDir, expectedIssuer: secretariat.key.fingerprint });
    expect(result.issuer.trust).toBe('pinned');
  });

  it('refuses a known round from a different issuer, even when --issuer names that issuer', async () => {
    const dataDir = path.join(work, 'data-hijack');
    await importBundle(v1, { dataDir });
    const before = snapshot(dataDir);
    const hijack = await pack('hijack', sampleRound(), { key: stranger, version: 2 });
    for (const options of [{}, { expectedIssuer: stranger.key.fingerprint }]) {
      const error = await refused(importBundle(hijack, { dataDir, ...options }));
      expect(error.code).toBe('wrong-issuer');
      expect(error.message).toContain('nmgaf-2025-awards');
    }
    expect(snapshot(dataDir)).toEqual(before);
  });
});

describe('re-issued rounds', () => {
  it('an identical bundle is a no-op', async () => {
    const dataDir = path.join(work, 'data-same');
    await importBundle(v1, { dataDir });
    const before = snapshot(dataDir);
    const result = await importBundle(v1, { dataDir });
    expect(result.outcome).toBe('unchanged');
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('a higher version keeps unchanged sheets and reopens the rest, saying which', async () => {
    const dataDir = path.join(work, 'data-v2');
    await importBundle(v1, { dataDir });
    for (const applicant of ['A001', 'A002', 'B001']) addSheet(dataDir, applicant);
    const round = sampleRound();
    const rubrics = round.rubrics as { id: string; criteria: { id: string; max?: number }[] }[];
    rubrics[1]!.criteria[0]!.max = 30; // the innovation rubric changes: B001 reopens
    const v2 = await pack('v2', round, {
      version: 2,
      id: bundleId,
      sources: { 'A001/申报材料.pdf': 'XiaoBiaoSong.pdf', 'A001/扫描件.pdf': 'scan-bad.pdf', 'A002/申报材料.pdf': 'noembed-jis7.pdf', 'B001/application.pdf': 'pdfjs_wikipedia.pdf' },
    });
    const result = await importBundle(v2, { dataDir });
    expect(result).toMatchObject({ outcome: 'replaced', previousVersion: 1, bundleVersion: 2, keptSheets: 1 });
    expect(result.reopened).toEqual([
      { applicantId: 'A002', reason: 'documents changed' },
      { applicantId: 'B001', reason: 'rubric changed' },
    ]);
    const db = new Database(path.join(dataDir, 'reviewdesk.sqlite'), { readonly: true });
    expect(db.prepare('SELECT applicant_id, status, reopened_reason FROM sheets ORDER BY applicant_id').all()).toEqual([
      { applicant_id: 'A001', status: 'complete', reopened_reason: null },
      { applicant_id: 'A002', status: 'draft', reopened_reason: 'documents changed' },
      { applicant_id: 'B001', status: 'draft', reopened_reason: 'rubric changed' },
    ]);
    db.close();
    // The replaced A002 document is gone from the store; nothing unreferenced remains.
    const snap = snapshot(dataDir);
    const oldSha = createHash('sha256').update(readFileSync(path.join(CORPUS, 'noembed-sjis.pdf'))).digest('hex');
    expect(Object.keys(snap.files).some((file) => file.endsWith(oldSha))).toBe(false);
    expect(Object.keys(snap.files).filter((file) => file.startsWith('documents'))).toHaveLength(4);

    // Equal version with other content, and a lower version, are refused and change nothing.
    const before = snapshot(dataDir);
    const other = await pack('v2-other', { ...sampleRound(), round: { ...(sampleRound().round as object), title: '改过的标题' } }, { version: 2, id: bundleId });
    expect((await refused(importBundle(other, { dataDir }))).code).toBe('version-conflict');
    expect((await refused(importBundle(v1, { dataDir }))).code).toBe('older-version');
    expect(snapshot(dataDir)).toEqual(before);
  });
});

describe('crashes', () => {
  it('a failure after the documents were renamed into the store rolls everything back', async () => {
    const dataDir = path.join(work, 'data-fault');
    await importBundle(v1, { dataDir });
    const before = snapshot(dataDir);
    const round = sampleRound();
    const v2 = await pack('v2-fault', round, { version: 2, sources: { 'A001/申报材料.pdf': 'cid_cff.pdf', 'A001/扫描件.pdf': 'scan-bad.pdf', 'A002/申报材料.pdf': 'noembed-jis7.pdf', 'B001/application.pdf': 'pdfjs_wikipedia.pdf' } });
    await expect(importBundle(v2, { dataDir, faultPoint: (step) => { if (step === 'documents-renamed') throw new Error('disk on fire'); } })).rejects.toThrow('disk on fire');
    expect(snapshot(dataDir)).toEqual(before);
  });

  it.each(['documents-verified', 'documents-renamed'])('a process killed at %s leaves the previous state once the workstation opens', async (step) => {
    const dataDir = path.join(work, `data-kill-${step}`);
    await importBundle(v1, { dataDir });
    const before = snapshot(dataDir);
    const v2 = await pack(`v2-kill-${step}`, sampleRound(), { version: 2, sources: { 'A001/申报材料.pdf': 'cid_cff.pdf', 'A001/扫描件.pdf': 'scan-bad.pdf', 'A002/申报材料.pdf': 'noembed-jis7.pdf', 'B001/application.pdf': 'pdfjs_wikipedia.pdf' } });
    const child = await runNode(await bundleScript(path.resolve(__dirname, '../helpers/import-child.ts')), [v2, dataDir, step]);
    expect(child.signal).toBe('SIGKILL');
    const workstation = await openWorkstation(dataDir);
    expect(workstation.db.pragma('integrity_check', { simple: true })).toBe('ok');
    workstation.close();
    expect(snapshot(dataDir)).toEqual(before);
    // And the same import then succeeds.
    expect((await importBundle(v2, { dataDir })).outcome).toBe('replaced');
  });
});

