// 003: which roster entry this workstation's expert is in each round (and with which key), and
// the history of exported score files.
export const version = 3;
export const name = 'bindings-exports';
export const sql = `
CREATE TABLE round_bindings (
  round_id    TEXT PRIMARY KEY REFERENCES rounds (id) ON DELETE CASCADE,
  expert_id   TEXT NOT NULL,
  public_key  TEXT NOT NULL,
  bound_at    TEXT NOT NULL
);

CREATE TABLE score_exports (
  id            INTEGER PRIMARY KEY,
  round_id      TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
  expert_id     TEXT NOT NULL,
  revision      INTEGER NOT NULL,
  final         INTEGER NOT NULL CHECK (final IN (0, 1)),
  bundle_version INTEGER NOT NULL,
  created_at    TEXT NOT NULL,
  file_name     TEXT NOT NULL,
  file_sha256   TEXT NOT NULL,
  sheets        INTEGER NOT NULL,
  UNIQUE (round_id, expert_id, revision)
);
`;
