// The indexer host: a worker stuck on a document is terminated and replaced, a crashed one too,
// each time recording that document as failed and going on; cancel stops cleanly; a worker that
// cannot start is an error.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../../electron/core/store/database';
import { documentFile } from '../../../electron/core/store/document-store';
import { startTextIndexing, type IndexProgress } from '../../../electron/core/search/indexer';
import { documentTextStatus, pendingDocuments } from '../../../electron/core/search/text-index';
import { CORPUS, tempDir } from '../../helpers/fixtures';
import { bundleScript } from '../../helpers/run-ts';
import { addRound, sha } from './seed';

const work = tempDir();
let scriptedWorker: string;

/** A data directory with one round whose documents are the given files (a corpus name or literal content). */
function dataDirWith(name: string, documents: { label: string; corpus?: string; content?: string }[]): string {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  const db = openDatabase(path.join(dir, DATABASE_FILE));
  addRound(db, 'r', [{ id: 'A', name: 'applicant', documents: documents.map((d) => ({ title: d.label, sha256: sha(d.label) })) }]);
  db.close();
  for (const document of documents) {
    const file = documentFile(path.join(dir, 'documents'), sha(document.label));
    mkdirSync(path.dirname(file), { recursive: true });
    if (document.corpus !== undefined) copyFileSync(path.join(CORPUS, document.corpus), file);
    else writeFileSync(file, document.content ?? '');
  }
  return dir;
}

function statusOf(dir: string, label: string) {
  const db = openDatabase(path.join(dir, DATABASE_FILE));
  try {
    return documentTextStatus(db, sha(label));
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  scriptedWorker = await bundleScript(path.join(__dirname, 'fixtures/scripted-worker.ts'));
});

describe('startTextIndexing', () => {
  it('replaces a worker stuck in a document or crashed on one, records that document failed, and goes on', async () => {
    const dir = dataDirWith('hostile', [
      { label: 'ok-1', corpus: 'text_clip_cff_cid.pdf' },
      { label: 'hang', content: '%PDF-1.7 HANG' },
      { label: 'ok-2', corpus: 'cid_cff.pdf' },
      { label: 'crash', content: '%PDF-1.7 CRASH' },
      { label: 'ok-3', corpus: 'issue3521.pdf' },
    ]);
    const progress: IndexProgress[] = [];
    const started = Date.now();
    const summary = await startTextIndexing({ dataDir: dir, workerFile: scriptedWorker, onProgress: (p) => progress.push(p), limits: { timeoutMs: 400 }, graceMs: 400 }).done;
    expect(summary).toEqual({ total: 5, done: 5, failed: 2, cancelled: false });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(statusOf(dir, 'hang')).toMatchObject({ status: 'failed', error: 'text extraction did not finish within 1 s and was stopped' });
    expect(statusOf(dir, 'crash')).toMatchObject({ status: 'failed', error: 'the text extractor stopped on this document (simulated crash)' });
    for (const label of ['ok-1', 'ok-2', 'ok-3']) expect(statusOf(dir, label)).toMatchObject({ status: 'done', pages: 1 });
    expect(progress.map((p) => p.total).every((total) => total === 5)).toBe(true);
    expect(progress.at(-1)).toEqual({ done: 5, failed: 2, total: 5, current: null });
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
  });

  it('cancel stops the worker between documents; nothing is recorded for what was not finished', async () => {
    const dir = dataDirWith('cancel', [
      { label: 'slow', content: '%PDF-1.7 SLOW' },
      { label: 'ok', corpus: 'cid_cff.pdf' },
    ]);
    let firstStep: () => void = () => {};
    const stepped = new Promise<void>((resolve) => (firstStep = resolve));
    const indexing = startTextIndexing({ dataDir: dir, workerFile: scriptedWorker, onProgress: () => firstStep() });
    await stepped;
    const started = Date.now();
    await indexing.cancel();
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await indexing.done).toEqual({ total: 2, done: 0, failed: 0, cancelled: true });
    const db = openDatabase(path.join(dir, DATABASE_FILE));
    expect(pendingDocuments(db)).toHaveLength(2);
    db.close();
    await indexing.cancel();
  });

  it('stops with an error, marking no document failed, when the pdf.js data folders are missing', async () => {
    const dir = dataDirWith('no-assets', [{ label: 'ok', corpus: 'issue3521.pdf' }]);
    const nowhere = path.join(work, 'no-such-folder') + path.sep;
    const indexing = startTextIndexing({ dataDir: dir, workerFile: scriptedWorker, assets: { cMapDir: nowhere, standardFontDir: nowhere, wasmDir: nowhere } });
    await expect(indexing.done).rejects.toThrow(`text indexing failed: pdf.js data file missing: ${path.join(nowhere, 'Adobe-GB1-UCS2.bcmap')}`);
    expect(statusOf(dir, 'ok')).toBeUndefined();
  });

  it('rejects when the worker cannot open the database', async () => {
    const dir = path.join(work, 'nothing-here');
    await expect(startTextIndexing({ dataDir: dir, workerFile: scriptedWorker }).done).rejects.toThrow(/^text indexing failed: .*(unable to open|directory does not exist)/);
  });
});
