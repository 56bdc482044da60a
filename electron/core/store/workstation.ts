// A workstation data directory: the database, the document store beside it, and the lock.
import { existsSync, mkdirSync } from 'node:fs';
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
  mkdirSync(dir, { recursive: true, mode: 0o700 });
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
