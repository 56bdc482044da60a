// The text index in SQLite (migration 002): which stored documents still need their text, writing
// a document's pages or its failure, and how far a round is indexed.
import type { Db } from '../store/database';
import type { PageText } from './extract-text';

export interface PendingDocument {
  sha256: string;
  size: number;
}

export interface IndexStatus {
  /** Distinct documents of the round. */
  total: number;
  /** Documents whose extraction has finished, successfully or not. */
  done: number;
  /** Of those, the documents whose text could not be extracted. */
  failed: number;
}

export interface DocumentTextStatus {
  status: 'done' | 'failed';
  pages: number;
  characters: number;
  error: string | null;
  extractedAt: string;
}

/** Stored documents that have no text status yet, in the order they were stored. */
export function pendingDocuments(db: Db): PendingDocument[] {
  return db
    .prepare(
      `SELECT d.sha256, d.size FROM documents d
       WHERE NOT EXISTS (SELECT 1 FROM document_text_status s WHERE s.sha256 = d.sha256)
       ORDER BY d.rowid`,
    )
    .all() as PendingDocument[];
}

function stillStored(db: Db, sha256: string): boolean {
  return db.prepare('SELECT 1 FROM documents WHERE sha256 = ?').get(sha256) !== undefined;
}

/** FTS rowids of a document's pages: its status id times 2^20, plus the page (migration 002). */
export const PAGE_KEY_SPAN = 1_048_576;

/** Writes the status row (keeping its id) and removes the pages recorded before; returns the id. */
function writeStatus(db: Db, sha256: string, status: { status: 'done' | 'failed'; pages: number; characters: number; error: string | null }, now: Date): number {
  const { id } = db
    .prepare(
      `INSERT INTO document_text_status (sha256, status, pages, characters, error, extracted_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (sha256) DO UPDATE SET status = excluded.status, pages = excluded.pages, characters = excluded.characters,
         error = excluded.error, extracted_at = excluded.extracted_at
       RETURNING id`,
    )
    .get(sha256, status.status, status.pages, status.characters, status.error, now.toISOString()) as { id: number };
  db.prepare('DELETE FROM document_text WHERE rowid BETWEEN ? AND ?').run(id * PAGE_KEY_SPAN, id * PAGE_KEY_SPAN + PAGE_KEY_SPAN - 1);
  return id;
}

/**
 * Replaces the document's page texts and marks it done, in one transaction. Returns false (and
 * writes nothing) when the document left the store meanwhile (a re-issue dropped it).
 */
export function recordDocumentText(db: Db, sha256: string, pages: readonly PageText[], now = new Date()): boolean {
  return db.transaction(() => {
    if (!stillStored(db, sha256)) return false;
    const kept = pages.filter((page) => page.text !== '');
    const characters = kept.reduce((sum, page) => sum + [...page.text].length, 0);
    const id = writeStatus(db, sha256, { status: 'done', pages: pages.length, characters, error: null }, now);
    const insert = db.prepare('INSERT INTO document_text (rowid, sha256, page, text) VALUES (?, ?, ?, ?)');
    for (const { page, text } of kept) {
      if (!Number.isInteger(page) || page < 1 || page >= PAGE_KEY_SPAN) throw new RangeError(`page number out of range: ${page}`);
      insert.run(id * PAGE_KEY_SPAN + page, sha256, page, text);
    }
    return true;
  })();
}

/** Marks the document failed with the reason, dropping any text it had. False when it left the store. */
export function recordFailure(db: Db, sha256: string, error: string, now = new Date()): boolean {
  return db.transaction(() => {
    if (!stillStored(db, sha256)) return false;
    writeStatus(db, sha256, { status: 'failed', pages: 0, characters: 0, error: error === '' ? 'unknown error' : error }, now);
    return true;
  })();
}

export function documentTextStatus(db: Db, sha256: string): DocumentTextStatus | undefined {
  return db
    .prepare('SELECT status, pages, characters, error, extracted_at AS extractedAt FROM document_text_status WHERE sha256 = ?')
    .get(sha256) as DocumentTextStatus | undefined;
}

export function indexStatus(db: Db, roundId: string): IndexStatus {
  return db
    .prepare(
      `SELECT count(*) AS total, count(s.sha256) AS done, coalesce(sum(s.status = 'failed'), 0) AS failed
       FROM (SELECT DISTINCT sha256 FROM applicant_documents WHERE round_id = ?) d
       LEFT JOIN document_text_status s ON s.sha256 = d.sha256`,
    )
    .get(roundId) as IndexStatus;
}
