// An in-memory workstation database with rounds, applicants and documents written by hand.
import Database from 'better-sqlite3';
import { migrate, type Db } from '../../../electron/core/store/database';

export interface SeedDocument {
  title: string;
  sha256: string;
}

export interface SeedApplicant {
  id: string;
  name: string;
  documents: SeedDocument[];
}

export function sha(label: string): string {
  return Buffer.from(label).toString('hex').padEnd(64, '0').slice(0, 64);
}

export function seededDb(): Db {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

export function addRound(db: Db, roundId: string, applicants: SeedApplicant[]): void {
  db.prepare("INSERT INTO trusted_issuers VALUES ('fp', 'secretariat', 'key', 'first-use', 'now') ON CONFLICT DO NOTHING").run();
  db.prepare("INSERT INTO rounds VALUES (?, 'title', 'bundle', 1, 'm', 'fp', 'now', '{}', 'now')").run(roundId);
  for (const [position, applicant] of applicants.entries()) {
    db.prepare("INSERT INTO applicants VALUES (?, ?, ?, 'cat', ?, '{}')").run(roundId, applicant.id, applicant.name, position);
    for (const [index, document] of applicant.documents.entries()) {
      db.prepare('INSERT INTO documents (sha256, size) VALUES (?, 1) ON CONFLICT DO NOTHING').run(document.sha256);
      db.prepare("INSERT INTO applicant_documents VALUES (?, ?, ?, ?, ?, ?, '[]')").run(roundId, applicant.id, index, `${applicant.id}/${index}.pdf`, document.title, document.sha256);
    }
  }
}
