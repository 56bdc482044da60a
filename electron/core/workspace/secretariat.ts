// The secretariat's merges, kept in the workstation database: the bundle's signed manifest and
// the collected score files as exact bytes (so every view re-verifies them), and the chair's
// decisions beside the computed result.
import { randomBytes, createHash } from 'node:crypto';
import path from 'node:path';
import type { DecisionInput, FileToSave, MergeSheetView, MergeSummary, MergeView } from '../../../shared/api/contract';
import type { AggregationMethod } from '../../../shared/merge';
import { openBundle, verifyManifest, type VerifiedManifest } from '../bundle/read-bundle';
import { mergeVerified, type MergeRun } from '../merge/run-merge';
import type { Decision } from '../report/conclusion-html';
import { conclusionHtml } from '../report/conclusion-html';
import { publicNoticeHtml, publicNoticeXlsx } from '../report/public-notice';
import { summaryWorkbook } from '../report/summary-xlsx';
import type { Db } from '../store/database';
import { NotFoundError, RequestError } from './errors';

export type PrintPdf = (html: string, options: { title: string; confidential: boolean }) => Promise<Buffer>;

const MAX_SCORE_FILE = 64 * 1024 * 1024;

interface MergeRow {
  id: string;
  title: string;
  manifest: Buffer;
  created_at: string;
}

export class Secretariat {
  constructor(private readonly db: Db, private readonly appVersion: string, private readonly printPdf: PrintPdf) {}

  list(): MergeSummary[] {
    return (this.db.prepare('SELECT m.id, m.round_id, m.title, m.bundle_version, m.created_at, (SELECT count(*) FROM merge_files f WHERE f.merge_id = m.id) AS files FROM merges m ORDER BY m.created_at DESC').all() as {
      id: string; round_id: string; title: string; bundle_version: number; created_at: string; files: number;
    }[]).map((row) => ({ mergeId: row.id, roundId: row.round_id, title: row.title, bundleVersion: row.bundle_version, files: row.files, createdAt: row.created_at }));
  }

  async create(file: string, label: string): Promise<string> {
    const bundle = await openBundle(file, {}, label);
    bundle.close();
    const mergeId = randomBytes(16).toString('hex');
    this.db.prepare('INSERT INTO merges (id, round_id, title, bundle_id, bundle_version, manifest_sha256, manifest, issuer_fingerprint, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      mergeId, bundle.payload.round.id, bundle.payload.round.title, bundle.payload.bundleId, bundle.payload.bundleVersion, bundle.manifestSha256, bundle.manifestBytes, bundle.issuerFingerprint, new Date().toISOString(),
    );
    return mergeId;
  }

  private row(mergeId: string): MergeRow {
    const row = this.db.prepare('SELECT id, title, manifest, created_at FROM merges WHERE id = ?').get(mergeId) as MergeRow | undefined;
    if (row === undefined) throw new NotFoundError(`no merge ${mergeId}`);
    return row;
  }

  private manifest(mergeId: string): VerifiedManifest {
    const row = this.row(mergeId);
    return verifyManifest(row.manifest, `${row.title} (manifest.json)`);
  }

  /** Adds score files by their bytes; a second file with the same name but other content gets a numbered name. */
  addFile(mergeId: string, name: string, bytes: Buffer): void {
    this.row(mergeId);
    if (bytes.length > MAX_SCORE_FILE) throw new RequestError('too-large', `${name}: a score file of ${bytes.length} bytes is too large`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const base = path.basename(name);
    let candidate = base;
    for (let n = 2; ; n++) {
      const existing = this.db.prepare('SELECT sha256 FROM merge_files WHERE merge_id = ? AND name = ?').pluck().get(mergeId, candidate) as string | undefined;
      if (existing === undefined) break;
      if (existing === sha256) return;
      candidate = base.replace(/(\.[^.]*)?$/, (ext) => ` (${n})${ext}`);
    }
    this.db.prepare('INSERT INTO merge_files (merge_id, name, sha256, bytes, added_at) VALUES (?, ?, ?, ?, ?)').run(mergeId, candidate, sha256, bytes, new Date().toISOString());
  }

  removeFile(mergeId: string, name: string): void {
    this.db.prepare('DELETE FROM merge_files WHERE merge_id = ? AND name = ?').run(mergeId, name);
  }

  delete(mergeId: string): boolean {
    return this.db.prepare('DELETE FROM merges WHERE id = ?').run(mergeId).changes > 0;
  }

  async run(mergeId: string, method?: AggregationMethod): Promise<MergeRun> {
    const bundle = this.manifest(mergeId);
    const rows = this.db.prepare('SELECT name, bytes FROM merge_files WHERE merge_id = ?').all(mergeId) as { name: string; bytes: Buffer }[];
    return mergeVerified({ bundle, inputs: rows.map((row) => ({ file: row.name, read: async () => row.bytes })), ...(method !== undefined ? { method } : {}), appVersion: this.appVersion });
  }

  decisions(mergeId: string): (Decision & { updatedAt: string } & DecisionInput)[] {
    return (this.db.prepare('SELECT category_id, applicant_id, data, updated_at FROM decisions WHERE merge_id = ? ORDER BY category_id, applicant_id').all(mergeId) as { category_id: string; applicant_id: string; data: string; updated_at: string }[]).map((row) => ({
      categoryId: row.category_id,
      applicantId: row.applicant_id,
      updatedAt: row.updated_at,
      ...(JSON.parse(row.data) as DecisionInput),
    }));
  }

  /** Saves (or with null clears) a decision. A changed award needs a reason. */
  decide(mergeId: string, categoryId: string, applicantId: string, decision: DecisionInput | null): { updatedAt: string } {
    const { payload } = this.manifest(mergeId);
    const category = payload.categories.find((candidate) => candidate.id === categoryId);
    if (category === undefined || !payload.applicants.some((applicant) => applicant.id === applicantId && applicant.category === categoryId)) {
      throw new NotFoundError(`applicant "${applicantId}" is not in category "${categoryId}"`);
    }
    if (decision !== null && decision.award !== undefined) {
      const award = category.award;
      const labels = award === undefined ? [] : award.type === 'tiers' ? award.tiers.map((tier) => tier.label) : award.type === 'bands' ? award.bands.map((band) => band.label) : award.levels.map((level) => level.label);
      if (decision.award !== null && !labels.includes(decision.award)) throw new RequestError('unknown-award', `"${decision.award}" is not an award of category "${category.title}" (${labels.join('、')})`);
      if (decision.reason.trim() === '') throw new RequestError('reason-required', 'a change of award needs a reason');
    }
    const updatedAt = new Date().toISOString();
    if (decision === null) {
      this.db.prepare('DELETE FROM decisions WHERE merge_id = ? AND category_id = ? AND applicant_id = ?').run(mergeId, categoryId, applicantId);
      return { updatedAt };
    }
    this.db.prepare(
      `INSERT INTO decisions (merge_id, category_id, applicant_id, data, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (merge_id, category_id, applicant_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
    ).run(mergeId, categoryId, applicantId, JSON.stringify(decision), updatedAt);
    return { updatedAt };
  }

  async view(mergeId: string, method?: AggregationMethod): Promise<MergeView> {
    const run = await this.run(mergeId, method);
    const { payload, results } = run;
    return {
      mergeId,
      roundId: results.roundId,
      title: results.roundTitle,
      bundleVersion: results.bundleVersion,
      confidential: payload.round.confidential === true,
      method: results.method,
      files: results.files.map(({ file, status, reason, expertId, revision, final, sha256, fingerprint }) => ({ file, status, reason, expertId, revision, final, sha256, fingerprint })),
      experts: results.experts.map(({ id, name, status, revision, fingerprint, unregisteredKey, missingSheets }) => ({ id, name, status, revision, fingerprint, unregisteredKey, missingSheets })),
      categories: results.categories.map((category) => {
        const definition = payload.categories.find((candidate) => candidate.id === category.id);
        const award = definition?.award;
        const awardLabels = award === undefined ? [] : award.type === 'tiers' ? award.tiers.map((tier) => tier.label) : award.type === 'bands' ? award.bands.map((band) => band.label) : award.levels.map((level) => level.label);
        return { ...category, rubricId: definition?.rubric ?? '', awardLabels };
      }),
      rubrics: payload.rubrics,
      decisions: this.decisions(mergeId),
    };
  }

  async sheets(mergeId: string, applicantId: string): Promise<MergeSheetView[]> {
    const run = await this.run(mergeId);
    return [...run.sheets.values()].flatMap((file) =>
      file.sheets
        .filter((sheet) => sheet.applicantId === applicantId)
        .map((sheet) => ({ expertId: file.expertId, conflict: sheet.conflict, conflictReason: sheet.conflictReason, scores: sheet.scores, checks: sheet.checks, total: sheet.total, comment: sheet.comment, criterionComments: sheet.criterionComments })),
    ).sort((a, b) => (a.expertId < b.expertId ? -1 : 1));
  }

  async export(mergeId: string, kind: 'results' | 'summary' | 'conclusion-html' | 'conclusion-pdf' | 'notice-pdf' | 'notice-xlsx', chairName?: string): Promise<FileToSave> {
    const run = await this.run(mergeId);
    const decisions = this.decisions(mergeId);
    const base = run.results.roundId;
    const confidential = run.payload.round.confidential === true;
    const html = () => conclusionHtml(run, { decisions, ...(chairName !== undefined ? { chairName } : {}) });
    switch (kind) {
      case 'results':
        return file(`${base}-results.json`, 'application/json', Buffer.from(`${JSON.stringify(run.results, null, 2)}\n`));
      case 'summary':
        return file(`${base}-汇总表.xlsx`, XLSX, await summaryWorkbook(run));
      case 'conclusion-html':
        return file(`${base}-评审结论.html`, 'text/html', Buffer.from(html()));
      case 'conclusion-pdf':
        return file(`${base}-评审结论.pdf`, 'application/pdf', await this.printPdf(html(), { title: `${run.results.roundTitle}评审结论`, confidential }));
      case 'notice-pdf':
        return file(`${base}-公示名单.pdf`, 'application/pdf', await this.printPdf(publicNoticeHtml(run, decisions), { title: `${run.results.roundTitle}拟表彰名单公示`, confidential: false }));
      case 'notice-xlsx':
        return file(`${base}-公示名单.xlsx`, XLSX, await publicNoticeXlsx(run, decisions));
    }
  }
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function file(fileName: string, mimeType: string, bytes: Buffer): FileToSave {
  return { fileName, mimeType, base64: bytes.toString('base64') };
}
