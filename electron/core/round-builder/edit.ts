// Pure edits of a round definition: add applicants and experts, assign, set facts, remove.
// Each returns a new round (the input is never changed) or throws a RoundBuildError with every
// problem. The round may be incomplete between edits (an expert assigned to nothing yet);
// `validateRound` / `checkRound` say whether it is ready to pack.
import { entryNameProblem } from '../../../shared/bundle/entry-name';
import type { Applicant, Category, DocumentRef, Expert, FactValue, RoundDefinition } from '../../../shared/round/schema';
import { publicKeySchema } from '../../../shared/round/schema';
import { ProblemList, RoundBuildError } from './problems';

/** The next free id `PREFIX` + number, zero-padded to `width` (A001, A002 …; E01, E02 …). */
export function nextFreeId(prefix: string, taken: Iterable<string>, width: number): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const id = `${prefix}${String(n).padStart(width, '0')}`;
    if (!used.has(id)) return id;
  }
}

/** Every id in the round (categories, applicants, experts, rubrics): new ids must avoid them all. */
export function takenIds(round: Pick<RoundDefinition, 'categories' | 'applicants' | 'experts'>): Set<string> {
  return new Set([...round.categories.map((c) => c.id), ...round.applicants.map((a) => a.id), ...round.experts.map((e) => e.id)]);
}

const FOLDER_NAME = /^([A-Za-z]{0,8}[-_]?\d+[A-Za-z0-9-]*)(?:[\s\u3000_、.．]+(.*))?$/u;

/**
 * An applicant folder's name as id and name: `A001 某某科技有限公司` → A001 + 某某科技有限公司;
 * `某某科技有限公司` → no id (one is given) + the name. An id is letters (up to 8) and digits.
 */
export function parseFolderName(folder: string): { id?: string; name: string } {
  const text = folder.normalize('NFC').trim();
  const match = FOLDER_NAME.exec(text);
  if (match === null) return { name: text };
  const id = match[1]!;
  const name = (match[2] ?? '').trim();
  return { id, name: name === '' ? id : name };
}

/** Why `id` cannot be an applicant or expert id (it becomes a folder name), or null. */
export function idProblem(id: string): string | null {
  if (id.trim() === '') return '编号为空';
  if (id !== id.trim()) return `编号 "${id}" 首尾有空格`;
  if (id.includes('/') || id.startsWith('.') || entryNameProblem(id) !== null) return `编号 "${id}" 不能用作文件夹名（不能有斜杠、反斜杠、控制字符或以 "." 开头）`;
  return null;
}

/**
 * The category a cell or option names: its id, its exact title, or a part of exactly one title
 * (`诚信企业` for `2025年度…安防高质量发展诚信企业`). Returns an error message when it names none or several.
 */
export function resolveCategory(round: Pick<RoundDefinition, 'categories'>, text: string): { category: Category } | { error: string } {
  const wanted = text.normalize('NFKC').trim();
  const byId = round.categories.find((category) => category.id === wanted);
  if (byId !== undefined) return { category: byId };
  const byTitle = round.categories.filter((category) => category.title.normalize('NFKC') === wanted);
  if (byTitle.length === 1) return { category: byTitle[0]! };
  const partial = wanted === '' ? [] : round.categories.filter((category) => category.title.normalize('NFKC').includes(wanted));
  if (partial.length === 1) return { category: partial[0]! };
  const known = round.categories.map((category) => category.id).join('、');
  if (partial.length > 1) return { error: `类别 "${text}" 不明确，可指 ${partial.map((category) => category.id).join('、')}` };
  return { error: `未知的类别 "${text}"（可用：${known}）` };
}

/** The category new applicants go to: the one named, or the round's only category. */
export function defaultCategory(round: Pick<RoundDefinition, 'categories'>, named: string | undefined): { category?: Category; error?: string } {
  if (named !== undefined && named !== '') {
    const found = resolveCategory(round, named);
    return 'error' in found ? { error: found.error } : { category: found.category };
  }
  if (round.categories.length === 1) return { category: round.categories[0]! };
  return {};
}

/** Takes `id` for the new entry at JSON path `at`, reporting it when it is unusable or already taken. */
function claimId(problems: ProblemList, taken: Set<string>, at: string, id: string): string {
  const bad = idProblem(id);
  if (bad !== null) problems.add({ code: 'bad-id', path: `${at}.id`, id, field: 'id', message: bad });
  else if (taken.has(id)) problems.add({ code: 'duplicate-id', path: `${at}.id`, id, field: 'id', message: `编号 "${id}" 已被使用` });
  taken.add(id);
  return id;
}

export interface NewApplicant {
  /** Given, or the next free A001-style id. */
  id?: string;
  name: string;
  category: string;
  facts?: Record<string, FactValue>;
  documents?: DocumentRef[];
  [field: string]: unknown;
}

/** Pure: the round with `applicants` appended (ids given where missing). Every problem at once. */
export function addApplicants(round: RoundDefinition, applicants: readonly NewApplicant[]): RoundDefinition {
  const problems = new ProblemList();
  const taken = takenIds(round);
  const categories = new Set(round.categories.map((category) => category.id));
  const added: Applicant[] = [];
  applicants.forEach((input, i) => {
    const at = `applicants[${round.applicants.length + i}]`;
    const id = claimId(problems, taken, at, input.id ?? nextFreeId('A', taken, 3));
    if (input.name.trim() === '') problems.add({ code: 'missing-name', path: `${at}.name`, id, field: 'name', message: '缺少名称' });
    if (!categories.has(input.category)) problems.add({ code: 'unknown-category', path: `${at}.category`, id, field: 'category', message: `未知的类别 "${input.category}"` });
    const { id: _id, name, category, facts, documents, ...rest } = input;
    added.push({ ...rest, id, name: name.trim(), category, ...(facts !== undefined && Object.keys(facts).length > 0 ? { facts } : {}), documents: documents ?? [] });
  });
  problems.throwIfAny('', '申报者有误');
  return { ...round, applicants: [...round.applicants, ...added] };
}

export interface NewExpert {
  /** Given, or the next free E01-style id. */
  id?: string;
  name: string;
  /** Unpadded base64url Ed25519 key (from the expert's .pub file). */
  publicKey?: string;
  /** Category or applicant ids; may stay empty until `assign`. */
  assigned?: string[];
}

/** Pure: the round with `experts` appended. Every problem at once (ids, names, keys used twice, unknown assignments). */
export function addExpertEntries(round: RoundDefinition, experts: readonly NewExpert[]): RoundDefinition {
  const problems = new ProblemList();
  const taken = takenIds(round);
  const keys = new Map(round.experts.filter((expert) => expert.publicKey !== undefined).map((expert) => [expert.publicKey!, expert.id]));
  const added: Expert[] = [];
  experts.forEach((input, i) => {
    const at = `experts[${round.experts.length + i}]`;
    const id = claimId(problems, taken, at, input.id ?? nextFreeId('E', taken, 2));
    if (input.name.trim() === '') problems.add({ code: 'missing-name', path: `${at}.name`, id, field: 'name', message: '缺少专家姓名' });
    if (input.publicKey !== undefined) {
      if (!publicKeySchema.safeParse(input.publicKey).success) problems.add({ code: 'bad-key', path: `${at}.publicKey`, id, field: 'publicKey', message: '公钥格式不对（应为 43 个字符的 base64url）' });
      const other = keys.get(input.publicKey);
      if (other !== undefined) problems.add({ code: 'duplicate-key', path: `${at}.publicKey`, id, field: 'publicKey', message: `该公钥已属于专家 ${other}` });
      keys.set(input.publicKey, id);
    }
    added.push({ id, name: input.name.trim(), ...(input.publicKey !== undefined ? { publicKey: input.publicKey } : {}), assigned: [] });
  });
  problems.throwIfAny('', '专家有误');
  let next: RoundDefinition = { ...round, experts: [...round.experts, ...added] };
  for (const [i, input] of experts.entries()) {
    if (input.assigned !== undefined && input.assigned.length > 0) next = assign(next, added[i]!.id, input.assigned);
  }
  return next;
}

/**
 * Pure: assigns category or applicant ids to an expert (added to what is assigned, or replacing it
 * with `replace`). Refused when the expert or any target is unknown, naming each.
 */
export function assign(round: RoundDefinition, expertId: string, targets: string | readonly string[], options: { replace?: boolean } = {}): RoundDefinition {
  const list = (typeof targets === 'string' ? splitList(targets) : [...targets]).map((target) => target.trim()).filter((target) => target !== '');
  const index = round.experts.findIndex((expert) => expert.id === expertId);
  const problems = new ProblemList();
  if (index < 0) problems.add({ code: 'unknown-expert', id: expertId, field: 'id', message: `没有编号为 "${expertId}" 的专家` });
  const known = new Set([...round.categories.map((category) => category.id), ...round.applicants.map((applicant) => applicant.id)]);
  for (const target of list) {
    if (!known.has(target)) {
      const category = resolveCategory(round, target);
      if ('category' in category) continue;
      problems.add({ code: 'unknown-target', path: index >= 0 ? `experts[${index}].assigned` : '', id: expertId, field: 'assigned', message: `"${target}" 不是本轮的类别或申报者编号` });
    }
  }
  problems.throwIfAny('', '分配有误');
  const resolved = list.map((target) => (known.has(target) ? target : (resolveCategory(round, target) as { category: Category }).category.id));
  const expert = round.experts[index]!;
  const assigned = [...new Set([...(options.replace === true ? [] : expert.assigned), ...resolved])];
  const experts = round.experts.map((candidate, i) => (i === index ? { ...candidate, assigned } : candidate));
  return { ...round, experts };
}

/** `A001,A002；integrity、B001` → the ids. */
export function splitList(text: string): string[] {
  return text.split(/[,，;；、\s]+/u).map((part) => part.trim()).filter((part) => part !== '');
}

/**
 * Pure: sets an applicant's facts (merged into what it has; `null` removes a fact). Values are
 * numbers, strings or booleans; a non-finite number is refused.
 */
export function setFacts(round: RoundDefinition, applicantId: string, facts: Record<string, FactValue | null>): RoundDefinition {
  const index = round.applicants.findIndex((applicant) => applicant.id === applicantId);
  const problems = new ProblemList();
  if (index < 0) problems.add({ code: 'unknown-applicant', id: applicantId, field: 'id', message: `没有编号为 "${applicantId}" 的申报者` });
  for (const [key, value] of Object.entries(facts)) {
    const at = index >= 0 ? `applicants[${index}].facts.${key}` : '';
    if (key.trim() === '') problems.add({ code: 'bad-fact', path: at, id: applicantId, field: 'facts', message: '指标名称为空' });
    if (value === null || typeof value === 'string' || typeof value === 'boolean') continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) problems.add({ code: 'bad-fact', path: at, id: applicantId, field: `facts.${key}`, message: `"${key}" 的值必须是数字、文字或是/否` });
  }
  problems.throwIfAny('', '指标有误');
  const applicant = round.applicants[index]!;
  const merged: Record<string, FactValue> = { ...(applicant.facts ?? {}) };
  for (const [key, value] of Object.entries(facts)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  const { facts: _old, ...rest } = applicant;
  const updated: Applicant = Object.keys(merged).length > 0 ? { ...rest, facts: merged } : { ...rest };
  return { ...round, applicants: round.applicants.map((candidate, i) => (i === index ? updated : candidate)) };
}

/** Pure: the round without the applicant (and without it in any expert's assignment). Its files stay on disk. */
export function removeApplicant(round: RoundDefinition, applicantId: string): RoundDefinition {
  if (!round.applicants.some((applicant) => applicant.id === applicantId)) {
    throw new RoundBuildError('', '删除失败', [{ path: '', code: 'unknown-applicant', id: applicantId, message: `没有编号为 "${applicantId}" 的申报者` }]);
  }
  return {
    ...round,
    applicants: round.applicants.filter((applicant) => applicant.id !== applicantId),
    experts: round.experts.map((expert) => (expert.assigned.includes(applicantId) ? { ...expert, assigned: expert.assigned.filter((id) => id !== applicantId) } : expert)),
  };
}

/** Pure: the round without the expert. */
export function removeExpert(round: RoundDefinition, expertId: string): RoundDefinition {
  if (!round.experts.some((expert) => expert.id === expertId)) {
    throw new RoundBuildError('', '删除失败', [{ path: '', code: 'unknown-expert', id: expertId, message: `没有编号为 "${expertId}" 的专家` }]);
  }
  return { ...round, experts: round.experts.filter((expert) => expert.id !== expertId) };
}
