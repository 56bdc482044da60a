// 002: the text index. One FTS5 row per page of a stored document (trigram tokens, so that any
// run of 3+ characters matches, Chinese included), and one status row per document once its
// text extraction has finished or failed.
//
// sha256 and page are UNINDEXED: FTS5 cannot look them up, so a document's page rows are found
// by rowid instead, which is `status id * 2^20 + page` (2^20 pages is far above the page cap).
// Deleting a status row deletes its pages by that rowid range, and a status row goes with its
// document (ON DELETE CASCADE): dropping a document from the store drops its text, without
// scanning the whole index.
export const version = 2;
export const name = 'document-text';
export const sql = `
CREATE VIRTUAL TABLE document_text USING fts5 (
  sha256 UNINDEXED,
  page UNINDEXED,
  text,
  tokenize = 'trigram'
);

CREATE TABLE document_text_status (
  id           INTEGER PRIMARY KEY,
  sha256       TEXT NOT NULL UNIQUE REFERENCES documents (sha256) ON DELETE CASCADE,
  status       TEXT NOT NULL CHECK (status IN ('done', 'failed')),
  pages        INTEGER NOT NULL DEFAULT 0,
  characters   INTEGER NOT NULL DEFAULT 0,
  error        TEXT,
  extracted_at TEXT NOT NULL,
  CHECK ((status = 'failed') = (error IS NOT NULL))
);

CREATE TRIGGER document_text_status_forget_pages AFTER DELETE ON document_text_status BEGIN
  DELETE FROM document_text WHERE rowid BETWEEN old.id * 1048576 AND old.id * 1048576 + 1048575;
END;
`;
