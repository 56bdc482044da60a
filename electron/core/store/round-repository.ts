// Rows of an imported round: what the import writes and what re-import compares against.
import type { BundlePayload } from '../../../shared/bundle/manifest';
import type { Rubric } from '../../../shared/round/schema';
import { canonicalJson } from '../signing/canonical-json';
import type { Db } from './database';

export interface StoredRound {
  id: string;
  title: string;
  bundleId: string;
  bundleVersion: number;
  manifestSha256: string;
  issuerFingerprint: string;
}

export function findRound(db: Db, roundId: string): StoredRound | undefined {
  return db
    .prepare(
      `SELECT id, title, bundle_id AS bundleId, bundle_version AS bundleVersion, manifest_sha256 AS manifestSha256,
              issuer_fingerprint AS issuerFingerprint FROM rounds WHERE id = ?`,
    )
    .get(roundId) as StoredRound | undefined;
}

export function listRounds(db: Db): StoredRound[] {
  return db
    .prepare(
      `SELECT id, title, bundle_id AS bundleId, bundle_version AS bundleVersion, manifest_sha256 AS manifestSha256,
              issuer_fingerprint AS issuerFingerprint FROM rounds ORDER BY imported_at, id`,
    )
    .all() as StoredRound[];
}

/** What a sheet depends on: the applicant's documents (by content) and its rubric. */
export function applicantFingerprints(payload: BundlePayload): Map<string, { documents: string; rubric: string }> {
  const files = new Map(payload.files.map((file) => [file.path, file.sha256]));
  const rubricOfCategory = new Map(
    payload.categories.map((category) => [category.id, payload.rubrics.find((rubric) => rubric.id === category.rubric)]),
  );
  const result = new Map<string, { documents: string; rubric: string }>();
  for (const applicant of payload.applicants) {
    result.set(applicant.id, {
      documents: applicant.documents.map((document) => files.get(document.path)).join(','),
      rubric: canonicalJson(rubricOfCategory.get(applicant.category) ?? null),
    });
  }
  return result;
}

export function storedPayload(db: Db, roundId: string): BundlePayload | undefined {
  const row = db.prepare('SELECT payload FROM rounds WHERE id = ?').pluck().get(roundId) as string | undefined;
  return row === undefined ? undefined : (JSON.parse(row) as BundlePayload);
}

/** Writes (or rewrites, keeping the round row and its sheets) everything the payload defines. */
export function writeRound(db: Db, payload: BundlePayload, manifestSha256: string, issuerFingerprint: string, now: string): void {
  const roundId = payload.round.id;
  db.prepare(
    `INSERT INTO rounds (id, title, bundle_id, bundle_version, manifest_sha256, issuer_fingerprint, issued_at, payload, imported_at)
     VALUES (@id, @title, @bundleId, @bundleVersion, @manifestSha256, @issuer, @issuedAt, @payload, @now)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, bundle_id = excluded.bundle_id,
       bundle_version = excluded.bundle_version, manifest_sha256 = excluded.manifest_sha256,
       issuer_fingerprint = excluded.issuer_fingerprint, issued_at = excluded.issued_at,
       payload = excluded.payload, imported_at = excluded.imported_at`,
  ).run({
    id: roundId,
    title: payload.round.title,
    bundleId: payload.bundleId,
    bundleVersion: payload.bundleVersion,
    manifestSha256,
    issuer: issuerFingerprint,
    issuedAt: payload.issuedAt,
    payload: canonicalJson(payload),
    now,
  });
  for (const table of ['applicant_documents', 'applicants', 'categories', 'rubrics', 'experts']) {
    db.prepare(`DELETE FROM ${table} WHERE round_id = ?`).run(roundId);
  }
  const insertRubric = db.prepare('INSERT INTO rubrics (round_id, id, title, definition) VALUES (?, ?, ?, ?)');
  for (const rubric of payload.rubrics as Rubric[]) insertRubric.run(roundId, rubric.id, rubric.title, canonicalJson(rubric));
  const insertCategory = db.prepare('INSERT INTO categories (round_id, id, title, rubric_id, position, definition) VALUES (?, ?, ?, ?, ?, ?)');
  for (const [position, category] of payload.categories.entries()) {
    insertCategory.run(roundId, category.id, category.title, category.rubric, position, canonicalJson(category));
  }
  const sizes = new Map(payload.files.map((file) => [file.path, file]));
  const insertDocument = db.prepare('INSERT INTO documents (sha256, size) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING');
  const insertApplicant = db.prepare('INSERT INTO applicants (round_id, id, name, category_id, position, definition) VALUES (?, ?, ?, ?, ?, ?)');
  const insertLink = db.prepare(
    'INSERT INTO applicant_documents (round_id, applicant_id, position, path, title, sha256, sections) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const [position, applicant] of payload.applicants.entries()) {
    insertApplicant.run(roundId, applicant.id, applicant.name, applicant.category, position, canonicalJson(applicant));
    for (const [index, document] of applicant.documents.entries()) {
      const file = sizes.get(document.path);
      if (file === undefined) throw new Error(`manifest lists no file for ${document.path}`);
      insertDocument.run(file.sha256, file.size);
      insertLink.run(roundId, applicant.id, index, document.path, document.title, file.sha256, canonicalJson(document.sections ?? []));
    }
  }
  const insertExpert = db.prepare('INSERT INTO experts (round_id, id, name, public_key, assigned) VALUES (?, ?, ?, ?, ?)');
  for (const expert of payload.experts) {
    insertExpert.run(roundId, expert.id, expert.name, expert.publicKey ?? null, canonicalJson(expert.assigned));
  }
}
