// A workstation data directory: the database, the document store beside it, and the lock.
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE, openDatabase, type Db } from './database';
import { lockDataDir } from './data-lock';
import { DOCUMENTS_DIR, sweepDocuments } from './document-store';

export interface Workstation {
  dir: string;
  db: Db;
  documentsDir: string;
  close(): void;
}

export function workstationExists(dir: string): boolean {
  return existsSync(path.join(dir, DATABASE_FILE));
}

/** Opens (creating when asked) the data directory; recovers what a killed process left behind. */
export async function openWorkstation(dir: string, options: { create?: boolean } = {}): Promise<Workstation> {
  if (!workstationExists(dir) && !options.create) throw new Error(`no ReviewDesk data in ${dir}`);
  // Review data is confidential: everything this process creates is readable by the user only
  // (the database, its WAL and shared-memory files, stored documents, exports).
  process.umask(0o077);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    chmodSync(dir, 0o700);
  } catch {
    // A folder the user cannot chmod (another owner, a network share): its own rules apply.
  }
  const release = lockDataDir(dir);
  let db: Db | undefined;
  try {
    db = openDatabase(path.join(dir, DATABASE_FILE));
    const documentsDir = path.join(dir, DOCUMENTS_DIR);
    await sweepDocuments(db, documentsDir);
    const opened = db;
    return {
      dir,
      db: opened,
      documentsDir,
      close: () => {
        opened.close();
        release();
      },
    };
  } catch (error) {
    db?.close();
    release();
    throw error;
  }
}
