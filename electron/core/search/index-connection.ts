// The indexer worker's own connection to the workstation database. The process that owns the
// data directory (lock, migrations) opened it first; this connection only reads documents and
// writes text, and WAL lets it do so beside the owner's connection.
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE, type Db } from '../store/database';
import { version as TEXT_SCHEMA } from '../store/migrations/002-document-text';

export function openIndexConnection(dataDir: string): Db {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    const mode = db.pragma('journal_mode', { simple: true });
    if (mode !== 'wal') throw new Error(`the workstation database is not in WAL mode (${String(mode)}); open the workstation first`);
    const schema = db.pragma('user_version', { simple: true }) as number;
    if (schema < TEXT_SCHEMA) throw new Error(`the workstation database has schema ${schema}, the text index needs ${TEXT_SCHEMA}; open the workstation first`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
