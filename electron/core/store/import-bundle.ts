// Imports a verified bundle into a workstation data directory, atomically:
// a refused, failed or killed import leaves the database and the document store as they were.
import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { BundlePayload } from '../../../shared/bundle/manifest';
import { openBundle, verifyDocuments, type ListedDocument, type OpenedBundle, type VerifyProgress } from '../bundle/read-bundle';
import { Rejection } from '../rejection';
import { WriteFailure } from '../write-failure';
import { sameFingerprint } from '../keys/fingerprint';
import { DATABASE_FILE } from './database';
import { DOCUMENTS_DIR, documentFile, forgetUnreferencedDocuments, newIncomingDir, syncDir } from './document-store';
import { applicantFingerprints, findRound, storedPayload, writeRound, type StoredRound } from './round-repository';
import { findIssuer, trustIssuer } from './trust-store';
import { openWorkstation, workstationExists, type Workstation } from './workstation';

export interface ImportOptions {
  dataDir: string;
  /** Fingerprint the issuer must have (`--issuer`). Without it a first-seen issuer is trusted on first use. */
  expectedIssuer?: string;
  onProgress?: (progress: VerifyProgress) => void;
  /** Test hook: called between the steps of the commit, to simulate a crash there. */
  faultPoint?: (step: 'documents-verified' | 'documents-renamed') => void;
}

export interface ReopenedSheet {
  applicantId: string;
  reason: string;
}

export interface ImportResult {
  outcome: 'imported' | 'replaced' | 'unchanged';
  roundId: string;
  title: string;
  bundleId: string;
  bundleVersion: number;
  previousVersion?: number;
  manifestSha256: string;
  issuer: { name: string; fingerprint: string; trust: 'first-use' | 'pinned' | 'known' };
  documents: number;
  bytes: number;
  keptSheets: number;
  reopened: ReopenedSheet[];
  /** Applicants dropped by the new version whose sheets are kept in the database. */
  removedWithSheets: string[];
}

/** The version rules of FORMATS §6 "Bundle". Returns whether this bundle is new, a replacement or the same. */
export function importDecision(label: string, existing: StoredRound | undefined, bundle: OpenedBundle): 'new' | 'replace' | 'same' {
  if (existing === undefined) return 'new';
  const { payload } = bundle;
  if (existing.issuerFingerprint !== bundle.issuerFingerprint) {
    throw new Rejection(
      label,
      `round "${existing.id}" was imported from issuer ${existing.issuerFingerprint}; this bundle is signed by ${bundle.issuerFingerprint} and is refused`,
      { code: 'wrong-issuer' },
    );
  }
  if (existing.manifestSha256 === bundle.manifestSha256) return 'same';
  if (payload.bundleVersion > existing.bundleVersion) return 'replace';
  if (payload.bundleVersion === existing.bundleVersion) {
    throw new Rejection(
      label,
      `round "${existing.id}" version ${existing.bundleVersion} is already imported with different content; a re-issued bundle needs a higher bundleVersion`,
      { code: 'version-conflict' },
    );
  }
  throw new Rejection(
    label,
    `bundle version ${payload.bundleVersion} is older than the imported version ${existing.bundleVersion} of round "${existing.id}"`,
    { code: 'older-version' },
  );
}

function sheetsToReopen(db: Workstation['db'], roundId: string, previous: BundlePayload, next: BundlePayload) {
  const before = applicantFingerprints(previous);
  const after = applicantFingerprints(next);
  const sheets = db.prepare('SELECT applicant_id AS applicantId FROM sheets WHERE round_id = ?').pluck().all(roundId) as string[];
  const reopened: ReopenedSheet[] = [];
  const removedWithSheets: string[] = [];
  for (const applicantId of sheets) {
    const old = before.get(applicantId);
    const now = after.get(applicantId);
    if (now === undefined) removedWithSheets.push(applicantId);
    else if (old === undefined || old.documents !== now.documents) reopened.push({ applicantId, reason: 'documents changed' });
    else if (old.rubric !== now.rubric) reopened.push({ applicantId, reason: 'rubric changed' });
  }
  return { reopened, removedWithSheets, kept: sheets.length - reopened.length - removedWithSheets.length };
}

/** Where each verified document goes: a new file in `incoming`, or nowhere when the store has it. */
function sinkInto(incoming: string, documentsDir: string, staged: Map<string, string>): (document: ListedDocument) => Promise<Writable> {
  return async (document) => {
    const target = path.join(incoming, document.sha256);
    if (staged.has(document.sha256) || existsSync(documentFile(documentsDir, document.sha256))) {
      return new Writable({ write: (_chunk, _encoding, callback) => callback() });
    }
    staged.set(document.sha256, target);
    return createWriteStream(target, { mode: 0o600, flush: true, highWaterMark: 1024 * 1024 });
  };
}

/** Imports into a data directory, creating it on first use; a refused first import removes what it created. */
export async function importBundle(file: string, options: ImportOptions, label = file): Promise<ImportResult> {
  const bundle = await openBundle(file, options.expectedIssuer !== undefined ? { expectedIssuer: options.expectedIssuer } : {}, label);
  const before = {
    dirExisted: existsSync(options.dataDir),
    dbExisted: workstationExists(options.dataDir),
    docsExisted: existsSync(path.join(options.dataDir, DOCUMENTS_DIR)),
  };
  let workstation: Workstation | undefined;
  let committed = false;
  try {
    workstation = await openWorkstation(options.dataDir, { create: true });
    const result = await importOpenedBundle(workstation, bundle, options, label);
    committed = true;
    return result;
  } finally {
    bundle.close();
    workstation?.close();
    if (!committed) await undoCreation(options.dataDir, before);
  }
}

/** Imports an opened, manifest-verified bundle into an open workstation (the app holds one open). */
export async function importOpenedBundle(workstation: Workstation, bundle: OpenedBundle, options: Omit<ImportOptions, 'dataDir'>, label: string): Promise<ImportResult> {
  if (options.expectedIssuer !== undefined && !sameFingerprint(options.expectedIssuer, bundle.issuerFingerprint)) {
    throw new Rejection(label, `signed by issuer ${bundle.issuerFingerprint}, not by the expected issuer ${options.expectedIssuer}`, { entry: 'manifest.json', code: 'wrong-issuer' });
  }
  let incoming: string | undefined;
  try {
    const { db, documentsDir } = workstation;
    const { payload } = bundle;
    const roundId = payload.round.id;
    const existing = findRound(db, roundId);
    const decision = importDecision(label, existing, bundle);
    const known = findIssuer(db, bundle.issuerFingerprint);
    const issuer = {
      name: payload.issuer.name,
      fingerprint: bundle.issuerFingerprint,
      trust: known !== undefined ? ('known' as const) : options.expectedIssuer !== undefined ? ('pinned' as const) : ('first-use' as const),
    };
    const base = {
      roundId,
      title: payload.round.title,
      bundleId: payload.bundleId,
      bundleVersion: payload.bundleVersion,
      manifestSha256: bundle.manifestSha256,
      issuer,
      documents: bundle.documents.length,
      bytes: bundle.documents.reduce((sum, document) => sum + document.size, 0),
      ...(existing !== undefined ? { previousVersion: existing.bundleVersion } : {}),
    };
    if (decision === 'same') {
      await verifyDocuments(bundle, undefined, options.onProgress);
      const sheets = db.prepare('SELECT count(*) FROM sheets WHERE round_id = ?').pluck().get(roundId) as number;
      return { ...base, outcome: 'unchanged', keptSheets: sheets, reopened: [], removedWithSheets: [] };
    }

    incoming = await newIncomingDir(documentsDir);
    const staged = new Map<string, string>();
    await verifyDocuments(bundle, sinkInto(incoming, documentsDir, staged), options.onProgress);
    options.faultPoint?.('documents-verified');

    const previous = existing !== undefined ? storedPayload(db, roundId) : undefined;
    const now = new Date().toISOString();
    const changes = previous !== undefined ? sheetsToReopen(db, roundId, previous, payload) : { reopened: [], removedWithSheets: [], kept: 0 };
    const renamed: string[] = [];
    let obsolete: string[] = [];
    // Files are renamed into the store inside the transaction, before it commits: if the process
    // dies before the commit, the renamed files are unlisted and the next open sweeps them away.
    const commitWithFiles = db.transaction(() => {
      if (known === undefined || options.expectedIssuer !== undefined) {
        trustIssuer(db, {
          fingerprint: bundle.issuerFingerprint,
          name: payload.issuer.name,
          publicKey: payload.issuer.publicKey,
          trustedHow: options.expectedIssuer !== undefined ? 'pinned' : 'first-use',
          trustedAt: now,
        });
      }
      writeRound(db, payload, bundle.manifestSha256, bundle.issuerFingerprint, now);
      const reopen = db.prepare("UPDATE sheets SET status = 'draft', reopened_reason = ?, updated_at = ? WHERE round_id = ? AND applicant_id = ?");
      for (const sheet of changes.reopened) reopen.run(sheet.reason, now, roundId, sheet.applicantId);
      db.prepare(
        'INSERT INTO imports (round_id, bundle_id, bundle_version, manifest_sha256, file_name, imported_at, reopened) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(roundId, payload.bundleId, payload.bundleVersion, bundle.manifestSha256, path.basename(label), now, JSON.stringify(changes.reopened));
      obsolete = forgetUnreferencedDocuments(db);
      for (const [sha256, from] of staged) {
        const to = documentFile(documentsDir, sha256);
        mkdirSync(path.dirname(to), { recursive: true, mode: 0o700 });
        renameSync(from, to);
        renamed.push(to);
      }
      options.faultPoint?.('documents-renamed');
    });
    try {
      commitWithFiles();
    } catch (error) {
      for (const to of renamed) await rm(to, { force: true });
      if (error instanceof Rejection) throw error;
      throw new WriteFailure(`${label}: could not store round "${roundId}" in the workstation (nothing was changed)`, error);
    }
    for (const shard of new Set(renamed.map((to) => path.dirname(to)))) await syncDir(shard);
    for (const sha256 of obsolete) await rm(documentFile(documentsDir, sha256), { force: true });
    return {
      ...base,
      outcome: decision === 'new' ? 'imported' : 'replaced',
      keptSheets: changes.kept,
      reopened: changes.reopened,
      removedWithSheets: changes.removedWithSheets,
    };
  } finally {
    if (incoming !== undefined) await rm(incoming, { recursive: true, force: true });
  }
}

/** After a refused first import, removes what opening the workstation created. */
async function undoCreation(dataDir: string, before: { dirExisted: boolean; dbExisted: boolean; docsExisted: boolean }): Promise<void> {
  if (!before.dirExisted) {
    await rm(dataDir, { recursive: true, force: true });
    return;
  }
  if (!before.dbExisted) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) await rm(path.join(dataDir, DATABASE_FILE + suffix), { force: true });
  }
  if (!before.docsExisted) await rm(path.join(dataDir, DOCUMENTS_DIR), { recursive: true, force: true });
}

