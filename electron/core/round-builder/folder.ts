// Applicants from a folder of PDFs: one sub-folder per applicant (`A001 某某科技有限公司` or
// `某某科技有限公司`), its PDFs the applicant's documents. Nothing is copied here: the result names
// each document by its path in the round folder (`A001/申报材料.pdf`) and where it comes from;
// `writeRoundFolder` copies them in.
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentRef, RoundDefinition } from '../../../shared/round/schema';
import { defaultCategory, nextFreeId, parseFolderName, takenIds, addApplicants, idProblem, type NewApplicant } from './edit';
import { ProblemList } from './problems';

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

/**
 * Reads a folder of applicant folders. Every problem at once, each naming its file or folder:
 * a file that is not a PDF (checked by its %PDF- header, whatever its name), a file directly in
 * `dir`, an applicant folder without PDFs, an id used twice or already in the round, an unknown
 * or missing category.
 */
export async function applicantsFromFolder(dir: string, round: RoundDefinition, options: { category?: string } = {}): Promise<AddedApplicants> {
  const problems = new ProblemList();
  const chosen = defaultCategory(round, options.category);
  if (chosen.error !== undefined) problems.add({ code: 'unknown-category', field: 'category', message: chosen.error });
  else if (chosen.category === undefined) {
    problems.add({ code: 'missing-category', field: 'category', message: `本轮有 ${round.categories.length} 个类别，请指定申报者的类别（${round.categories.map((category) => category.id).join('、')}）` });
  }
  let entries;
  try {
    entries = (await readdir(dir, { withFileTypes: true })).filter((entry) => !IGNORED.test(entry.name)).sort((a, b) => fileNameCollator.compare(a.name, b.name));
  } catch (error) {
    problems.add({ code: 'not-found', message: `无法读取文件夹（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）` });
    problems.throwIfAny(dir, '申报材料文件夹有误');
    throw error;
  }
  const taken = takenIds(round);
  // ids written in folder names are kept; the others get free ids that avoid all of them
  const explicit = new Map<string, number>();
  for (const entry of entries) {
    const id = entry.isDirectory() ? parseFolderName(entry.name).id : undefined;
    if (id !== undefined) explicit.set(id, (explicit.get(id) ?? 0) + 1);
  }
  const applicants: NewApplicant[] = [];
  const documents: DocumentSource[] = [];
  for (const entry of entries) {
    const folder = entry.name.normalize('NFC');
    if (!entry.isDirectory()) {
      problems.add({ code: 'loose-file', file: folder, message: '文件直接放在了总文件夹里：每个申报者应有自己的子文件夹（如 "A001 某某科技有限公司"）' });
      continue;
    }
    const parsed = parseFolderName(folder);
    const id = parsed.id ?? nextFreeId('A', new Set([...taken, ...explicit.keys()]), 3);
    const bad = idProblem(id);
    if (bad !== null) problems.add({ code: 'bad-id', file: folder, id, field: 'id', message: bad });
    else if (taken.has(id)) problems.add({ code: 'duplicate-id', file: folder, id, field: 'id', message: `编号 "${id}" 已被使用（本轮中已有，或另一个文件夹用了同一编号）` });
    taken.add(id);
    const refs: DocumentRef[] = [];
    const folderPath = path.join(dir, entry.name);
    for (const relative of await filesBelow(folderPath)) {
      const source = path.join(folderPath, ...relative.split('/'));
      const shown = `${folder}/${relative}`;
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
      refs.push({ path: documentPath, title: titleOfFile(path.posix.basename(relative)), sections: [] });
      documents.push({ path: documentPath, source });
    }
    if (refs.length === 0 && !problems.items.some((problem) => problem.id === id && problem.code === 'not-pdf')) {
      problems.add({ code: 'no-documents', file: folder, id, field: 'documents', message: '文件夹里没有 PDF 文件' });
    }
    applicants.push({ id, name: parsed.name, category: chosen.category?.id ?? '', documents: refs });
  }
  if (entries.length === 0) problems.add({ code: 'empty', message: '文件夹是空的：每个申报者应有一个子文件夹' });
  problems.throwIfAny(dir, '申报材料文件夹有误');
  const next = addApplicants(round, applicants);
  return { round: next, added: applicants.map((applicant) => applicant.id!), documents };
}
