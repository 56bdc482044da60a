// Search across a real imported round: the worker extracts every document of the round in the
// background with progress, broken documents fail without stopping the others, and search
// returns the applicant, document and page of each hit.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packBundle } from '../../electron/core/bundle/pack';
import { importBundle } from '../../electron/core/store/import-bundle';
import { openWorkstation, type Workstation } from '../../electron/core/store/workstation';
import type { Db } from '../../electron/core/store/database';
import {
  documentTextStatus,
  indexPendingInline,
  indexStatus,
  pendingDocuments,
  searchRound,
  startTextIndexing,
  type IndexProgress,
  type SearchHit,
} from '../../electron/core/search';
import { makeKey, makeRoundDir, sampleRound, tempDir, type RoundJson, type TestKey } from '../helpers/fixtures';
import { bundleScript, ROOT } from '../helpers/run-ts';

const ROUND = 'nmgaf-2025-awards';
const work = tempDir();
let secretariat: TestKey;
let workerFile: string;

const SOURCES: Record<string, string> = {
  'A001/申报材料.pdf': 'XiaoBiaoSong.pdf',
  'A001/扫描件.pdf': 'scan-bad.pdf',
  'A002/申报材料.pdf': 'issue3521.pdf',
  'A002/附件.pdf': 'noembed-sjis.pdf',
  'A002/损坏.pdf': 'helloworld-bad.pdf', // overwritten with bytes that are no PDF
  'B001/application.pdf': 'pdfjs_wikipedia.pdf',
  'B001/表单.pdf': 'evaljs.pdf',
  'B001/加密.pdf': 'encrypted-attachment.pdf',
  'B001/多页.pdf': 'boundingBox_invalid.pdf',
  'B001/营业执照.pdf': 'XiaoBiaoSong.pdf', // the same file as A001's: stored and extracted once
};

function round(drop: string[] = []): RoundJson {
  const definition = sampleRound();
  const byApplicant = new Map<string, { path: string; title: string }[]>();
  for (const documentPath of Object.keys(SOURCES).filter((p) => !drop.includes(p))) {
    const applicant = documentPath.split('/')[0] ?? '';
    byApplicant.set(applicant, [...(byApplicant.get(applicant) ?? []), { path: documentPath, title: path.basename(documentPath, '.pdf') }]);
  }
  for (const applicant of definition.applicants) applicant.documents = byApplicant.get(applicant.id) ?? [];
  return definition;
}

async function importRound(dataDir: string, version: number, drop: string[] = []): Promise<void> {
  const dir = makeRoundDir(path.join(work, `src-${path.basename(dataDir)}-${version}`), round(drop), SOURCES);
  writeFileSync(path.join(dir, 'A002/损坏.pdf'), '%PDF-1.7\n这份文件在传输中损坏了\n');
  const out = path.join(work, `${path.basename(dataDir)}-${version}.rdbundle`);
  await packBundle({ dir, key: secretariat.key, out, bundleVersion: version });
  await importBundle(out, { dataDir });
}

function where(hits: SearchHit[]): string[] {
  return hits.map((hit) => `${hit.applicantId}/${hit.documentPosition}/${hit.documentTitle}/p${hit.page}`);
}

function textRows(db: Db): unknown[] {
  return db.prepare('SELECT sha256, page, text FROM document_text ORDER BY sha256, page').all();
}

beforeAll(async () => {
  secretariat = makeKey(work, 'secretariat');
  workerFile = await bundleScript(path.join(ROOT, 'electron/core/search/indexer-worker.ts'));
});

describe('text indexing in a worker thread', () => {
  let dataDir: string;
  let workstation: Workstation;
  const progress: IndexProgress[] = [];

  beforeAll(async () => {
    dataDir = path.join(work, 'data-worker');
    await importRound(dataDir, 1);
    // The app holds the workstation open (and locked) while the worker indexes beside it.
    workstation = await openWorkstation(dataDir);
    return () => workstation.close();
  });

  it('indexes every document of the round, reporting progress that ends with done === total', async () => {
    const started = performance.now();
    const indexing = startTextIndexing({ dataDir, workerFile, onProgress: (p) => progress.push(p) });
    const summary = await indexing.done;
    const elapsed = performance.now() - started;
    // Ten documents, nine distinct files (one shared by A001 and B001).
    expect(summary).toEqual({ total: 9, done: 9, failed: 2, cancelled: false });
    expect(progress[0]).toMatchObject({ done: 0, failed: 0, total: 9 });
    expect(progress[0]?.current).toMatch(/^[0-9a-f]{64}$/);
    expect(progress.at(-1)).toEqual({ done: 9, failed: 2, total: 9, current: null });
    for (const [index, step] of progress.entries()) {
      if (index > 0) expect(step.done).toBeGreaterThanOrEqual(progress[index - 1]?.done ?? 0);
    }
    expect(new Set(progress.map((step) => step.current).filter(Boolean)).size).toBe(9);
    expect(indexStatus(workstation.db, ROUND)).toEqual({ total: 9, done: 9, failed: 2 });
    expect(pendingDocuments(workstation.db)).toEqual([]);
    expect(elapsed).toBeLessThan(30_000);
  });

  it('records why the broken and the encrypted document failed; the scan and the form are done', () => {
    const sha = (documentPath: string) =>
      workstation.db.prepare('SELECT sha256 FROM applicant_documents WHERE path = ?').pluck().get(documentPath) as string;
    expect(documentTextStatus(workstation.db, sha('A002/损坏.pdf'))).toMatchObject({ status: 'failed', error: 'not a valid PDF (Invalid PDF structure.)' });
    expect(documentTextStatus(workstation.db, sha('B001/加密.pdf'))).toMatchObject({ status: 'failed', error: 'the PDF is protected by a password; its text cannot be read' });
    expect(documentTextStatus(workstation.db, sha('A001/扫描件.pdf'))).toMatchObject({ status: 'done', pages: 1, characters: 6, error: null });
    expect(documentTextStatus(workstation.db, sha('B001/表单.pdf'))).toMatchObject({ status: 'done', pages: 2, characters: 0 });
    expect(documentTextStatus(workstation.db, sha('B001/多页.pdf'))).toMatchObject({ status: 'done', pages: 3 });
  });

  it('finds a Chinese phrase in every document that has it, with applicant, document and page', () => {
    const hits = searchRound(workstation.db, ROUND, '红军作战的原则');
    expect(where(hits)).toEqual(['A001/0/申报材料/p1', 'B001/4/营业执照/p1']);
    expect(hits[0]).toMatchObject({ applicantName: '某某科技有限公司', snippet: { before: '目录关于', match: '红军作战的原则', after: expect.stringMatching(/^1⋯/) } });
  });

  it('finds a 2-character word, in a non-embedded font', () => {
    expect(where(searchRound(workstation.db, ROUND, '黑体'))).toEqual(['A002/0/申报材料/p1']);
    expect(searchRound(workstation.db, ROUND, '黑体')[0]?.snippet).toEqual({ before: '我们都是', match: '黑体', after: '字' });
    expect(where(searchRound(workstation.db, ROUND, 'いう'))).toEqual(['A002/1/附件/p1']);
  });

  it('orders hits by applicant, document and page; the OCR layer of the scan counts', () => {
    expect(where(searchRound(workstation.db, ROUND, 'CropBox'))).toEqual(['B001/3/多页/p2', 'B001/3/多页/p3']);
    expect(where(searchRound(workstation.db, ROUND, 'pdf.js'))).toEqual(['A001/1/扫描件/p1', 'B001/0/application/p1']);
  });

  it('treats FTS syntax in a query as text', () => {
    const search = (query: string) => where(searchRound(workstation.db, ROUND, query));
    expect(search('"PDF.js')).toEqual([]);
    expect(search('PDF*')).toEqual([]);
    expect(search('Mozilla OR 黑体')).toEqual([]);
    expect(search('Mozilla 黑体')).toEqual([]);
    expect(search('NEAR(Mozilla')).toEqual([]);
    expect(search('Mozilla')).toEqual(['B001/0/application/p1']);
    expect(search('/mozilla/pdf.js')).toEqual(['B001/0/application/p1']);
  });

  it('a second run indexes nothing again', async () => {
    const before = { rows: textRows(workstation.db), status: workstation.db.prepare('SELECT * FROM document_text_status ORDER BY sha256').all() };
    const again: IndexProgress[] = [];
    const summary = await startTextIndexing({ dataDir, workerFile, onProgress: (p) => again.push(p) }).done;
    expect(summary).toEqual({ total: 0, done: 0, failed: 0, cancelled: false });
    expect(again).toEqual([{ done: 0, failed: 0, total: 0, current: null }]);
    expect(textRows(workstation.db)).toEqual(before.rows);
    expect(workstation.db.prepare('SELECT * FROM document_text_status ORDER BY sha256').all()).toEqual(before.status);
  });
});

describe('text indexing in the calling thread, and re-issues', () => {
  it('indexPendingInline stores exactly what the worker stores', async () => {
    const dataDir = path.join(work, 'data-inline');
    await importRound(dataDir, 1);
    const workstation = await openWorkstation(dataDir);
    const progress: IndexProgress[] = [];
    try {
      expect(await indexPendingInline(workstation.db, workstation.documentsDir, (p) => progress.push(p))).toEqual({ total: 9, done: 9, failed: 2, cancelled: false });
      expect(progress.at(-1)).toEqual({ done: 9, failed: 2, total: 9, current: null });
      const viaWorker = await openWorkstation(path.join(work, 'data-worker')).then((other) => {
        try {
          return textRows(other.db);
        } finally {
          other.close();
        }
      });
      expect(textRows(workstation.db)).toEqual(viaWorker);
    } finally {
      workstation.close();
    }
  });

  it('a re-issue that drops a document drops its text; new documents are pending, kept ones are not', async () => {
    const dataDir = path.join(work, 'data-reissue');
    await importRound(dataDir, 1, ['B001/营业执照.pdf', 'A002/附件.pdf']);
    let workstation = await openWorkstation(dataDir);
    await indexPendingInline(workstation.db, workstation.documentsDir);
    expect(where(searchRound(workstation.db, ROUND, '黑体'))).toEqual(['A002/0/申报材料/p1']);
    workstation.close();

    await importRound(dataDir, 2, ['A002/申报材料.pdf', 'B001/营业执照.pdf']);
    workstation = await openWorkstation(dataDir);
    try {
      expect(searchRound(workstation.db, ROUND, '黑体')).toEqual([]);
      expect(workstation.db.prepare("SELECT count(*) FROM document_text WHERE text LIKE '%黑体%'").pluck().get()).toBe(0);
      expect(pendingDocuments(workstation.db)).toHaveLength(1);
      expect(indexStatus(workstation.db, ROUND)).toEqual({ total: 8, done: 7, failed: 2 });
      expect(await indexPendingInline(workstation.db, workstation.documentsDir)).toEqual({ total: 1, done: 1, failed: 0, cancelled: false });
      expect(where(searchRound(workstation.db, ROUND, 'あいうえお'))).toEqual(['A002/0/附件/p1']);
    } finally {
      workstation.close();
    }
  });
});
