// A full disk or a failed write, injected where the workstation writes: document files during an
// import (ENOSPC from the file stream), the database during an import's commit, a sheet save and
// the record of a score export (SQLITE_FULL, by capping the database's page count), and the score
// file itself (ENOSPC from its file handle). Each gives a message that names what failed, leaves
// every table row and every file as it was, and the same action succeeds once space is back.
//
// The file-level failures are injected by wrapping node:fs and node:fs/promises for the modules
// under test (vi.mock); the database ones are real SQLite "database or disk is full" errors.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openBundle } from '../../electron/core/bundle/read-bundle';
import { packBundle } from '../../electron/core/bundle/pack';
import { IdentityStore } from '../../electron/core/identity/identity';
import { importBundle, importOpenedBundle } from '../../electron/core/store/import-bundle';
import { storedPayload } from '../../electron/core/store/round-repository';
import { openWorkstation, type Workstation } from '../../electron/core/store/workstation';
import { exportScores } from '../../electron/core/workspace/score-export';
import { loadSheet, saveSheet } from '../../electron/core/workspace/sheets';
import { newRoundFromTemplate, writeRoundFolder } from '../../electron/core/round-builder';
import { Rejection } from '../../electron/core/rejection';
import { applicantRubric } from '../../shared/round/lookup';
import { emptyDraft } from '../../shared/sheet/draft';
import { documentPaths, syntheticPdf, writeRoundDir } from '../helpers/big-round';
import { snapshot } from '../helpers/data-snapshot';
import { makeKey, sampleRound, tempDir } from '../helpers/fixtures';

// ---- injection ----

const faults = vi.hoisted(() => ({
  /** Document streams whose path starts with this fail with ENOSPC after `afterBytes` bytes. */
  streamsUnder: undefined as string | undefined,
  afterBytes: 0,
  /** File handles opened for writing under this path fail with ENOSPC on write. */
  handlesUnder: undefined as string | undefined,
  /** Copies to a path under this fail with ENOSPC (half the file written) once `copiesLeft` have succeeded. */
  copiesUnder: undefined as string | undefined,
  copiesLeft: 0,
}));

function enospc(syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOSPC: no space left on device, ${syscall}`), { code: 'ENOSPC', errno: -28, syscall });
}

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const createWriteStream = ((file: string, options?: Parameters<typeof actual.createWriteStream>[1]) => {
    const real = actual.createWriteStream(file, options);
    if (faults.streamsUnder === undefined || !String(file).startsWith(faults.streamsUnder)) return real;
    let written = 0;
    // The file is created and takes bytes until the disk "fills".
    return new Writable({
      write(chunk: Buffer, _encoding, callback) {
        if (written + chunk.length > faults.afterBytes) return callback(enospc('write'));
        written += chunk.length;
        real.write(chunk, callback);
      },
      final(callback) {
        real.end(callback);
      },
      destroy(error, callback) {
        real.destroy();
        callback(error);
      },
    });
  }) as typeof actual.createWriteStream;
  return { ...actual, default: { ...actual, createWriteStream }, createWriteStream };
});

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const open = (async (file: string, flags?: string, mode?: number) => {
    const handle = await actual.open(file, flags, mode);
    if (faults.handlesUnder === undefined || !String(file).startsWith(faults.handlesUnder) || flags === undefined || flags === 'r') return handle;
    // Half the bytes reach the disk, then it is full.
    return new Proxy(handle, {
      get(target, property, receiver) {
        if (property === 'writeFile') {
          return async (data: Buffer | string) => {
            const bytes = Buffer.from(data);
            await target.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
            throw enospc('write');
          };
        }
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }) as typeof actual.open;
  const copyFile = (async (source: string, target: string, mode?: number) => {
    if (faults.copiesUnder === undefined || !String(target).startsWith(faults.copiesUnder) || faults.copiesLeft-- > 0) return actual.copyFile(source, target, mode);
    const bytes = await actual.readFile(source);
    await actual.writeFile(target, bytes.subarray(0, Math.floor(bytes.length / 2)));
    throw enospc('copyfile');
  }) as typeof actual.copyFile;
  return { ...actual, default: { ...actual, open, copyFile }, open, copyFile };
});

afterEach(() => {
  faults.streamsUnder = undefined;
  faults.handlesUnder = undefined;
  faults.copiesUnder = undefined;
});

/**
 * Caps the database at its current size, so the next statement that needs a new page fails with
 * SQLITE_FULL; `filler`, when given, then inserts rows until the last pages are full too (a small
 * row would otherwise still fit). Returns the function that lifts the cap.
 */
function fillDatabase(workstation: Workstation, filler?: (i: number) => void): () => void {
  const { db } = workstation;
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pages = db.pragma('page_count', { simple: true }) as number;
  db.pragma(`max_page_count = ${pages}`);
  if (filler !== undefined) {
    for (let i = 0; ; i += 1) {
      if (i > 100_000) throw new Error('the database never filled');
      try {
        filler(i);
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_FULL') break;
        throw error;
      }
    }
  }
  return () => void db.pragma('max_page_count = 1073741823');
}

async function failure(promise: Promise<unknown> | (() => unknown)): Promise<Error> {
  const outcome = await (typeof promise === 'function' ? Promise.resolve().then(promise) : promise).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome, 'the action should have failed').toBeInstanceOf(Error);
  if (process.env.SHOW_MESSAGES) console.info((outcome as Error).message);
  return outcome as Error;
}

// ---- fixtures ----

const work = tempDir('reviewdesk-faults-writes-');
const PASS = '专家口令 2025 secure';
const ROUND = 'nmgaf-2025-awards';
let v1: string;
let v2: string;
let v2Large: string;
let dirCount = 0;

async function dataDirWithV1(): Promise<string> {
  const dataDir = path.join(work, `data-${dirCount++}`);
  await importBundle(v1, { dataDir });
  return dataDir;
}

beforeAll(async () => {
  const secretariat = makeKey(work, 'secretariat');
  const paths = documentPaths();
  const documents = Object.fromEntries(paths.map((documentPath) => [documentPath, syntheticPdf(300_000, `v1 ${documentPath}`)]));
  v1 = path.join(work, 'v1.rdbundle');
  const packed = await packBundle({ dir: writeRoundDir(path.join(work, 'src-v1'), sampleRound(), documents), key: secretariat.key, out: v1 });
  v2 = path.join(work, 'v2.rdbundle');
  const changed = { ...documents, [paths[0]!]: syntheticPdf(300_000, 'v2 A001'), [paths[3]!]: syntheticPdf(300_000, 'v2 B001') };
  await packBundle({ dir: writeRoundDir(path.join(work, 'src-v2'), sampleRound(), changed), key: secretariat.key, out: v2, bundleVersion: 2, bundleId: packed.bundleId });
  // v2 with 200 KB of notes: its round row needs more pages than v1's frees.
  const noted = sampleRound();
  noted.round = { ...(noted.round as object), notes: '评审须知。'.repeat(40_000) };
  v2Large = path.join(work, 'v2-large.rdbundle');
  await packBundle({ dir: writeRoundDir(path.join(work, 'src-v2-large'), noted, changed), key: secretariat.key, out: v2Large, bundleVersion: 2, bundleId: packed.bundleId });
});

describe('import', () => {
  it('a disk that fills while documents are stored: the message names the document and the full disk; nothing changes; the import then succeeds', async () => {
    const dataDir = await dataDirWithV1();
    const before = snapshot(dataDir);
    faults.streamsUnder = path.join(dataDir, 'documents');
    faults.afterBytes = 100_000;
    const error = await failure(importBundle(v2, { dataDir }, 'v2.rdbundle'));
    expect(error.message).toMatch(/files\/A001\/申报材料\.pdf/);
    expect(error.message).toMatch(/no space left|disk is full/i);
    expect(error.message).not.toMatch(/damaged|cannot read/i);
    expect(snapshot(dataDir)).toEqual(before);
    faults.streamsUnder = undefined;
    expect((await importBundle(v2, { dataDir })).outcome).toBe('replaced');
  });

  it('a disk that fills during a first import leaves no data directory behind', async () => {
    const dataDir = path.join(work, `data-${dirCount++}`);
    faults.streamsUnder = path.join(dataDir, 'documents');
    faults.afterBytes = 100_000;
    const error = await failure(importBundle(v1, { dataDir }, 'v1.rdbundle'));
    expect(error.message).toMatch(/no space left|disk is full/i);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('a database that is full at the commit: the message says so; the renamed documents are removed; nothing changes', async () => {
    const dataDir = await dataDirWithV1();
    const before = snapshot(dataDir);
    const workstation = await openWorkstation(dataDir);
    const bundle = await openBundle(v2Large, {}, 'v2-large.rdbundle');
    try {
      fillDatabase(workstation);
      const error = await failure(importOpenedBundle(workstation, bundle, {}, 'v2-large.rdbundle'));
      expect(error.message).toMatch(/database or disk is full/);
    } finally {
      bundle.close();
      workstation.close();
    }
    expect(snapshot(dataDir)).toEqual(before);
    expect((await importBundle(v2Large, { dataDir })).outcome).toBe('replaced');
  });
});

describe('round builder', () => {
  it('a disk that fills while applicants\' PDFs are copied in: the message names the file; no partial file and no round.json; the same step then succeeds', async () => {
    const source = path.join(work, 'builder-source');
    const documents = Array.from({ length: 8 }, (_, i) => {
      const file = path.join(source, `A00${i + 1}.pdf`);
      mkdirSync(source, { recursive: true });
      writeFileSync(file, syntheticPdf(200_000, `doc-${i}`));
      return { path: `A00${i + 1}/申报书.pdf`, source: file };
    });
    const template = await newRoundFromTemplate('smart-city-innovation', { id: 'full-disk', title: '磁盘已满' });
    const round = { ...template, applicants: documents.map((document, i) => ({ id: `A00${i + 1}`, name: `单位${i + 1}`, category: 'innovation', documents: [{ path: document.path, title: '申报书' }] })) };
    const dir = path.join(work, 'builder-round');
    faults.copiesUnder = dir;
    faults.copiesLeft = 3;
    const error = await writeRoundFolder(round, dir, { documents }).then(() => null, (failure: unknown) => failure);
    expect(error).toBeInstanceOf(Rejection);
    expect((error as Rejection).code).toBe('copy-failed');
    expect((error as Rejection).message).toMatch(/A00\d\.pdf: 复制失败（ENOSPC: no space left on device/);
    const left = readdirSync(dir, { recursive: true }).map(String);
    expect(left.filter((name) => name.includes('.partial-'))).toEqual([]);
    expect(left).not.toContain('round.json');
    faults.copiesUnder = undefined;
    expect((await writeRoundFolder(round, dir, { documents })).copied).toHaveLength(8 - 3);
    expect(readFileSync(path.join(dir, 'A008/申报书.pdf')).equals(readFileSync(documents[7]!.source))).toBe(true);
  });
});

describe('sheet saves', () => {
  it('a full database: the message names the sheet; the previous draft stays; saving works again once there is room', async () => {
    const workstation = await openWorkstation(await dataDirWithV1());
    try {
      const { db } = workstation;
      const rubric = applicantRubric(storedPayload(db, ROUND)!, 'A001')!;
      saveSheet(db, ROUND, 'A001', rubric, { ...emptyDraft(), comment: '第一稿' });
      const before = snapshot(workstation.dir);
      const release = fillDatabase(workstation);
      const error = await failure(() => saveSheet(db, ROUND, 'A001', rubric, { ...emptyDraft(), comment: '第二稿'.repeat(10_000) }));
      expect(error.message).toMatch(/A001/);
      expect(error.message).toMatch(/database or disk is full/);
      expect(loadSheet(db, ROUND, 'A001', rubric)!.draft.comment).toBe('第一稿');
      expect(snapshot(workstation.dir)).toEqual(before);
      release();
      saveSheet(db, ROUND, 'A001', rubric, { ...emptyDraft(), comment: '第二稿' });
      expect(loadSheet(db, ROUND, 'A001', rubric)!.draft.comment).toBe('第二稿');
    } finally {
      workstation.close();
    }
  });
});

describe('score export', () => {
  async function readyToExport(): Promise<{ workstation: Workstation; run: () => ReturnType<typeof exportScores>; exportsDir: string }> {
    const workstation = await openWorkstation(await dataDirWithV1());
    const { db } = workstation;
    const payload = storedPayload(db, ROUND)!;
    const identity = new IdentityStore(workstation.dir);
    await identity.create('张三', PASS);
    saveSheet(db, ROUND, 'A001', applicantRubric(payload, 'A001')!, { ...emptyDraft(), checks: { k1: true }, scores: { c1: '22.5', c2a: '8', c2b: '14' }, comment: '材料齐全' });
    saveSheet(db, ROUND, 'A002', applicantRubric(payload, 'A002')!, { ...emptyDraft(), conflict: true, conflictReason: '本人曾在该单位任职' });
    const exportsDir = path.join(workstation.dir, 'exports');
    const manifestSha256 = (db.prepare('SELECT manifest_sha256 FROM rounds WHERE id = ?').pluck().get(ROUND) as string);
    const run = () => exportScores({ db, exportsDir, payload, manifestSha256, identity, passphrase: PASS, expertId: 'E01', final: true, appVersion: 'test' });
    return { workstation, run, exportsDir };
  }

  const exported = (exportsDir: string) => (existsSync(exportsDir) ? readdirSync(exportsDir) : []);

  it('a disk that fills while the score file is written: the message names the file; no file and no record remain; the export then succeeds as revision 1', async () => {
    const { workstation, run, exportsDir } = await readyToExport();
    try {
      const before = snapshot(workstation.dir);
      faults.handlesUnder = exportsDir;
      const error = await failure(run());
      expect(error.message).toMatch(/nmgaf-2025-awards-E01-r1\.rdscore/);
      expect(error.message).toMatch(/no space left|disk is full/i);
      expect(exported(exportsDir)).toEqual([]);
      expect(snapshot(workstation.dir)).toEqual(before);
      faults.handlesUnder = undefined;
      expect((await run()).revision).toBe(1);
      expect(exported(exportsDir)).toEqual(['nmgaf-2025-awards-E01-r1.rdscore']);
    } finally {
      workstation.close();
    }
  });

  it('a score file left by an export that died before it was recorded does not block the next export', async () => {
    const { workstation, run, exportsDir } = await readyToExport();
    try {
      mkdirSync(exportsDir, { recursive: true });
      writeFileSync(path.join(exportsDir, 'nmgaf-2025-awards-E01-r1.rdscore'), '{"half a file');
      const result = await run();
      expect(result.revision).toBe(1);
      expect(readFileSync(path.join(exportsDir, result.fileName)).toString('base64')).toBe(result.file.base64);
      expect(exported(exportsDir)).toEqual(['nmgaf-2025-awards-E01-r1.rdscore']);
    } finally {
      workstation.close();
    }
  });

  it('a full database when the export is recorded: the message says so; the file written is removed; the export then succeeds as revision 1', async () => {
    const { workstation, run, exportsDir } = await readyToExport();
    try {
      // Other experts' export records fill the table's last page.
      const filler = workstation.db.prepare(
        "INSERT INTO score_exports (round_id, expert_id, revision, final, bundle_version, created_at, file_name, file_sha256, sheets) VALUES (?, 'E02', ?, 1, 1, '2025-11-20T09:00:00.000Z', ?, ?, 2)",
      );
      const release = fillDatabase(workstation, (i) => filler.run(ROUND, i + 1, `${ROUND}-E02-r${i + 1}.rdscore`, 'f'.repeat(64)));
      const before = snapshot(workstation.dir);
      const error = await failure(run());
      expect(error.message).toMatch(/database or disk is full/);
      expect(error.message).toMatch(/nmgaf-2025-awards-E01-r1\.rdscore/);
      expect(exported(exportsDir)).toEqual([]);
      expect(snapshot(workstation.dir)).toEqual(before);
      release();
      expect((await run()).revision).toBe(1);
      expect(exported(exportsDir)).toEqual(['nmgaf-2025-awards-E01-r1.rdscore']);
    } finally {
      workstation.close();
    }
  });
});
