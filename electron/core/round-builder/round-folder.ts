// The round folder on disk: `round.json` and the documents at the paths it names. Writing copies
// the documents in (never over a different file), checks every document is there and is a PDF,
// then replaces round.json atomically. Checking says everything `pack` would refuse, plus warnings
// (an applicant nobody reviews, a category with fewer experts than its quorum, example weights).
import { copyFile, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { normalisedAggregation } from '../../../shared/round/aggregation';
import type { Problem } from '../../../shared/problem';
import type { RoundDefinition } from '../../../shared/round/schema';
import { documentPathProblems } from '../../../shared/round/document-path';
import { validateRound } from '../../../shared/round/validate';
import { readJsonFile } from '../json-file';
import { Rejection } from '../rejection';
import { isPdfFile, type DocumentSource } from './folder';
import { needsOpenPassword } from './pdf-password';
import { RoundBuildError, type BuildProblem } from './problems';

export const ROUND_FILE = 'round.json';
const COPIES_AT_ONCE = 4;

/**
 * Reads DIR/round.json as it is, for further editing: it must be a round definition in shape
 * (format, round, categories, applicants, experts), not yet complete or valid.
 */
export async function readRoundFolder(dir: string): Promise<RoundDefinition> {
  const file = path.join(dir, ROUND_FILE);
  return editableRound(await readJsonFile(file), file);
}

/** A round definition in shape for editing (see readRoundFolder); `file` names it in the refusal. */
export function editableRound(json: unknown, file: string): RoundDefinition {
  const validated = validateRound(json);
  if (validated.ok) return validated.value;
  // Not ready to pack is fine while building (`round check` says what is missing); a broken shape is not.
  const fields = json as Partial<Record<keyof RoundDefinition, unknown>> | null;
  const shapeOk =
    fields !== null && typeof fields === 'object' && !Array.isArray(fields) && fields.format === 'reviewdesk.round/1' &&
    fields.round !== null && typeof fields.round === 'object' &&
    (['rubrics', 'categories', 'applicants', 'experts'] as const).every((key) => Array.isArray(fields[key]));
  if (!shapeOk) throw new Rejection(file, 'not a round definition that can be edited', { problems: validated.problems, code: 'invalid-round' });
  return json as RoundDefinition;
}

export interface WriteResult {
  file: string;
  /** Documents copied into the folder by this write. */
  copied: string[];
}

async function sameContent(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([stat(a), stat(b)]);
  if (sa.size !== sb.size) return false;
  if (sa.size > 64 * 1024 * 1024) {
    // compare large files in chunks
    const [ha, hb] = await Promise.all([open(a, 'r'), open(b, 'r')]);
    try {
      const ba = Buffer.alloc(1024 * 1024);
      const bb = Buffer.alloc(1024 * 1024);
      for (let at = 0; at < sa.size; at += ba.length) {
        const [ra, rb] = await Promise.all([ha.read(ba, 0, ba.length, at), hb.read(bb, 0, bb.length, at)]);
        if (ra.bytesRead !== rb.bytesRead || !ba.subarray(0, ra.bytesRead).equals(bb.subarray(0, rb.bytesRead))) return false;
      }
      return true;
    } finally {
      await Promise.all([ha.close(), hb.close()]);
    }
  }
  const [ba, bb] = await Promise.all([readFile(a), readFile(b)]);
  return ba.equals(bb);
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** Problems with the documents of `round` in `dir`, counting `documents` (to be copied) as present. */
async function documentProblems(round: RoundDefinition, dir: string, documents: readonly DocumentSource[] = []): Promise<BuildProblem[]> {
  const problems: BuildProblem[] = [];
  const incoming = new Map(documents.map((document) => [document.path, document.source]));
  for (const [i, applicant] of round.applicants.entries()) {
    for (const [j, document] of (applicant.documents ?? []).entries()) {
      if (typeof document?.path !== 'string' || document.path === '') continue;
      const where = { path: `applicants[${i}].documents[${j}].path`, id: applicant.id, field: 'documents' };
      const source = incoming.get(document.path) ?? path.join(dir, ...document.path.split('/'));
      try {
        const info = await stat(source);
        if (!info.isFile()) problems.push({ ...where, code: 'not-file', file: document.path, message: '不是普通文件' });
        else if (!(await isPdfFile(source))) problems.push({ ...where, code: 'not-pdf', file: document.path, message: '不是 PDF 文件（文件开头没有 %PDF- 标记）' });
        else if (await needsOpenPassword(source)) problems.push({ ...where, code: 'pdf-password', file: document.path, message: 'PDF 设有打开密码，专家无法打开：请提供未加密的文件' });
      } catch {
        problems.push({ ...where, code: 'missing-document', file: document.path, message: `文件不存在（应在 ${path.join(dir, ...document.path.split('/'))}）` });
      }
    }
  }
  return problems;
}

/**
 * Writes the round folder: copies `documents` to their paths (a file already there with the same
 * content is kept; one with other content is refused), checks every document of the round exists
 * and is a PDF, then writes round.json (pretty, atomically). Nothing is written when a problem is
 * found. With `create`, an existing round.json is refused (a new round never overwrites one).
 */
export async function writeRoundFolder(round: RoundDefinition, dir: string, options: { documents?: readonly DocumentSource[]; create?: boolean } = {}): Promise<WriteResult> {
  const file = path.join(dir, ROUND_FILE);
  if (options.create === true && (await exists(file))) {
    throw new Rejection(file, '已存在：新建评审轮次不会覆盖已有的 round.json（请换一个文件夹）', { code: 'exists' });
  }
  const documents = options.documents ?? [];
  const problems: BuildProblem[] = [];
  const toCopy: DocumentSource[] = [];
  for (const document of documents) {
    // Never outside the round folder, whatever a round.json or a caller names.
    const bad = documentPathProblems(document.path);
    if (bad.length > 0) {
      problems.push({ path: '', code: 'bad-path', file: document.path, message: bad.join('; ') });
      continue;
    }
    const target = path.join(dir, ...document.path.split('/'));
    if (path.resolve(target) === path.resolve(document.source)) continue;
    if (await exists(target)) {
      if (!(await sameContent(target, document.source))) {
        problems.push({ path: '', code: 'exists', file: document.path, message: `轮次文件夹中已有同名但内容不同的文件，不会覆盖（来源 ${document.source}）` });
      }
      continue;
    }
    toCopy.push(document);
  }
  problems.push(...(await documentProblems(round, dir, documents)));
  if (problems.length > 0) throw new RoundBuildError(file, '无法写入评审轮次', problems);
  await mkdir(dir, { recursive: true });
  // A few copies at once: one copyFile at a time runs at a third of `cp` on ext4; four reach two thirds.
  let next = 0;
  const copyNext = async (): Promise<void> => {
    for (let i = next++; i < toCopy.length; i = next++) {
      const document = toCopy[i]!;
      const target = path.join(dir, ...document.path.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      const partial = `${target}.partial-${process.pid}`;
      try {
        await copyFile(document.source, partial);
        await rename(partial, target);
      } catch (error) {
        await rm(partial, { force: true });
        next = toCopy.length; // the others stop after their current file
        throw new Rejection(document.source, `复制失败（${(error as Error).message}）`, { code: 'copy-failed' });
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(COPIES_AT_ONCE, toCopy.length) }, copyNext));
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  const copied = toCopy.map((document) => document.path);
  const temporary = `${file}.tmp-${process.pid}`;
  const handle = await open(temporary, 'w', 0o644);
  try {
    await handle.writeFile(`${JSON.stringify(round, null, 2)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
  return { file, copied };
}

export interface CheckReport {
  /** True when `pack` would accept the folder (warnings do not count). */
  ok: boolean;
  /** Everything `pack` would refuse: the validator's problems (JSON paths) and missing or non-PDF documents. */
  problems: BuildProblem[];
  /** Worth a look before packing, but packable. */
  warnings: BuildProblem[];
  summary: {
    roundId: string;
    title: string;
    categories: { id: string; title: string; applicants: number; experts: number }[];
    applicants: number;
    experts: number;
    expertsWithKey: number;
    documents: number;
  };
}

/** A validator problem as the builder reports it; the one every new round meets is said in Chinese. */
function inSecretariatWords(problem: Problem): BuildProblem {
  if (/^experts\[\d+\]\.assigned$/.test(problem.path) && problem.message.startsWith('assigned to nothing')) {
    return { ...problem, code: 'expert-unassigned', field: 'assigned', message: '尚未给该专家分配任何类别或申报者' };
  }
  return { ...problem, code: 'invalid' };
}

/** Everything wrong with the round in `dir` at once, and what to look at before packing. Never throws for content. */
export async function checkRound(round: unknown, dir: string): Promise<CheckReport> {
  const validated = validateRound(round);
  const problems: BuildProblem[] = validated.ok ? [] : validated.problems.map(inSecretariatWords);
  const warnings: BuildProblem[] = [];
  const r = round as Partial<RoundDefinition>;
  const categories = Array.isArray(r.categories) ? r.categories : [];
  const applicants = Array.isArray(r.applicants) ? r.applicants : [];
  const experts = Array.isArray(r.experts) ? r.experts : [];
  if (Array.isArray(r.applicants)) problems.push(...(await documentProblems({ ...(r as RoundDefinition), applicants }, dir)));
  const reviewers = (applicant: { id: string; category: string }) =>
    experts.filter((expert) => Array.isArray(expert?.assigned) && (expert.assigned.includes(applicant.id) || expert.assigned.includes(applicant.category)));
  applicants.forEach((applicant, i) => {
    if (applicant === null || typeof applicant !== 'object') return;
    const count = reviewers(applicant).length;
    const category = categories.find((candidate) => candidate?.id === applicant.category);
    const quorum = category !== undefined ? normalisedAggregation(category).quorum : 1;
    if (!Array.isArray(applicant.documents) || applicant.documents.length === 0) {
      warnings.push({ path: `applicants[${i}].documents`, id: applicant.id, code: 'no-documents', message: `"${applicant.name}" 还没有申报材料（PDF）` });
    }
    if (count === 0) warnings.push({ path: `applicants[${i}]`, id: applicant.id, code: 'unassigned', message: `"${applicant.name}" 没有分配给任何专家` });
    else if (count < quorum) warnings.push({ path: `applicants[${i}]`, id: applicant.id, code: 'below-quorum', message: `"${applicant.name}" 只分配给 ${count} 位专家，少于类别 ${applicant.category} 的法定人数 ${quorum}` });
  });
  if (applicants.length === 0) warnings.push({ path: 'applicants', code: 'no-applicants', message: '还没有申报者' });
  if (experts.length === 0) warnings.push({ path: 'experts', code: 'no-experts', message: '还没有专家' });
  const template = (round as { template?: { exampleWeights?: unknown; exampleValues?: unknown } } | null)?.template;
  const examples = [...(Array.isArray(template?.exampleWeights) ? template.exampleWeights : []), ...(Array.isArray(template?.exampleValues) ? template.exampleValues : [])];
  if (examples.length > 0) {
    warnings.push({ path: 'template', code: 'example-values', message: `模板中有 ${examples.length} 个示例分值或设置（见 template.exampleWeights / exampleValues），打包前请确认或修改` });
  }
  const info = (r.round ?? {}) as { id?: unknown; title?: unknown };
  return {
    ok: problems.length === 0,
    problems,
    warnings,
    summary: {
      roundId: typeof info.id === 'string' ? info.id : '',
      title: typeof info.title === 'string' ? info.title : '',
      categories: categories.map((category) => ({
        id: category.id,
        title: category.title,
        applicants: applicants.filter((applicant) => applicant?.category === category.id).length,
        experts: experts.filter((expert) => Array.isArray(expert?.assigned) && expert.assigned.some((target) => target === category.id || applicants.some((applicant) => applicant.id === target && applicant.category === category.id))).length,
      })),
      applicants: applicants.length,
      experts: experts.length,
      expertsWithKey: experts.filter((expert) => typeof expert?.publicKey === 'string').length,
      documents: applicants.reduce((sum, applicant) => sum + (Array.isArray(applicant?.documents) ? applicant.documents.length : 0), 0),
    },
  };
}

/** checkRound on DIR/round.json as it is on disk (unparseable JSON is refused, naming the file). */
export async function checkRoundFolder(dir: string): Promise<CheckReport & { file: string }> {
  const file = path.join(dir, ROUND_FILE);
  return { file, ...(await checkRound(await readJsonFile(file), dir)) };
}
