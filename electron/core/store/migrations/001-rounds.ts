// 001: trusted issuers, imported rounds with their rubrics, categories, applicants, documents and
// roster, the expert's sheets, and the import log.
export const version = 1;
export const name = 'rounds';
export const sql = `
CREATE TABLE trusted_issuers (
  fingerprint   TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  public_key    TEXT NOT NULL UNIQUE,
  trusted_how   TEXT NOT NULL CHECK (trusted_how IN ('first-use', 'pinned')),
  trusted_at    TEXT NOT NULL
);

CREATE TABLE rounds (
  id                 TEXT PRIMARY KEY,
  title              TEXT NOT NULL,
  bundle_id          TEXT NOT NULL,
  bundle_version     INTEGER NOT NULL,
  manifest_sha256    TEXT NOT NULL,
  issuer_fingerprint TEXT NOT NULL REFERENCES trusted_issuers (fingerprint),
  issued_at          TEXT NOT NULL,
  payload            TEXT NOT NULL,
  imported_at        TEXT NOT NULL
);

CREATE TABLE rubrics (
  round_id    TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
  id          TEXT NOT NULL,
  title       TEXT NOT NULL,
  definition  TEXT NOT NULL,
  PRIMARY KEY (round_id, id)
);

CREATE TABLE categories (
  round_id    TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
  id          TEXT NOT NULL,
  title       TEXT NOT NULL,
  rubric_id   TEXT NOT NULL,
  position    INTEGER NOT NULL,
  definition  TEXT NOT NULL,
  PRIMARY KEY (round_id, id)
);

CREATE TABLE applicants (
  round_id    TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
  id          TEXT NOT NULL,
  name        TEXT NOT NULL,
  category_id TEXT NOT NULL,
  position    INTEGER NOT NULL,
  definition  TEXT NOT NULL,
  PRIMARY KEY (round_id, id)
);

-- Content-addressed store: one row per stored file, named by its SHA-256.
CREATE TABLE documents (
  sha256      TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  size        INTEGER NOT NULL
);

CREATE TABLE applicant_documents (
  round_id     TEXT NOT NULL,
  applicant_id TEXT NOT NULL,
  position     INTEGER NOT NULL,
  path         TEXT NOT NULL,
  title        TEXT NOT NULL,
  sha256       TEXT NOT NULL REFERENCES documents (sha256),
  sections     TEXT NOT NULL,
  PRIMARY KEY (round_id, applicant_id, position),
  FOREIGN KEY (round_id, applicant_id) REFERENCES applicants (round_id, id) ON DELETE CASCADE
);
CREATE INDEX applicant_documents_sha256 ON applicant_documents (sha256);

CREATE TABLE experts (
  round_id    TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
  id          TEXT NOT NULL,
  name        TEXT NOT NULL,
  public_key  TEXT,
  assigned    TEXT NOT NULL,
  PRIMARY KEY (round_id, id)
);

-- The expert's own sheets. Kept across re-issues of the round; reopened when the applicant's
-- documents or rubric changed.
CREATE TABLE sheets (
  round_id        TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
  applicant_id    TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('draft', 'complete')),
  data            TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  reopened_reason TEXT,
  PRIMARY KEY (round_id, applicant_id)
);

CREATE TABLE imports (
  id              INTEGER PRIMARY KEY,
  round_id        TEXT NOT NULL,
  bundle_id       TEXT NOT NULL,
  bundle_version  INTEGER NOT NULL,
  manifest_sha256 TEXT NOT NULL,
  file_name       TEXT NOT NULL,
  imported_at     TEXT NOT NULL,
  reopened        TEXT NOT NULL
);
`;
