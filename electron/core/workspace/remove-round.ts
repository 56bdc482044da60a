// "Remove this round from this computer": its rows, its stored documents (and their extracted
// text), its exported score files — and nothing of it left in the database file's free pages.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { documentFile, forgetUnreferencedDocuments } from '../store/document-store';
import type { Workstation } from '../store/workstation';
import { NotFoundError } from './errors';

/** Sheets with content that were changed after the last export, or never exported. */
export function unexportedSheets(workstation: Workstation, roundId: string): number {
  const last = workstation.db.prepare('SELECT max(created_at) FROM score_exports WHERE round_id = ?').pluck().get(roundId) as string | null;
  return workstation.db
    .prepare("SELECT count(*) FROM sheets WHERE round_id = ? AND data <> '{}' AND (? IS NULL OR updated_at > ?)")
    .pluck()
    .get(roundId, last, last) as number;
}

export async function removeRound(workstation: Workstation, roundId: string): Promise<{ documents: number; exports: number }> {
  const { db } = workstation;
  if (db.prepare('SELECT 1 FROM rounds WHERE id = ?').get(roundId) === undefined) throw new NotFoundError(`round "${roundId}" is not on this computer`);
  // Overwrite deleted content instead of leaving it in free pages.
  db.pragma('secure_delete = ON');
  const obsolete = db.transaction(() => {
    db.prepare('DELETE FROM imports WHERE round_id = ?').run(roundId);
    db.prepare('DELETE FROM rounds WHERE id = ?').run(roundId);
    return forgetUnreferencedDocuments(db);
  })();
  // FTS5 keeps deleted rows in its segments until they are merged: merge them now.
  db.prepare("INSERT INTO document_text (document_text) VALUES ('optimize')").run();
  for (const sha256 of obsolete) await rm(documentFile(workstation.documentsDir, sha256), { force: true });
  const exportsDir = path.join(workstation.dir, 'exports');
  const exported = (await readdir(exportsDir).catch(() => [] as string[])).filter((name) => name.startsWith(`${roundId}-`) && name.endsWith('.rdscore'));
  for (const name of exported) await rm(path.join(exportsDir, name), { force: true });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { documents: obsolete.length, exports: exported.length };
}
