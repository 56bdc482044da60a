// The secretariat's rounds in preparation on this computer. Each is a round folder edited with
// core/round-builder (the same folder `reviewdesk round …` and `reviewdesk pack` take), beside a
// small builder.json (the template it came from, the bundle id, the bundles packed) and the packed
// bundles:
//
//   <data>/round-drafts/<draftId>/round/round.json + documents
//   <data>/round-drafts/<draftId>/builder.json
//   <data>/round-drafts/<draftId>/bundles/<roundId>-v<N>.rdbundle
//
// Every change reads round.json, applies one pure edit, and writes the folder back (documents
// copied in, round.json replaced atomically); a refused change writes nothing. Changes run one
// at a time.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DraftChange, DraftSummary, DraftView, PackRecord, RoundInfoInput } from '../../../shared/api/contract';
import type { FactValue, RoundDefinition } from '../../../shared/round/schema';
import { packBundle } from '../bundle/pack';
import type { UnlockedKey } from '../keys/secret-key';
import {
  addExperts,
  applicantsFromList,
  applicantsFromListing,
  assign,
  checkRound,
  editableRound,
  ROUND_FILE,
  exampleValues,
  setExampleValue,
  expertsFromList,
  buildProblemView,
  type BuildProblem,
  knownFacts,
  loadTemplate,
  readRoundFolder,
  removeApplicant,
  removeExpert,
  roundFromTemplate,
  RoundBuildError,
  setFacts,
  withRoundInfo,
  writeRoundFolder,
  type DocumentSource,
  type ExpertInput,
  type FolderListing,
} from '../round-builder';
import { readJsonFile } from '../json-file';
import { Rejection } from '../rejection';
import { NotFoundError } from './errors';

interface BuilderFile {
  templateId: string | null;
  templateTitle: string | null;
  createdAt: string;
  bundleId: string | null;
  packs: PackRecord[];
}

const DRAFT_ID = /^[0-9a-f]{32}$/;

/** A list chosen in the app: the file to read and the name the secretariat knows it by. */
export interface ChosenFile {
  file: string;
  label: string;
}

export type ApplicantsFrom = { kind: 'list'; list: ChosenFile } | { kind: 'folder'; label: string; listing: FolderListing };

/** A refusal that names no file, or a temporary upload, names the file the secretariat chose. */
function relabel(error: unknown, from: string, to: string): unknown {
  if (error instanceof RoundBuildError && (error.file === '' || error.file === from)) return new RoundBuildError(to, error.detail, error.problems, { code: error.code, warnings: error.warnings });
  if (error instanceof Rejection && !(error instanceof RoundBuildError) && error.file === from) {
    return new Rejection(to, error.detail, { code: error.code, problems: error.problems, ...(error.entry !== undefined ? { entry: error.entry } : {}) });
  }
  return error;
}

export class RoundDrafts {
  private queue: Promise<unknown> = Promise.resolve();

  /** `dir` is <data>/round-drafts. */
  constructor(private readonly dir: string) {}

  private draftDir(draftId: string): string {
    if (!DRAFT_ID.test(draftId)) throw new NotFoundError(`no round in preparation "${draftId}"`);
    const dir = path.join(this.dir, draftId);
    if (!existsSync(path.join(dir, 'builder.json'))) throw new NotFoundError(`no round in preparation "${draftId}" (it may have been deleted)`);
    return dir;
  }

  private roundDir(draftId: string): string {
    return path.join(this.draftDir(draftId), 'round');
  }

  /** Runs changes one at a time: two quick clicks never interleave their read-edit-write. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async builderFile(draftId: string): Promise<BuilderFile> {
    const file = path.join(this.draftDir(draftId), 'builder.json');
    const json = (await readJsonFile(file)) as Partial<BuilderFile> | null;
    if (json === null || typeof json !== 'object' || !Array.isArray(json.packs)) throw new Rejection(file, 'not a round builder file (no "packs" list)', { code: 'invalid-builder-file' });
    return json as BuilderFile;
  }

  private async writeBuilderFile(draftId: string, builder: BuilderFile): Promise<void> {
    const file = path.join(this.draftDir(draftId), 'builder.json');
    await writeFile(`${file}.tmp`, `${JSON.stringify(builder, null, 2)}\n`, { mode: 0o600 });
    await rename(`${file}.tmp`, file);
  }

  async list(): Promise<DraftSummary[]> {
    if (!existsSync(this.dir)) return [];
    const summaries: DraftSummary[] = [];
    for (const draftId of await readdir(this.dir)) {
      if (!DRAFT_ID.test(draftId) || !existsSync(path.join(this.dir, draftId, 'builder.json'))) continue;
      try {
        const view = await this.view(draftId);
        const updated = await stat(path.join(view.folder, 'round.json'));
        summaries.push({
          draftId,
          roundId: view.round.round.id,
          title: view.round.round.title,
          templateTitle: view.template?.title ?? null,
          applicants: view.round.applicants.length,
          experts: view.round.experts.length,
          ready: view.check.ok,
          updatedAt: updated.mtime.toISOString(),
          lastPack: view.packs.at(-1) ?? null,
        });
      } catch (error) {
        if (!(error instanceof Rejection)) throw error; // a folder broken by hand is left out, not fatal
      }
    }
    return summaries.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  async create(templateId: string, info: RoundInfoInput): Promise<DraftView> {
    return this.newDraft(roundFromTemplate(await loadTemplate(templateId), info), []);
  }

  /**
   * A round in preparation from a round folder made elsewhere (the CLI, another computer): its
   * files with their paths below the folder. round.json must be at the top and in shape; every
   * document it names must be among the files (all missing ones are named at once); files it
   * does not name are left out.
   */
  async openFolder(label: string, files: readonly { path: string; source: string }[]): Promise<DraftView> {
    const roundFile = files.find((file) => file.path.normalize('NFC') === ROUND_FILE);
    if (roundFile === undefined) {
      throw new Rejection(label, `不是评审轮次文件夹：最上层没有 ${ROUND_FILE}`, { code: 'not-a-round-folder' });
    }
    const shown = `${label}/${ROUND_FILE}`;
    const round = editableRound(await readJsonFile(roundFile.source).catch((error: unknown) => Promise.reject(relabel(error, roundFile.source, shown))), shown);
    const given = new Map(files.map((file) => [file.path.normalize('NFC'), file.source]));
    const documents: DocumentSource[] = [];
    const missing: BuildProblem[] = [];
    round.applicants.forEach((applicant, i) =>
      (Array.isArray(applicant.documents) ? applicant.documents : []).forEach((document, j) => {
        const source = given.get(document.path);
        if (source !== undefined) documents.push({ path: document.path, source });
        else missing.push({ path: `applicants[${i}].documents[${j}].path`, id: applicant.id, code: 'missing-document', file: document.path, field: 'documents', message: '所选文件夹中没有这个文件' });
      }),
    );
    if (missing.length > 0) throw new RoundBuildError(label, '评审轮次文件夹不完整', missing);
    return this.newDraft(round, documents);
  }

  /** Makes the draft folder: the round folder (documents copied in) and builder.json; nothing is left when it fails. */
  private async newDraft(round: RoundDefinition, documents: DocumentSource[]): Promise<DraftView> {
    const draftId = randomBytes(16).toString('hex');
    const dir = path.join(this.dir, draftId);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    try {
      await writeRoundFolder(round, path.join(dir, 'round'), { create: true, documents });
      const meta = (round as { template?: { id?: unknown; title?: unknown } }).template;
      const builder: BuilderFile = {
        templateId: typeof meta?.id === 'string' ? meta.id : null,
        templateTitle: typeof meta?.title === 'string' ? meta.title : null,
        createdAt: new Date().toISOString(),
        bundleId: null,
        packs: [],
      };
      await writeFile(path.join(dir, 'builder.json'), `${JSON.stringify(builder, null, 2)}\n`, { mode: 0o600 });
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
    return this.view(draftId);
  }

  async view(draftId: string): Promise<DraftView> {
    const folder = this.roundDir(draftId);
    const round = await readRoundFolder(folder);
    const builder = await this.builderFile(draftId);
    const report = await checkRound(round, folder);
    const meta = (round as { template?: Record<string, unknown> }).template;
    return {
      draftId,
      folder,
      round,
      template:
        meta === undefined || meta === null || typeof meta !== 'object'
          ? null
          : {
              id: typeof meta.id === 'string' ? meta.id : builder.templateId,
              title: typeof meta.title === 'string' ? meta.title : builder.templateTitle,
              notes: Array.isArray(meta.notes) ? meta.notes.filter((note): note is string => typeof note === 'string') : [],
            },
      facts: [...knownFacts(round).values()],
      examples: exampleValues(round),
      check: {
        ok: report.ok,
        problems: report.problems.map(buildProblemView),
        warnings: report.warnings.map(buildProblemView),
        categories: report.summary.categories,
        documents: report.summary.documents,
        expertsWithKey: report.summary.expertsWithKey,
      },
      packs: builder.packs,
    };
  }

  /** Applies `edit` to the round and writes the folder back (with `documents` copied in). */
  private change(draftId: string, edit: (round: RoundDefinition) => Promise<{ round: RoundDefinition; documents?: DocumentSource[] }>): Promise<DraftView> {
    return this.serial(async () => {
      const folder = this.roundDir(draftId);
      const current = await readRoundFolder(folder);
      let next;
      try {
        next = await edit(current);
      } catch (error) {
        throw relabel(error, '', 'round.json');
      }
      await writeRoundFolder(next.round, folder, { documents: next.documents ?? [] });
      return this.view(draftId);
    });
  }

  /** Sets the round's information; its id is fixed once a bundle was packed (workstations know the round by it). */
  setInfo(draftId: string, info: RoundInfoInput): Promise<DraftView> {
    return this.change(draftId, async (round) => {
      const { packs } = await this.builderFile(draftId);
      if (packs.length > 0 && info.id !== round.round.id) {
        throw new RoundBuildError('', '评审轮次信息有误', [
          { path: 'round.id', code: 'id-fixed', field: 'id', message: `已打包第 ${packs.at(-1)!.bundleVersion} 版，编号不能再改（专家的工作站按编号 "${round.round.id}" 识别本轮）` },
        ]);
      }
      return { round: withRoundInfo(round, info) };
    });
  }

  async addApplicants(draftId: string, from: ApplicantsFrom, category: string | undefined): Promise<DraftChange> {
    let added: string[] = [];
    let extended: string[] = [];
    const options = category !== undefined && category !== '' ? { category } : {};
    const view = await this.change(draftId, async (round) => {
      try {
        const result = from.kind === 'list' ? await applicantsFromList(from.list.file, round, options) : await applicantsFromListing(from.label, from.listing, round, options);
        added = result.added;
        extended = result.extended ?? [];
        return result;
      } catch (error) {
        throw from.kind === 'list' ? relabel(error, from.list.file, from.list.label) : error;
      }
    });
    return { view, added, extended };
  }

  async addExperts(draftId: string, from: { kind: 'list'; list: ChosenFile } | { kind: 'entries'; experts: ExpertInput[] }): Promise<DraftChange> {
    let added: string[] = [];
    const view = await this.change(draftId, async (round) => {
      try {
        const result = from.kind === 'list' ? await expertsFromList(from.list.file, round) : await addExperts(round, from.experts);
        added = result.added.map((expert) => expert.id);
        return result;
      } catch (error) {
        throw from.kind === 'list' ? relabel(error, from.list.file, from.list.label) : error;
      }
    });
    return { view, added, extended: [] };
  }

  assign(draftId: string, expertId: string, targets: string[], replace: boolean): Promise<DraftView> {
    return this.change(draftId, async (round) => ({ round: assign(round, expertId, targets, { replace }) }));
  }

  /** Sets or confirms one of the template's example values (it is then no longer an example). */
  setExample(draftId: string, key: string, value: number | null): Promise<DraftView> {
    return this.change(draftId, async (round) => ({ round: setExampleValue(round, key, value) }));
  }

  setFacts(draftId: string, applicantId: string, facts: Record<string, FactValue | null>): Promise<DraftView> {
    return this.change(draftId, async (round) => ({ round: setFacts(round, applicantId, facts) }));
  }

  /** Removes an applicant (its copied documents stay in the folder, unlisted: `pack` takes only what round.json names) or an expert. */
  remove(draftId: string, kind: 'applicant' | 'expert', id: string): Promise<DraftView> {
    return this.change(draftId, async (round) => ({ round: kind === 'applicant' ? removeApplicant(round, id) : removeExpert(round, id) }));
  }

  /**
   * Packs and signs the round with `key`: the first pack starts a new bundle id at version 1,
   * each later pack re-issues the same bundle with the next version (experts keep their sheets,
   * FORMATS §2). Refused, naming every problem, unless the round is ready.
   */
  pack(draftId: string, key: UnlockedKey, onProgress?: (done: number, total: number) => void): Promise<PackRecord> {
    return this.serial(async () => {
      const folder = this.roundDir(draftId);
      const round = await readRoundFolder(folder);
      const report = await checkRound(round, folder);
      if (!report.ok) throw new RoundBuildError(path.join(folder, 'round.json'), `还不能打包：${report.problems.length} 个问题`, report.problems, { code: 'not-ready' });
      const builder = await this.builderFile(draftId);
      const bundleVersion = (builder.packs.at(-1)?.bundleVersion ?? 0) + 1;
      const fileName = `${round.round.id}-v${bundleVersion}.rdbundle`;
      const bundlesDir = path.join(this.draftDir(draftId), 'bundles');
      await mkdir(bundlesDir, { recursive: true, mode: 0o700 });
      const result = await packBundle({
        dir: folder,
        key,
        out: path.join(bundlesDir, fileName),
        bundleVersion,
        ...(builder.bundleId !== null ? { bundleId: builder.bundleId } : {}),
        ...(onProgress !== undefined ? { onProgress } : {}),
      });
      const record: PackRecord = {
        bundleId: result.bundleId,
        bundleVersion: result.bundleVersion,
        fileName,
        bytes: (await stat(result.out)).size,
        documents: result.files,
        manifestSha256: result.manifestSha256,
        issuer: { name: key.name, fingerprint: key.fingerprint },
        createdAt: new Date().toISOString(),
      };
      await this.writeBuilderFile(draftId, { ...builder, bundleId: result.bundleId, packs: [...builder.packs, record] });
      return record;
    });
  }

  /** The packed bundle of `bundleVersion`, for saving it elsewhere. */
  async bundleFile(draftId: string, bundleVersion: number): Promise<{ file: string; fileName: string; bytes: number }> {
    const record = (await this.builderFile(draftId)).packs.find((pack) => pack.bundleVersion === bundleVersion);
    if (record === undefined) throw new NotFoundError(`version ${bundleVersion} of this round has not been packed`);
    const file = path.join(this.draftDir(draftId), 'bundles', record.fileName);
    return { file, fileName: record.fileName, bytes: (await stat(file)).size };
  }

  /** Deletes the round in preparation, its copied documents and packed bundles. */
  delete(draftId: string): Promise<boolean> {
    return this.serial(async () => {
      await rm(this.draftDir(draftId), { recursive: true, force: true });
      return true;
    });
  }
}
