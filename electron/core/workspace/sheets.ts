// The expert's sheets: the draft as typed, saved on every change; status derived by the rules.
import type { SheetRecord, SheetSaved } from '../../../shared/api/contract';
import { toNumber } from '../../../shared/exact';
import type { Rubric } from '../../../shared/round/schema';
import { emptyDraft, evaluateDraft, sheetDraftSchema, type SheetDraft } from '../../../shared/sheet/draft';
import { canonicalJson } from '../signing/canonical-json';
import type { Db } from '../store/database';
import { WriteFailure } from '../write-failure';

interface SheetRow {
  data: string;
  reopened_reason: string | null;
  updated_at: string;
}

function parseDraft(data: string): SheetDraft {
  const parsed = sheetDraftSchema.safeParse(JSON.parse(data));
  return parsed.success ? parsed.data : emptyDraft();
}

export function loadSheet(db: Db, roundId: string, applicantId: string, rubric: Rubric): SheetRecord | null {
  const row = db.prepare('SELECT data, reopened_reason, updated_at FROM sheets WHERE round_id = ? AND applicant_id = ?').get(roundId, applicantId) as SheetRow | undefined;
  if (row === undefined) return null;
  const draft = parseDraft(row.data);
  return { draft, status: evaluateDraft(rubric, applicantId, draft).status, reopenedReason: row.reopened_reason, updatedAt: row.updated_at };
}

/** Every sheet of a round: applicant id → record (for the applicant list). */
export function loadSheets(db: Db, roundId: string): Map<string, SheetRow> {
  const rows = db.prepare('SELECT applicant_id, data, reopened_reason, updated_at FROM sheets WHERE round_id = ?').all(roundId) as (SheetRow & { applicant_id: string })[];
  return new Map(rows.map((row) => [row.applicant_id, row]));
}

export function evaluateStoredSheet(row: SheetRow | undefined, rubric: Rubric, applicantId: string) {
  return evaluateDraft(rubric, applicantId, row === undefined ? emptyDraft() : parseDraft(row.data));
}

/** Saves the draft as typed (one statement, durable on return); a reopened sheet counts as looked at. */
export function saveSheet(db: Db, roundId: string, applicantId: string, rubric: Rubric, draft: SheetDraft, now = new Date()): SheetSaved {
  const evaluation = evaluateDraft(rubric, applicantId, draft);
  const updatedAt = now.toISOString();
  try {
    db.prepare(
      `INSERT INTO sheets (round_id, applicant_id, status, data, updated_at, reopened_reason) VALUES (?, ?, ?, ?, ?, NULL)
       ON CONFLICT (round_id, applicant_id) DO UPDATE SET status = excluded.status, data = excluded.data, updated_at = excluded.updated_at, reopened_reason = NULL`,
    ).run(roundId, applicantId, evaluation.sheet !== undefined ? 'complete' : 'draft', canonicalJson(draft), updatedAt);
  } catch (error) {
    // One statement: nothing of this save was written, the previous draft stands.
    throw new WriteFailure(`could not save the sheet of applicant "${applicantId}" in round "${roundId}" (the previous save is kept)`, error);
  }
  return { status: evaluation.status, total: toNumber(evaluation.total), updatedAt, problems: evaluation.problems };
}
