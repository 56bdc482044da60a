// The text index: pending documents, recording text or failures, round status, and search.
import { describe, expect, it } from 'vitest';
import {
  documentTextStatus,
  indexStatus,
  pendingDocuments,
  recordDocumentText,
  recordFailure,
} from '../../../electron/core/search/text-index';
import { searchRound } from '../../../electron/core/search/search-round';
import { addRound, seededDb, sha } from './seed';

const LICENCE = sha('licence');
const REPORT = sha('report');
const SCAN = sha('scan');
const OTHER = sha('other-round');

function world() {
  const db = seededDb();
  addRound(db, 'r1', [
    { id: 'A001', name: '某某科技有限公司', documents: [{ title: '申报材料', sha256: LICENCE }, { title: '扫描件', sha256: SCAN }] },
    { id: 'A002', name: '北方安防工程有限公司', documents: [{ title: '审计报告', sha256: REPORT }, { title: '营业执照（同上）', sha256: LICENCE }] },
  ]);
  addRound(db, 'r2', [{ id: 'X', name: '别的评审', documents: [{ title: '其他', sha256: OTHER }] }]);
  return db;
}

function indexed() {
  const db = world();
  recordDocumentText(db, LICENCE, [
    { page: 1, text: '企业法人营业执照\n统一社会信用代码 91150100' },
    { page: 2, text: '' },
    { page: 3, text: '营业期限：长期。注册资本 5,000 万元（100% 自有）' },
  ]);
  recordDocumentText(db, REPORT, [{ page: 1, text: 'say "hello" to NEAR(a b) and x*y OR z; rate 1_0 and 10' }]);
  recordDocumentText(db, SCAN, [{ page: 1, text: '' }]);
  recordDocumentText(db, OTHER, [{ page: 1, text: '营业执照 of another round' }]);
  return db;
}

describe('pending, record, status', () => {
  it('lists stored documents without a status, and none once each is recorded done or failed', () => {
    const db = world();
    expect(pendingDocuments(db).map((document) => document.sha256)).toEqual([LICENCE, SCAN, REPORT, OTHER]);
    expect(indexStatus(db, 'r1')).toEqual({ total: 3, done: 0, failed: 0 });
    expect(recordDocumentText(db, LICENCE, [{ page: 1, text: '营业执照' }, { page: 2, text: '' }])).toBe(true);
    expect(recordFailure(db, SCAN, 'not a valid PDF (Invalid PDF structure.)')).toBe(true);
    expect(pendingDocuments(db).map((document) => document.sha256)).toEqual([REPORT, OTHER]);
    expect(indexStatus(db, 'r1')).toEqual({ total: 3, done: 2, failed: 1 });
    expect(documentTextStatus(db, LICENCE)).toMatchObject({ status: 'done', pages: 2, characters: 4, error: null });
    expect(documentTextStatus(db, SCAN)).toMatchObject({ status: 'failed', pages: 0, characters: 0, error: 'not a valid PDF (Invalid PDF structure.)' });
    expect(db.prepare('SELECT page FROM document_text WHERE sha256 = ?').pluck().all(LICENCE)).toEqual([1]);
  });

  it('re-recording replaces the pages; a failure drops them; a document that left the store is not recorded', () => {
    const db = world();
    recordDocumentText(db, LICENCE, [{ page: 1, text: 'old text' }]);
    recordDocumentText(db, LICENCE, [{ page: 1, text: 'new text' }, { page: 2, text: 'more' }]);
    expect(db.prepare('SELECT text FROM document_text WHERE sha256 = ? ORDER BY page').pluck().all(LICENCE)).toEqual(['new text', 'more']);
    recordFailure(db, LICENCE, 'broken');
    expect(db.prepare('SELECT count(*) FROM document_text WHERE sha256 = ?').pluck().get(LICENCE)).toBe(0);
    expect(recordDocumentText(db, sha('gone'), [{ page: 1, text: 'x' }])).toBe(false);
    expect(recordFailure(db, sha('gone'), 'x')).toBe(false);
    expect(db.prepare('SELECT count(*) FROM document_text_status WHERE sha256 = ?').pluck().get(sha('gone'))).toBe(0);
  });
});

describe('searchRound', () => {
  it('finds a 3+ character Chinese phrase with applicant, document and page, in round order', () => {
    const db = indexed();
    const hits = searchRound(db, 'r1', '营业执照');
    expect(hits.map(({ applicantId, documentPosition, page }) => [applicantId, documentPosition, page])).toEqual([
      ['A001', 0, 1],
      ['A002', 1, 1],
    ]);
    expect(hits[0]).toMatchObject({ applicantName: '某某科技有限公司', documentTitle: '申报材料', sha256: LICENCE, snippet: { before: '企业法人', match: '营业执照', after: ' 统一社会信用代码 91150100' } });
    expect(hits[1]).toMatchObject({ applicantName: '北方安防工程有限公司', documentTitle: '营业执照（同上）' });
  });

  it('finds a 2-character word (below the trigram minimum) through LIKE, still only in the round', () => {
    const db = indexed();
    const hits = searchRound(db, 'r1', '营业');
    expect(hits.map(({ applicantId, page }) => [applicantId, page])).toEqual([
      ['A001', 1],
      ['A001', 3],
      ['A002', 1],
      ['A002', 3],
    ]);
    expect(hits[1]?.snippet).toEqual({ before: '', match: '营业', after: '期限：长期。注册资本 5,000 万元（100% 自有）' });
    expect(searchRound(db, 'r2', '营业').map((hit) => hit.applicantId)).toEqual(['X']);
  });

  it('needs every term; full-width and ASCII forms meet', () => {
    const db = indexed();
    expect(searchRound(db, 'r1', '营业 ５,０００').map((hit) => hit.page)).toEqual([3, 3]);
    expect(searchRound(db, 'r1', '营业执照 长期')).toEqual([]);
  });

  it('takes FTS syntax and LIKE wildcards literally', () => {
    const db = indexed();
    const pages = (query: string) => searchRound(db, 'r1', query).map((hit) => hit.applicantId + ':' + hit.page);
    expect(pages('"hello"')).toEqual(['A002:1']);
    expect(pages('"hello')).toEqual(['A002:1']);
    expect(pages('x*y')).toEqual(['A002:1']);
    expect(pages('x*')).toEqual(['A002:1']);
    expect(pages('hel*')).toEqual([]);
    expect(pages('NEAR(a')).toEqual(['A002:1']);
    expect(pages('NEAR(')).toEqual(['A002:1']);
    expect(pages('hello OR missing')).toEqual([]);
    expect(pages('OR z')).toEqual(['A002:1']);
    expect(pages('营业执照 AND nothing')).toEqual([]);
    expect(pages('0%')).toEqual(['A001:3', 'A002:3']);
    expect(pages('1_0')).toEqual(['A002:1']);
    expect(pages('1_')).toEqual(['A002:1']);
    expect(pages('_')).toEqual(['A002:1']);
    expect(pages('%')).toEqual(['A001:3', 'A002:3']);
    expect(pages("'; DROP TABLE documents; --")).toEqual([]);
    expect(pages('   ')).toEqual([]);
  });

  it('limits the hits', () => {
    const db = indexed();
    expect(searchRound(db, 'r1', '营业', 3)).toHaveLength(3);
    expect(searchRound(db, 'r1', '营业', 0)).toHaveLength(1);
  });
});
