// The one API contract between the renderer and its host (Electron IPC, the local web host, or
// direct calls in tests): each call's channel, request schema (validated by the host) and result
// type. The renderer never knows which host answers.
import { z } from 'zod';
import type { RoundDefinition, Rubric } from '../round/schema';
import { sheetDraftSchema, type SheetDraft, type SheetStatus } from '../sheet/draft';
import type { Problem } from '../problem';
import type { RankedApplicant } from '../merge/types';

const id = z.string().min(1).max(200);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** Where a bundle to open comes from: a path (Electron: dialog or drop) or an upload (web host). */
export const bundleSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('path'), path: z.string().min(1).max(4096) }),
  z.strictObject({ kind: z.literal('upload'), uploadId: z.string().regex(/^[0-9a-f]{32}$/) }),
]);
export type BundleSource = z.infer<typeof bundleSourceSchema>;

export interface AppInfo {
  version: string;
  host: 'electron' | 'web';
  dataDir: string;
}

export interface IssuerView {
  name: string;
  fingerprint: string;
  trust: 'first-use' | 'pinned' | 'unknown';
}

export interface RoundSummary {
  id: string;
  title: string;
  organizer?: string;
  stage?: string;
  scoringCloses?: string;
  confidential: boolean;
  bundleVersion: number;
  issuer: IssuerView;
  applicants: number;
  finished: number;
}

export interface BundlePreview {
  openId: string;
  fileName: string;
  roundId: string;
  title: string;
  bundleVersion: number;
  issuedAt: string;
  issuer: IssuerView;
  /** The version already imported on this workstation, if any. */
  importedVersion?: number;
  categories: { id: string; title: string; applicants: number }[];
  applicants: number;
  experts: number;
  documents: number;
  bytes: number;
}

export interface ImportSummary {
  outcome: 'imported' | 'replaced' | 'unchanged';
  roundId: string;
  bundleVersion: number;
  previousVersion?: number;
  documents: number;
  bytes: number;
  keptSheets: number;
  reopened: { applicantId: string; reason: string }[];
}

export interface ApiErrorBody {
  code: string;
  message: string;
  file?: string;
  entry?: string;
  /** Every problem; those of the round builder also carry their code, row and column or file, and one-line `text`. */
  problems?: (Problem & Partial<Omit<BuildProblemView, keyof Problem>>)[];
}

export interface JobView<T> {
  jobId: string;
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  result?: T;
  error?: ApiErrorBody;
}

export interface CategoryView {
  id: string;
  title: string;
  rubricId: string;
  applicants: number;
  finished: number;
}

export interface ApplicantRow {
  id: string;
  name: string;
  categoryId: string;
  status: SheetStatus;
  /** The sheet was reopened by a re-issued bundle and needs the expert's look (需复核). */
  reopened: boolean;
  total: number | null;
  updatedAt: string | null;
}

export interface IdentityView {
  exists: boolean;
  name?: string;
  fingerprint?: string;
  publicKey?: string;
}

/** Who this workstation's expert is in a round. */
export type BindingView =
  | { state: 'no-identity' }
  | { state: 'bound'; expertId: string; expertName: string; how: 'roster-key' | 'chosen' }
  | { state: 'choose'; candidates: { id: string; name: string }[]; othersKeyed: { id: string; name: string }[] };

export interface ExportRecord {
  revision: number;
  final: boolean;
  createdAt: string;
  fileName: string;
  sha256: string;
  sheets: number;
  bundleVersion: number;
}

export interface ExportStatus {
  /** Assigned applicants whose sheet is not finished (未开始, 草稿, 需复核). */
  incomplete: { applicantId: string; name: string; status: SheetStatus; reopened: boolean }[];
  finished: number;
  assigned: number;
  nextRevision: number;
  /** Sheets changed since the last export (they go into the next revision). */
  changedSinceExport: number;
  history: ExportRecord[];
}

/** A small file the renderer saves (score file, public identity, key backup, blank XLSX). */
export const fileToSaveSchema = z.strictObject({ fileName: z.string().min(1).max(300), mimeType: z.string().max(200), base64: z.string().max(60_000_000) });
export type FileToSave = z.infer<typeof fileToSaveSchema>;

/** The panel's decision on one applicant, beside the computed result (which is never overwritten). */
export const decisionSchema = z.strictObject({
  /** Present when the panel changes the award: the new award label, or null for no award. */
  award: z.string().max(100).nullable().optional(),
  reason: z.string().max(5000),
  opinion: z.string().max(20_000),
  dissent: z.array(z.strictObject({ expertId: z.string().max(200), text: z.string().max(5000) })).max(100),
});
export type DecisionInput = z.infer<typeof decisionSchema>;

export interface MergeSummary {
  mergeId: string;
  roundId: string;
  title: string;
  bundleVersion: number;
  files: number;
  createdAt: string;
}

export interface MergeFileView {
  file: string;
  status: 'used' | 'superseded' | 'rejected';
  reason: string | null;
  expertId: string | null;
  revision: number | null;
  final: boolean | null;
  sha256: string | null;
  fingerprint: string | null;
}

export interface MergeExpertView {
  id: string;
  name: string;
  status: 'used' | 'missing';
  revision: number | null;
  fingerprint: string | null;
  unregisteredKey: boolean;
  missingSheets: string[];
}

/** One applicant of a merged category, as the merge core computes it (FORMATS §5, §6). */
export type MergeApplicantView = RankedApplicant;

export interface MergeCategoryView {
  id: string;
  title: string;
  rubricId: string;
  method: 'mean' | 'trimmed-mean' | 'median' | 'zscore';
  fullMarks: number;
  awardLabels: string[];
  ranking: MergeApplicantView[];
  agreement: { kendallW: number | null; icc: number | null; experts: number; applicants: number };
}

export interface MergeView {
  mergeId: string;
  roundId: string;
  title: string;
  bundleVersion: number;
  confidential: boolean;
  method: string;
  files: MergeFileView[];
  experts: MergeExpertView[];
  categories: MergeCategoryView[];
  rubrics: Rubric[];
  decisions: ({ categoryId: string; applicantId: string; updatedAt: string } & DecisionInput)[];
}

/** An expert's sheet for one applicant, for the drill-down matrix. */
export interface MergeSheetView {
  expertId: string;
  conflict: boolean;
  conflictReason: string;
  scores: Record<string, number>;
  checks: Record<string, boolean>;
  total: number;
  comment: string;
  criterionComments: Record<string, string>;
}

export interface RoundView {
  summary: RoundSummary;
  binding: BindingView;
  categories: CategoryView[];
  rubrics: Rubric[];
  applicants: ApplicantRow[];
}

export interface DocumentView {
  /** The document's SHA-256: its id in the store and in URLs. */
  id: string;
  position: number;
  title: string;
  path: string;
  size: number;
  sections: { title: string; page: number }[];
}

export interface SheetRecord {
  draft: SheetDraft;
  status: SheetStatus;
  reopenedReason: string | null;
  updatedAt: string;
}

export interface ApplicantView {
  roundId: string;
  applicant: { id: string; name: string; categoryId: string; categoryTitle: string; facts: Record<string, unknown> };
  rubric: Rubric;
  documents: DocumentView[];
  sheet: SheetRecord | null;
  /** Neighbours in list order, for previous/next. */
  previousId: string | null;
  nextId: string | null;
}

export interface SheetSaved {
  status: SheetStatus;
  total: number;
  updatedAt: string;
  problems: Problem[];
}

export interface SearchHit {
  applicantId: string;
  applicantName: string;
  documentId: string;
  documentTitle: string;
  documentPosition: number;
  page: number;
  snippet: { before: string; match: string; after: string };
}

export interface SearchStatus {
  total: number;
  /** Documents whose extraction has finished, successfully or not (`failed` of them). */
  done: number;
  failed: number;
  running: boolean;
}

// ── The secretariat's round builder (rounds in preparation on this computer) ──

/** The round's own information, as the secretariat types it. */
export const roundInfoSchema = z.strictObject({
  id: z.string().max(200),
  title: z.string().max(500),
  organizer: z.string().max(500).optional(),
  stage: z.string().max(200).optional(),
  scoringCloses: z.string().max(40).optional(),
  confidential: z.boolean().optional(),
});
export type RoundInfoInput = z.infer<typeof roundInfoSchema>;

/** A small text file the user chose (a .pub or .key file): its name for messages, and its text. */
const chosenText = z.strictObject({ fileName: z.string().min(1).max(300), text: z.string().min(1).max(100_000) });

/** Where new applicants come from: a list (.xlsx/.csv) or the files of a chosen folder (path below it). */
/** The files of a chosen folder, each with its path below it, and the folder's name for messages. */
const chosenFolder = {
  name: z.string().max(300).optional(),
  files: z.array(z.strictObject({ path: z.string().min(1).max(1000), source: bundleSourceSchema })).min(1).max(20_000),
};

export const applicantsFromSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('list'), source: bundleSourceSchema }),
  z.strictObject({ kind: z.literal('folder'), ...chosenFolder }),
]);

export const expertsFromSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('list'), source: bundleSourceSchema }),
  z.strictObject({
    kind: z.literal('entries'),
    experts: z
      .array(z.strictObject({ id: z.string().max(200).optional(), name: z.string().max(100).optional(), pub: chosenText.optional(), assigned: z.array(z.string().max(200)).max(10_000).optional() }))
      .min(1)
      .max(500),
  }),
]);

export interface TemplateView {
  id: string;
  title: string;
  titleEn?: string;
  source?: string;
  categories: { id: string; title: string }[];
}

/** A problem of the round being built, pointing at the row and column, file or field to fix. */
export interface BuildProblemView extends Problem {
  code: string;
  /** The problem in one line, with its row and column or file (`第 3 行，"类别" 列：…`). */
  text: string;
  file?: string;
  row?: number;
  column?: string;
  field?: string;
}

export interface PackRecord {
  bundleId: string;
  bundleVersion: number;
  fileName: string;
  bytes: number;
  documents: number;
  manifestSha256: string;
  issuer: { name: string; fingerprint: string };
  createdAt: string;
}

export interface DraftSummary {
  draftId: string;
  roundId: string;
  title: string;
  templateTitle: string | null;
  applicants: number;
  experts: number;
  ready: boolean;
  updatedAt: string;
  lastPack: PackRecord | null;
}

export interface FactSpecView {
  key: string;
  label?: string;
  unit?: string;
  kind?: 'number' | 'boolean';
}

/** A value the source document does not give, suggested by the template (FORMATS: `template`). */
export interface ExampleValueView {
  /** `weight` (a criterion's points) or `setting` (a value of the round's categories). */
  kind: 'weight' | 'setting';
  /** The criterion id or the JSON path: what `builder.setExample` takes. */
  key: string;
  /** In the secretariat's words: `项目基本情况`, `智慧泉城创新应用大赛 · 三等奖最低分数`. */
  label: string;
  value: number | null;
  /** A criterion's step: its points must be a multiple of it. */
  step?: number;
  /** Where the value is in round.json. */
  path: string;
}

export interface DraftView {
  draftId: string;
  /** The round folder on disk (round.json and the documents): `reviewdesk round check` and `pack` take it too. */
  folder: string;
  round: RoundDefinition;
  template: { id: string | null; title: string | null; notes: string[] } | null;
  facts: FactSpecView[];
  /** The template's example values still to be confirmed or changed. */
  examples: ExampleValueView[];
  check: {
    ok: boolean;
    problems: BuildProblemView[];
    warnings: BuildProblemView[];
    categories: { id: string; title: string; applicants: number; experts: number }[];
    documents: number;
    expertsWithKey: number;
  };
  packs: PackRecord[];
}

export interface DraftChange {
  view: DraftView;
  /** Applicants or experts added by this change, in order. */
  added: string[];
  /** Applicants already in the round that got documents from a folder. */
  extended: string[];
}

export interface NewKeyPair {
  fingerprint: string;
  key: FileToSave;
  pub: FileToSave;
}

const none = z.strictObject({});

/** channel → request schema. Results are typed in `ApiResults`. */
export const apiRequests = {
  'app.info': none,
  'rounds.list': none,
  'bundle.open': z.strictObject({ source: bundleSourceSchema }),
  'bundle.import': z.strictObject({ openId: z.string().regex(/^[0-9a-f]{32}$/), confirmIssuer: z.string().max(100).optional() }),
  'bundle.discard': z.strictObject({ openId: z.string().regex(/^[0-9a-f]{32}$/) }),
  'job.get': z.strictObject({ jobId: z.string().regex(/^[0-9a-f]{32}$/) }),
  'round.get': z.strictObject({ roundId: id }),
  'applicant.get': z.strictObject({ roundId: id, applicantId: id }),
  'sheet.save': z.strictObject({ roundId: id, applicantId: id, draft: sheetDraftSchema }),
  'search.query': z.strictObject({ roundId: id, query: z.string().min(1).max(200) }),
  'search.status': z.strictObject({ roundId: id }),
  'identity.status': none,
  'identity.create': z.strictObject({ name: z.string().trim().min(1).max(100), passphrase: z.string().min(8).max(1024) }),
  'identity.changePassphrase': z.strictObject({ current: z.string().min(1).max(1024), next: z.string().min(8).max(1024) }),
  'identity.exportPublic': none,
  'identity.backup': none,
  'identity.restore': z.strictObject({ content: z.string().min(1).max(100_000), passphrase: z.string().min(1).max(1024), fileName: z.string().max(300).optional() }),
  'round.bind': z.strictObject({ roundId: id, expertId: id }),
  'scores.status': z.strictObject({ roundId: id }),
  'scores.export': z.strictObject({ roundId: id, passphrase: z.string().min(1).max(1024), final: z.boolean() }),
  'scores.download': z.strictObject({ roundId: id, revision: z.number().int().min(1) }),
  'spreadsheet.blank': z.strictObject({ roundId: id }),
  'spreadsheet.import': z.strictObject({ roundId: id, base64: z.string().min(1).max(50_000_000), fileName: z.string().max(300) }),
  'round.removeCheck': z.strictObject({ roundId: id }),
  'round.remove': z.strictObject({ roundId: id }),
  'merges.list': none,
  'merge.create': z.strictObject({ source: bundleSourceSchema }),
  'merge.addFiles': z.strictObject({ mergeId: z.string().regex(/^[0-9a-f]{32}$/), sources: z.array(bundleSourceSchema).min(1).max(1000) }),
  'merge.removeFile': z.strictObject({ mergeId: z.string().regex(/^[0-9a-f]{32}$/), file: z.string().min(1).max(300) }),
  'merge.get': z.strictObject({ mergeId: z.string().regex(/^[0-9a-f]{32}$/), method: z.enum(['mean', 'trimmed-mean', 'median', 'zscore']).optional() }),
  'merge.sheets': z.strictObject({ mergeId: z.string().regex(/^[0-9a-f]{32}$/), applicantId: id }),
  'merge.decide': z.strictObject({ mergeId: z.string().regex(/^[0-9a-f]{32}$/), categoryId: id, applicantId: id, decision: decisionSchema.nullable() }),
  'merge.export': z.strictObject({ mergeId: z.string().regex(/^[0-9a-f]{32}$/), kind: z.enum(['results', 'summary', 'conclusion-html', 'conclusion-pdf', 'notice-pdf', 'notice-xlsx']), chairName: z.string().max(100).optional() }),
  'merge.delete': z.strictObject({ mergeId: z.string().regex(/^[0-9a-f]{32}$/) }),
  'builder.templates': none,
  'builder.list': none,
  'builder.create': z.strictObject({ templateId: z.string().min(1).max(200), info: roundInfoSchema }),
  'builder.get': z.strictObject({ draftId: z.string().regex(/^[0-9a-f]{32}$/) }),
  'builder.openFolder': z.strictObject(chosenFolder),
  'builder.setExample': z.strictObject({ draftId: z.string().regex(/^[0-9a-f]{32}$/), key: z.string().min(1).max(300), value: z.number().finite().nullable() }),
  'builder.listTemplate': z.strictObject({ draftId: z.string().regex(/^[0-9a-f]{32}$/) }),
  'builder.setInfo': z.strictObject({ draftId: z.string().regex(/^[0-9a-f]{32}$/), info: roundInfoSchema }),
  'builder.addApplicants': z.strictObject({ draftId: z.string().regex(/^[0-9a-f]{32}$/), from: applicantsFromSchema, category: z.string().max(200).optional() }),
  'builder.addExperts': z.strictObject({ draftId: z.string().regex(/^[0-9a-f]{32}$/), from: expertsFromSchema }),
  'builder.assign': z.strictObject({ draftId: z.string().regex(/^[0-9a-f]{32}$/), expertId: id, targets: z.array(z.string().max(200)).max(10_000), replace: z.boolean().optional() }),
  'builder.setFacts': z.strictObject({ draftId: z.string().regex(/^[0-9a-f]{32}$/), applicantId: id, facts: z.record(z.string().max(200), z.union([z.number(), z.string().max(2000), z.boolean(), z.null()])) }),
  'builder.remove': z.strictObject({ draftId: z.string().regex(/^[0-9a-f]{32}$/), kind: z.enum(['applicant', 'expert']), id }),
  'builder.keygen': z.strictObject({ name: z.string().trim().min(1).max(100), passphrase: z.string().min(8).max(1024) }),
  'builder.pack': z.strictObject({ draftId: z.string().regex(/^[0-9a-f]{32}$/), key: chosenText, passphrase: z.string().min(1).max(1024) }),
  'builder.packJob': z.strictObject({ jobId: z.string().regex(/^[0-9a-f]{32}$/) }),
  'builder.delete': z.strictObject({ draftId: z.string().regex(/^[0-9a-f]{32}$/) }),
} as const;

export interface ApiResults {
  'app.info': AppInfo;
  'rounds.list': RoundSummary[];
  'bundle.open': BundlePreview;
  'bundle.import': { jobId: string };
  'bundle.discard': { discarded: boolean };
  'job.get': JobView<ImportSummary>;
  'round.get': RoundView;
  'applicant.get': ApplicantView;
  'sheet.save': SheetSaved;
  'search.query': SearchHit[];
  'search.status': SearchStatus;
  'identity.status': IdentityView;
  'identity.create': IdentityView;
  'identity.changePassphrase': { changed: true };
  'identity.exportPublic': FileToSave;
  'identity.backup': FileToSave;
  'identity.restore': IdentityView;
  'round.bind': BindingView;
  'scores.status': ExportStatus;
  'scores.export': ExportRecord & { file: FileToSave };
  'scores.download': FileToSave;
  'spreadsheet.blank': FileToSave;
  'spreadsheet.import': SpreadsheetImport;
  'round.removeCheck': { unexportedSheets: number };
  'round.remove': { documents: number; exports: number };
  'merges.list': MergeSummary[];
  'merge.create': MergeView;
  'merge.addFiles': MergeView;
  'merge.removeFile': MergeView;
  'merge.get': MergeView;
  'merge.sheets': MergeSheetView[];
  'merge.decide': { updatedAt: string };
  'merge.export': FileToSave;
  'merge.delete': { deleted: boolean };
  'builder.templates': TemplateView[];
  'builder.list': DraftSummary[];
  'builder.create': DraftView;
  'builder.get': DraftView;
  'builder.openFolder': DraftView;
  'builder.setExample': DraftView;
  'builder.listTemplate': FileToSave;
  'builder.setInfo': DraftView;
  'builder.addApplicants': DraftChange;
  'builder.addExperts': DraftChange;
  'builder.assign': DraftView;
  'builder.setFacts': DraftView;
  'builder.remove': DraftView;
  'builder.keygen': NewKeyPair;
  'builder.pack': { jobId: string };
  'builder.packJob': JobView<PackRecord>;
  'builder.delete': { deleted: boolean };
}

export interface SpreadsheetImport {
  /** Sheets updated from the workbook. */
  updated: string[];
  problems: { sheet: string; cell: string; applicantId?: string; message: string }[];
}

export type Channel = keyof typeof apiRequests;
export type RequestOf<C extends Channel> = z.infer<(typeof apiRequests)[C]>;
export type ResultOf<C extends Channel> = ApiResults[C];
export const CHANNELS = Object.keys(apiRequests) as Channel[];

export function isChannel(value: string): value is Channel {
  return Object.prototype.hasOwnProperty.call(apiRequests, value);
}

/** What every host implements. */
export type ApiHandlers = { [C in Channel]: (request: RequestOf<C>) => Promise<ResultOf<C>> };

/** The client the renderer gets: the calls, plus what differs by host (document URLs, files). */
export interface ReviewDeskClient {
  host: 'electron' | 'web';
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResultOf<C>>;
  documentUrl(documentId: string): string;
  /** Lets the user choose a bundle file; null when cancelled. */
  pickBundle(): Promise<BundleSource | null>;
  /** A dropped or chosen browser File as a source (uploads it where needed), reporting progress 0..1. */
  sourceFromFile(file: File, onProgress?: (fraction: number) => void): Promise<BundleSource>;
  /** Saves a file the user asked for (a save dialog in Electron, a download in the browser). */
  saveFile(file: FileToSave): Promise<boolean>;
  /** The system print dialog for an HTML report, where the host has one (Electron); false elsewhere. */
  printFile(file: FileToSave): Promise<boolean>;
  /** Saves a bundle the round builder packed (streamed from disk, never through the API). */
  saveBuiltBundle(draftId: string, bundleVersion: number): Promise<boolean>;
}

export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
  }
}

export { sha256 as documentIdSchema };
