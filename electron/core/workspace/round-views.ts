// What the workspace screens show of imported rounds, read from the database.
import type { ApplicantRow, ApplicantView, BindingView, RoundSummary, RoundView } from '../../../shared/api/contract';
import type { BundlePayload } from '../../../shared/bundle/manifest';
import { toNumber } from '../../../shared/exact';
import { applicantRubric, assignedApplicants } from '../../../shared/round/lookup';
import type { Db } from '../store/database';
import { listRounds, storedPayload } from '../store/round-repository';
import { findIssuer } from '../store/trust-store';
import { NotFoundError } from './errors';
import { evaluateStoredSheet, loadSheet, loadSheets } from './sheets';

const FINISHED = new Set(['complete', 'conflict', 'ineligible']);

export function payloadOf(db: Db, roundId: string): BundlePayload {
  const payload = storedPayload(db, roundId);
  if (payload === undefined) throw new NotFoundError(`round "${roundId}" is not on this workstation`);
  return payload;
}

/** The applicants the bound expert scores (all of them before the expert is bound). */
function visibleApplicants(payload: BundlePayload, binding: BindingView | undefined) {
  return binding?.state === 'bound' ? assignedApplicants(payload, binding.expertId) : payload.applicants;
}

function applicantRows(db: Db, payload: BundlePayload, binding?: BindingView): ApplicantRow[] {
  const sheets = loadSheets(db, payload.round.id);
  return visibleApplicants(payload, binding).map((applicant) => {
    const row = sheets.get(applicant.id);
    const rubric = applicantRubric(payload, applicant.id);
    const evaluation = rubric === undefined ? undefined : evaluateStoredSheet(row, rubric, applicant.id);
    const status = evaluation?.status ?? 'not-started';
    return {
      id: applicant.id,
      name: applicant.name,
      categoryId: applicant.category,
      status,
      reopened: row?.reopened_reason != null,
      total: evaluation === undefined || status === 'not-started' || status === 'conflict' ? null : toNumber(evaluation.total),
      updatedAt: row?.updated_at ?? null,
    };
  });
}

function summaryOf(db: Db, payload: BundlePayload, rows: ApplicantRow[]): RoundSummary {
  const issuer = findIssuer(db, payloadIssuerFingerprint(db, payload.round.id));
  return {
    id: payload.round.id,
    title: payload.round.title,
    ...(payload.round.organizer !== undefined ? { organizer: payload.round.organizer } : {}),
    ...(payload.round.stage !== undefined ? { stage: payload.round.stage } : {}),
    ...(payload.round.scoringCloses !== undefined ? { scoringCloses: payload.round.scoringCloses } : {}),
    confidential: payload.round.confidential === true,
    bundleVersion: payload.bundleVersion,
    issuer: { name: payload.issuer.name, fingerprint: issuer?.fingerprint ?? '', trust: issuer?.trustedHow ?? 'unknown' },
    applicants: rows.length,
    finished: rows.filter((row) => FINISHED.has(row.status) && !row.reopened).length,
  };
}

function payloadIssuerFingerprint(db: Db, roundId: string): string {
  return (db.prepare('SELECT issuer_fingerprint FROM rounds WHERE id = ?').pluck().get(roundId) as string | undefined) ?? '';
}

export function listRoundSummaries(db: Db): RoundSummary[] {
  return listRounds(db).map((round) => {
    const payload = payloadOf(db, round.id);
    return summaryOf(db, payload, applicantRows(db, payload));
  });
}

export function roundView(db: Db, roundId: string, bindingOf: (payload: BundlePayload) => BindingView): RoundView {
  const payload = payloadOf(db, roundId);
  const binding = bindingOf(payload);
  const rows = applicantRows(db, payload, binding);
  return {
    summary: summaryOf(db, payload, rows),
    binding,
    rubrics: payload.rubrics,
    categories: payload.categories.filter((category) => rows.some((row) => row.categoryId === category.id) || binding.state !== 'bound').map((category) => {
      const mine = rows.filter((row) => row.categoryId === category.id);
      return {
        id: category.id,
        title: category.title,
        rubricId: category.rubric,
        applicants: mine.length,
        finished: mine.filter((row) => FINISHED.has(row.status) && !row.reopened).length,
      };
    }),
    applicants: rows,
  };
}

interface DocumentRow {
  position: number;
  path: string;
  title: string;
  sha256: string;
  sections: string;
  size: number;
}

export function applicantView(db: Db, roundId: string, applicantId: string, bindingOf: (payload: BundlePayload) => BindingView): ApplicantView {
  const payload = payloadOf(db, roundId);
  const visible = visibleApplicants(payload, bindingOf(payload));
  const index = visible.findIndex((applicant) => applicant.id === applicantId);
  const applicant = visible[index];
  const rubric = applicantRubric(payload, applicantId);
  if (applicant === undefined || rubric === undefined) throw new NotFoundError(`applicant "${applicantId}" is not in round "${roundId}" or not assigned to you`);
  const category = payload.categories.find((candidate) => candidate.id === applicant.category);
  const documents = db
    .prepare(
      `SELECT d.position, d.path, d.title, d.sha256, d.sections, s.size FROM applicant_documents d JOIN documents s ON s.sha256 = d.sha256
       WHERE d.round_id = ? AND d.applicant_id = ? ORDER BY d.position`,
    )
    .all(roundId, applicantId) as DocumentRow[];
  return {
    roundId,
    applicant: { id: applicant.id, name: applicant.name, categoryId: applicant.category, categoryTitle: category?.title ?? applicant.category, facts: applicant.facts ?? {} },
    rubric,
    documents: documents.map((row) => ({ id: row.sha256, position: row.position, title: row.title, path: row.path, size: row.size, sections: JSON.parse(row.sections) as { title: string; page: number }[] })),
    sheet: loadSheet(db, roundId, applicantId, rubric),
    previousId: visible[index - 1]?.id ?? null,
    nextId: visible[index + 1]?.id ?? null,
  };
}

/** The stored file of a document id, when some round on this workstation lists it. */
export function knownDocument(db: Db, documentId: string): { sha256: string; size: number } | undefined {
  if (!/^[0-9a-f]{64}$/.test(documentId)) return undefined;
  return db.prepare('SELECT sha256, size FROM documents WHERE sha256 = ?').get(documentId) as { sha256: string; size: number } | undefined;
}
