// Round templates (resources/templates): each a complete round definition with empty applicants
// and experts and a `template` object (notes, example weights). A new round is a copy with the
// round's own id and title; the `template` object stays (unknown properties are preserved) so the
// UI can show which weights are only examples.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { entryNameProblem } from '../../../shared/bundle/entry-name';
import type { RoundInfoInput, TemplateView } from '../../../shared/api/contract';
import type { RoundDefinition, RoundInfo } from '../../../shared/round/schema';
import { validateRound } from '../../../shared/round/validate';
import { readJsonFile } from '../json-file';
import { findResourceDir } from '../resources';
import { Rejection } from '../rejection';
import { ProblemList } from './problems';

/** A template of the index, with its categories (read from the template file itself). */
export type TemplateSummary = TemplateView & { file: string };

/** The round's own information as the secretariat gives it (CLI options or the app's form). */
export type NewRoundInfo = RoundInfoInput;

/** resources/templates, found from this module (dist/cli, out/main or the sources) or the working directory. */
export function findTemplatesDir(): string {
  const found = findResourceDir('templates', 'index.json');
  if (found !== null) return found;
  throw new Rejection('resources/templates', 'the round templates were not found next to the program or in the working directory', { code: 'not-found' });
}

interface IndexEntry {
  id: string;
  file: string;
  title: string;
  titleEn?: string;
  source?: string;
}

async function readIndex(dir: string): Promise<IndexEntry[]> {
  const file = path.join(dir, 'index.json');
  const json = (await readJsonFile(file)) as { templates?: unknown };
  if (!Array.isArray(json.templates)) throw new Rejection(file, 'no "templates" list', { code: 'invalid-template' });
  return json.templates.filter((entry): entry is IndexEntry => {
    const fields = entry as Partial<IndexEntry> | null;
    return fields !== null && typeof fields === 'object' && typeof fields.id === 'string' && typeof fields.file === 'string';
  });
}

/** Every template of the index, with its categories. */
export async function listTemplates(dir = findTemplatesDir()): Promise<TemplateSummary[]> {
  const summaries: TemplateSummary[] = [];
  for (const entry of await readIndex(dir)) {
    const round = (await readJsonFile(path.join(dir, entry.file))) as Partial<RoundDefinition>;
    const categories = Array.isArray(round.categories) ? round.categories.map((category) => ({ id: category.id, title: category.title })) : [];
    summaries.push({ ...entry, title: entry.title ?? entry.id, categories });
  }
  return summaries;
}

/**
 * The round definition of a template: an id from the index, or the path of a round.json-like
 * file (a secretariat's own template). Refused unless it is a valid round definition.
 */
export async function loadTemplate(templateId: string, dir?: string): Promise<RoundDefinition> {
  let file: string;
  if (templateId.endsWith('.json') && existsSync(templateId)) file = templateId;
  else {
    const base = dir ?? findTemplatesDir();
    const entry = (await readIndex(base)).find((candidate) => candidate.id === templateId);
    if (entry === undefined) {
      const known = (await readIndex(base)).map((candidate) => candidate.id).join(', ');
      throw new Rejection(templateId, `no such template (known: ${known})`, { code: 'unknown-template' });
    }
    file = path.join(base, entry.file);
  }
  const json = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, '')) as unknown;
  const validated = validateRound(json);
  if (!validated.ok) throw new Rejection(file, 'the template is not a valid round definition', { problems: validated.problems, code: 'invalid-template' });
  return json as RoundDefinition; // as written: the validator's copy puts unknown properties (`template`) last
}

/** Problems with a round id or title given by the secretariat (the id names files, so it must be one path segment). */
export function roundInfoProblems(info: Partial<NewRoundInfo>): ProblemList {
  const problems = new ProblemList();
  const id = info.id ?? '';
  if (id.trim() === '') problems.add({ code: 'missing-id', path: 'round.id', field: 'id', message: '缺少评审轮次编号' });
  else if (id !== id.trim() || id.includes('/') || entryNameProblem(id) !== null || id.startsWith('.')) {
    problems.add({ code: 'bad-id', path: 'round.id', field: 'id', message: `评审轮次编号 "${id}" 不能用作文件名（不能有斜杠、控制字符、首尾空格或以 "." 开头）` });
  }
  if ((info.title ?? '').trim() === '') problems.add({ code: 'missing-title', path: 'round.title', field: 'title', message: '缺少评审轮次名称' });
  return problems;
}

/**
 * Pure: the round with its id, title and the optional fields of `info` laid over its round info
 * (an optional field given as '' is removed). Refused when the id or title is unusable.
 */
export function withRoundInfo(round: RoundDefinition, info: NewRoundInfo): RoundDefinition {
  const problems = roundInfoProblems(info);
  problems.throwIfAny('round', '评审轮次信息有误');
  const next: Record<string, unknown> = { ...round.round, id: info.id, title: info.title };
  for (const key of ['organizer', 'stage', 'scoringCloses', 'confidential'] as const) {
    if (info[key] === '') delete next[key];
    else if (info[key] !== undefined) next[key] = info[key];
  }
  return { ...round, round: next as RoundInfo };
}

/**
 * Pure: a new round from a template's definition. Applicants and experts start empty; the round
 * info is the template's with `info` laid over it. Everything else (and `template`) is kept.
 */
export function roundFromTemplate(template: RoundDefinition, info: NewRoundInfo): RoundDefinition {
  return { ...withRoundInfo(structuredClone(template), info), applicants: [], experts: [] };
}

/** A new round definition from the template `templateId` (an index id or a .json file). */
export async function newRoundFromTemplate(templateId: string, info: NewRoundInfo, options: { dir?: string } = {}): Promise<RoundDefinition> {
  return roundFromTemplate(await loadTemplate(templateId, options.dir), info);
}
