// The content-addressed document store beside the database: `documents/ab/<sha256>`.
// Invariant: the store holds exactly the files the database lists; anything else is the
// leftover of an import that was killed and is removed when the workstation opens.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from './database';

export const DOCUMENTS_DIR = 'documents';
const INCOMING_PREFIX = '.incoming-';

export function documentFile(documentsDir: string, sha256: string): string {
  return path.join(documentsDir, sha256.slice(0, 2), sha256);
}

export async function newIncomingDir(documentsDir: string): Promise<string> {
  const dir = path.join(documentsDir, INCOMING_PREFIX + randomBytes(8).toString('hex'));
  await mkdir(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** fsync a directory so a rename into it survives a crash (a no-op where directories cannot be synced). */
export async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open directories for sync; NTFS journals the rename itself.
  } finally {
    await handle?.close();
  }
}

/** Removes incoming leftovers and every stored file the database does not list. Returns what it removed. */
export async function sweepDocuments(db: Db, documentsDir: string): Promise<string[]> {
  const removed: string[] = [];
  const known = new Set((db.prepare('SELECT sha256 FROM documents').pluck().all() as string[]));
  let shards: string[];
  try {
    shards = await readdir(documentsDir);
  } catch {
    return removed;
  }
  for (const shard of shards) {
    if (shard.startsWith(INCOMING_PREFIX)) await rm(path.join(documentsDir, shard), { recursive: true, force: true });
    if (!/^[0-9a-f]{2}$/.test(shard)) continue;
    for (const name of await readdir(path.join(documentsDir, shard))) {
      if (!known.has(name)) {
        await rm(path.join(documentsDir, shard, name), { force: true });
        removed.push(name);
      }
    }
  }
  return removed;
}

/** Deletes rows of documents no round refers to any more; returns their hashes (files go next). */
export function forgetUnreferencedDocuments(db: Db): string[] {
  const unreferenced = db
    .prepare('SELECT sha256 FROM documents WHERE sha256 NOT IN (SELECT sha256 FROM applicant_documents)')
    .pluck()
    .all() as string[];
  const remove = db.prepare('DELETE FROM documents WHERE sha256 = ?');
  for (const sha256 of unreferenced) remove.run(sha256);
  return unreferenced;
}
