// Finishing a round: the completeness check, and the signed score file of the bound expert's
// sheets, whose revision grows with each export (FORMATS §3, §6).
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ExportRecord, ExportStatus, FileToSave } from '../../../shared/api/contract';
import type { BundlePayload } from '../../../shared/bundle/manifest';
import { assignedApplicants, applicantRubric } from '../../../shared/round/lookup';
import type { SheetInput } from '../../../shared/sheet/schema';
import { createScoreFile } from '../scores/score-file';
import type { Db } from '../store/database';
import { syncDir } from '../store/document-store';
import { WriteFailure } from '../write-failure';
import type { IdentityStore } from '../identity/identity';
import { RequestError } from './errors';
import { evaluateStoredSheet, loadSheets } from './sheets';

const FINISHED = new Set(['complete', 'conflict', 'ineligible']);

interface ExportRow {
  revision: number;
  final: number;
  created_at: string;
  file_name: string;
  file_sha256: string;
  sheets: number;
  bundle_version: number;
}

function history(db: Db, roundId: string, expertId: string): ExportRecord[] {
  const rows = db.prepare('SELECT revision, final, created_at, file_name, file_sha256, sheets, bundle_version FROM score_exports WHERE round_id = ? AND expert_id = ? ORDER BY revision DESC').all(roundId, expertId) as ExportRow[];
  return rows.map((row) => ({ revision: row.revision, final: row.final === 1, createdAt: row.created_at, fileName: row.file_name, sha256: row.file_sha256, sheets: row.sheets, bundleVersion: row.bundle_version }));
}

function evaluatedSheets(db: Db, payload: BundlePayload, expertId: string) {
  const rows = loadSheets(db, payload.round.id);
  return assignedApplicants(payload, expertId).map((applicant) => {
    const row = rows.get(applicant.id);
    const evaluation = evaluateStoredSheet(row, applicantRubric(payload, applicant.id)!, applicant.id);
    return { applicant, row, evaluation, reopened: row?.reopened_reason != null };
  });
}

export function exportStatus(db: Db, payload: BundlePayload, expertId: string): ExportStatus {
  const sheets = evaluatedSheets(db, payload, expertId);
  const past = history(db, payload.round.id, expertId);
  const last = past[0];
  return {
    incomplete: sheets
      .filter(({ evaluation, reopened }) => !FINISHED.has(evaluation.status) || reopened)
      .map(({ applicant, evaluation, reopened }) => ({ applicantId: applicant.id, name: applicant.name, status: evaluation.status, reopened })),
    finished: sheets.filter(({ evaluation, reopened }) => FINISHED.has(evaluation.status) && !reopened).length,
    assigned: sheets.length,
    nextRevision: (last?.revision ?? 0) + 1,
    changedSinceExport: last === undefined ? sheets.filter(({ row }) => row !== undefined).length : sheets.filter(({ row }) => row !== undefined && row.updated_at > last.createdAt).length,
    history: past,
  };
}

export interface ExportRequest {
  db: Db;
  exportsDir: string;
  payload: BundlePayload;
  manifestSha256: string;
  identity: IdentityStore;
  passphrase: string;
  expertId: string;
  final: boolean;
  appVersion: string;
}

export async function exportScores(request: ExportRequest): Promise<ExportRecord & { file: FileToSave }> {
  const { db, payload, expertId } = request;
  const status = exportStatus(db, payload, expertId);
  if (request.final && status.incomplete.length > 0) {
    throw new RequestError('incomplete', `${status.incomplete.length} sheets are not finished: ${status.incomplete.map((sheet) => sheet.applicantId).join(', ')}`);
  }
  const sheets: SheetInput[] = evaluatedSheets(db, payload, expertId)
    .filter(({ evaluation, reopened }) => evaluation.sheet !== undefined && !reopened)
    .map(({ evaluation }) => evaluation.sheet!);
  if (sheets.length === 0) throw new RequestError('nothing-to-export', 'no finished sheet to export yet');
  const revision = status.nextRevision;
  const created = await request.identity.withKey(request.passphrase, (key) =>
    createScoreFile({ payload, manifestSha256: request.manifestSha256 }, { expertId, key, sheetFile: { sheets }, revision, final: request.final, appVersion: request.appVersion }, 'workspace'),
  );
  const fileName = `${payload.round.id}-${expertId}-r${revision}${request.final ? '' : '-draft'}.rdscore`;
  const target = path.join(request.exportsDir, fileName);
  // Written beside, synced, then renamed: a failed write (a full disk) leaves no partial file. The
  // rename replaces a file of this revision left by an export that died before it was recorded
  // (revision = last recorded + 1, so no recorded export is ever replaced).
  const partial = `${target}.partial-${process.pid}`;
  try {
    await mkdir(request.exportsDir, { recursive: true, mode: 0o700 });
    const handle = await open(partial, 'w', 0o600);
    try {
      await handle.writeFile(created.bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, target);
    await syncDir(request.exportsDir);
  } catch (error) {
    await rm(partial, { force: true });
    throw new WriteFailure(`could not write the score file ${fileName} in ${request.exportsDir}`, error);
  }
  try {
    db.prepare(
      'INSERT INTO score_exports (round_id, expert_id, revision, final, bundle_version, created_at, file_name, file_sha256, sheets) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(payload.round.id, expertId, revision, request.final ? 1 : 0, payload.bundleVersion, new Date().toISOString(), fileName, created.sha256, sheets.length);
  } catch (error) {
    // Not recorded, so not exported: the file goes too, and the next export reuses the revision.
    await rm(target, { force: true });
    throw new WriteFailure(`could not record the export of ${fileName}`, error);
  }
  return {
    revision,
    final: request.final,
    createdAt: created.payload.createdAt,
    fileName,
    sha256: created.sha256,
    sheets: sheets.length,
    bundleVersion: payload.bundleVersion,
    file: { fileName, mimeType: 'application/json', base64: created.bytes.toString('base64') },
  };
}
