// 004: the secretariat's merges (the bundle's signed manifest and the score files collected, kept
// as their exact bytes so a merge can be re-verified at any time) and the chair's decisions.
export const version = 4;
export const name = 'merges';
export const sql = `
CREATE TABLE merges (
  id                 TEXT PRIMARY KEY,
  round_id           TEXT NOT NULL,
  title              TEXT NOT NULL,
  bundle_id          TEXT NOT NULL,
  bundle_version     INTEGER NOT NULL,
  manifest_sha256    TEXT NOT NULL,
  manifest           BLOB NOT NULL,
  issuer_fingerprint TEXT NOT NULL,
  created_at         TEXT NOT NULL
);

CREATE TABLE merge_files (
  merge_id  TEXT NOT NULL REFERENCES merges (id) ON DELETE CASCADE,
  name      TEXT NOT NULL,
  sha256    TEXT NOT NULL,
  bytes     BLOB NOT NULL,
  added_at  TEXT NOT NULL,
  PRIMARY KEY (merge_id, name)
);

-- The panel's decisions beside the computed result, which is never overwritten.
CREATE TABLE decisions (
  merge_id      TEXT NOT NULL REFERENCES merges (id) ON DELETE CASCADE,
  category_id   TEXT NOT NULL,
  applicant_id  TEXT NOT NULL,
  data          TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  PRIMARY KEY (merge_id, category_id, applicant_id)
);
`;
