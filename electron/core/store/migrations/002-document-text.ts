// 002: the text index. One FTS5 row per page of a stored document (trigram tokens, so that any
// run of 3+ characters matches, Chinese included), and one status row per document once its
// text extraction has finished or failed. Both follow the document store: when a document row
// goes, its status and page texts go with it.
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
  sha256       TEXT PRIMARY KEY REFERENCES documents (sha256) ON DELETE CASCADE,
  status       TEXT NOT NULL CHECK (status IN ('done', 'failed')),
  pages        INTEGER NOT NULL DEFAULT 0,
  characters   INTEGER NOT NULL DEFAULT 0,
  error        TEXT,
  extracted_at TEXT NOT NULL,
  CHECK ((status = 'failed') = (error IS NOT NULL))
);

CREATE TRIGGER documents_forget_text AFTER DELETE ON documents BEGIN
  DELETE FROM document_text WHERE sha256 = old.sha256;
END;
`;
