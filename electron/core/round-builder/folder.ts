// Applicants from a folder of PDFs: one sub-folder per applicant (`A001 某某科技有限公司` or
// `某某科技有限公司`), its PDFs the applicant's documents. Nothing is copied here: the result names
// each document by its path in the round folder (`A001/申报材料.pdf`) and where it comes from;
// `writeRoundFolder` copies them in.
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentRef, RoundDefinition } from '../../../shared/round/schema';
import { defaultCategory, nextFreeId, parseFolderName, takenIds, addApplicants, idProblem, type NewApplicant } from './edit';
import { ProblemList, RoundBuildError } from './problems';

/** A document of the round and the file it is copied from. */
export interface DocumentSource {
  /** Path in the round folder, as round.json names it (`A001/申报材料.pdf`). */
  path: string;
  /** The file to copy from (absolute). */
  source: string;
}

export interface AddedApplicants {
  round: RoundDefinition;
  /** Ids of the applicants added, in order. */
  added: string[];
  /** Ids of applicants already in the round whose folder added documents to them. */
  extended?: string[];
  /** The documents to copy into the round folder (give them to writeRoundFolder). */
  documents: DocumentSource[];
}

const PDF_MAGIC = Buffer.from('%PDF-');
/** Files that file managers leave in folders; never documents, never refused. */
const IGNORED = /^(\.|~\$)|^(thumbs\.db|desktop\.ini)$/i;

/** True when the first KiB of the file holds the %PDF- header (the rule `pack` applies). */
export async function isPdfFile(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead).includes(PDF_MAGIC);
  } finally {
    await handle.close();
  }
}

/** The document title of a file name: without the extension (`申报材料.pdf` → 申报材料). */
export function titleOfFile(name: string): string {
  const base = name.normalize('NFC');
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** Numbers by value (2 before 10), Latin before Han, Han by code point (一 before 二). */
export const fileNameCollator = new Intl.Collator('und', { numeric: true });

/** Files below `dir` (relative, "/"-separated), sorted as people expect (2 before 10); ignored names left out. */
async function filesBelow(dir: string, prefix = ''): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((entry) => !IGNORED.test(entry.name)).sort((a, b) => fileNameCollator.compare(a.name, b.name));
  const out: string[] = [];
  for (const entry of entries) {
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await filesBelow(path.join(dir, entry.name), relative)));
    else out.push(relative);
  }
  return out;
}

/** One applicant's folder: its name (`A001 某某科技有限公司`) and its files below it. */
export interface ApplicantFolder {
  name: string;
  /** Path below the applicant folder ("/"-separated) and the file to read it from. */
  files: { relative: string; source: string }[];
}

/** What a folder of applicant folders holds: the applicant folders, and files left directly in it. */
export interface FolderListing {
  folders: ApplicantFolder[];
  looseFiles: string[];
}

/** Reads `dir` into a listing (files managers' litter left out, names sorted as people expect). */
export async function listFolder(dir: string): Promise<FolderListing> {
  let entries;
  try {
    entries = (await readdir(dir, { withFileTypes: true })).filter((entry) => !IGNORED.test(entry.name)).sort((a, b) => fileNameCollator.compare(a.name, b.name));
  } catch (error) {
    throw new RoundBuildError(dir, '申报材料文件夹有误', [{ path: '', code: 'not-found', message: `无法读取文件夹（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）` }]);
  }
  const listing: FolderListing = { folders: [], looseFiles: [] };
  for (const entry of entries) {
    if (!entry.isDirectory()) {
      listing.looseFiles.push(entry.name.normalize('NFC'));
      continue;
    }
    const folderPath = path.join(dir, entry.name);
    const files = (await filesBelow(folderPath)).map((relative) => ({ relative, source: path.join(folderPath, ...relative.split('/')) }));
    listing.folders.push({ name: entry.name.normalize('NFC'), files });
  }
  return listing;
}

/**
 * A listing from files chosen in a browser's folder picker: each file's path below the chosen
 * folder (`A001 某某/附件/合同.pdf`, without the chosen folder's own name) and where it is now.
 */
export function listingFromFiles(files: readonly { path: string; source: string }[]): FolderListing {
  const folders = new Map<string, ApplicantFolder>();
  const listing: FolderListing = { folders: [], looseFiles: [] };
  const sorted = [...files].sort((a, b) => fileNameCollator.compare(a.path, b.path));
  for (const file of sorted) {
    const parts = file.path.normalize('NFC').split('/').filter((part) => part !== '');
    if (parts.some((part) => IGNORED.test(part))) continue;
    if (parts.length === 1) {
      listing.looseFiles.push(parts[0]!);
      continue;
    }
    const name = parts[0]!;
    let folder = folders.get(name);
    if (folder === undefined) {
      folder = { name, files: [] };
      folders.set(name, folder);
      listing.folders.push(folder);
    }
    folder.files.push({ relative: parts.slice(1).join('/'), source: file.source });
  }
  return listing;
}

/**
 * Reads a folder of applicant folders. Every problem at once, each naming its file or folder:
 * a file that is not a PDF (checked by its %PDF- header, whatever its name), a file directly in
 * `dir`, an applicant folder without PDFs, an id used twice, an unknown or missing category.
 * A folder whose id (or, without an id, whose exact name) is an applicant already in the round
 * adds its PDFs to that applicant: a list gives names and facts, the folder the documents.
 */
export async function applicantsFromFolder(dir: string, round: RoundDefinition, options: { category?: string } = {}): Promise<AddedApplicants> {
  return applicantsFromListing(dir, await listFolder(dir), round, options);
}

/** applicantsFromFolder over a listing; `label` names the folder in the refusal. */
export async function applicantsFromListing(label: string, listing: FolderListing, round: RoundDefinition, options: { category?: string } = {}): Promise<AddedApplicants> {
  const problems = new ProblemList();
  const existingOf = (parsed: { id?: string; name: string }) =>
    parsed.id !== undefined ? round.applicants.find((applicant) => applicant.id === parsed.id) : round.applicants.find((applicant) => applicant.name === parsed.name);
  const parsedFolders = listing.folders.map((folder) => ({ folder, parsed: parseFolderName(folder.name) }));
  const chosen = defaultCategory(round, options.category);
  if (parsedFolders.some(({ parsed }) => existingOf(parsed) === undefined)) {
    if (chosen.error !== undefined) problems.add({ code: 'unknown-category', field: 'category', message: chosen.error });
    else if (chosen.category === undefined) {
      problems.add({ code: 'missing-category', field: 'category', message: `本轮有 ${round.categories.length} 个类别，请指定申报者的类别（${round.categories.map((category) => category.id).join('、')}）` });
    }
  }
  const taken = takenIds(round);
  // ids written in folder names are kept; the others get free ids that avoid all of them
  const explicit = new Set(parsedFolders.flatMap(({ parsed }) => (parsed.id !== undefined ? [parsed.id] : [])));
  const seen = new Set<string>();
  const applicants: NewApplicant[] = [];
  const extended = new Map<string, DocumentRef[]>();
  const documents: DocumentSource[] = [];
  for (const { folder, parsed } of parsedFolders) {
    const existing = existingOf(parsed);
    const id = existing?.id ?? parsed.id ?? nextFreeId('A', new Set([...taken, ...explicit]), 3);
    const bad = idProblem(id);
    if (bad !== null) problems.add({ code: 'bad-id', file: folder.name, id, field: 'id', message: bad });
    else if (seen.has(id) || (existing === undefined && taken.has(id))) problems.add({ code: 'duplicate-id', file: folder.name, id, field: 'id', message: `编号 "${id}" 已被使用（本轮中已有，或另一个文件夹用了同一编号）` });
    seen.add(id);
    taken.add(id);
    const refs: DocumentRef[] = [];
    const have = new Set((existing?.documents ?? []).map((document) => document.path));
    for (const { relative, source } of folder.files) {
      const shown = `${folder.name}/${relative}`;
      const info = await stat(source);
      if (!info.isFile()) {
        problems.add({ code: 'not-file', file: shown, id, field: 'documents', message: '不是普通文件' });
        continue;
      }
      if (!(await isPdfFile(source))) {
        problems.add({ code: 'not-pdf', file: shown, id, field: 'documents', message: '不是 PDF 文件（文件开头没有 %PDF- 标记）：请转换为 PDF 或移出该文件夹' });
        continue;
      }
      const documentPath = `${id}/${relative.normalize('NFC')}`;
      if (have.has(documentPath)) {
        problems.add({ code: 'duplicate-document', file: shown, id, field: 'documents', message: `申报者 ${id} 已有文件 "${documentPath}"` });
        continue;
      }
      refs.push({ path: documentPath, title: titleOfFile(path.posix.basename(relative)), sections: [] });
      documents.push({ path: documentPath, source });
    }
    if (refs.length === 0 && !problems.items.some((problem) => problem.id === id && (problem.code === 'not-pdf' || problem.code === 'duplicate-document'))) {
      problems.add({ code: 'no-documents', file: folder.name, id, field: 'documents', message: '文件夹里没有 PDF 文件' });
    }
    if (existing !== undefined) extended.set(existing.id, refs);
    else applicants.push({ id, name: parsed.name, category: chosen.category?.id ?? '', documents: refs });
  }
  for (const file of listing.looseFiles) {
    problems.add({ code: 'loose-file', file, message: '文件直接放在了总文件夹里：每个申报者应有自己的子文件夹（如 "A001 某某科技有限公司"）' });
  }
  if (listing.folders.length === 0 && listing.looseFiles.length === 0) problems.add({ code: 'empty', message: '文件夹是空的：每个申报者应有一个子文件夹' });
  problems.throwIfAny(label, '申报材料文件夹有误');
  const withDocuments: RoundDefinition = {
    ...round,
    applicants: round.applicants.map((applicant) => {
      const more = extended.get(applicant.id);
      return more === undefined ? applicant : { ...applicant, documents: [...applicant.documents, ...more] };
    }),
  };
  const next = addApplicants(withDocuments, applicants);
  return { round: next, added: applicants.map((applicant) => applicant.id!), extended: [...extended.keys()], documents };
}
