// Applicants (and experts) from a list: an .xlsx workbook or a .csv file, one row each, columns
// found by their header in Chinese or English. Every bad cell is reported at once by row and
// column (`第 3 行，"类别" 列：未知的类别 "xx"`), and problems the round validator finds in the new
// applicants are mapped back to their rows and columns.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Condition, DocumentRef, FactCondition, FactValue, RoundDefinition } from '../../../shared/round/schema';
import { validateRound } from '../../../shared/round/validate';
import { Rejection } from '../rejection';
import { normalized, yesNo, type CellContent } from '../spreadsheet/cell-input';
import { addApplicants, addExpertEntries, defaultCategory, idProblem, nextFreeId, resolveCategory, splitList, takenIds, type NewApplicant, type NewExpert } from './edit';
import { expertPublicIdentity, pubMessage } from './experts';
import { fileNameCollator, isPdfFile, titleOfFile, type AddedApplicants, type DocumentSource } from './folder';
import { ProblemList, RoundBuildError, type BuildProblem } from './problems';
import { columnLetter } from '../spreadsheet/layout';
import { readTable, type TableRow } from './table';

type Field = 'id' | 'name' | 'category' | 'documents' | 'ignore';

const norm = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[\s*＊:：]/g, '');

const APPLICANT_COLUMNS: Record<Exclude<Field, 'ignore'>, string[]> = {
  id: ['编号', '申报编号', '申报者编号', '申报单位编号', '编码', 'id', 'applicantid', 'code'],
  name: ['名称', '申报单位', '单位名称', '企业名称', '申报者', '申报者名称', '申报单位名称', '姓名', '项目名称', 'name', 'applicant'],
  category: ['类别', '奖项', '申报类别', '申报奖项', '类别编号', '奖项类别', 'category', 'award'],
  documents: ['文件', '申报材料', '材料', '文档', '附件', '文件路径', '材料文件', 'files', 'file', 'documents', 'document', 'pdf'],
};
const IGNORED_COLUMNS = ['序号', '备注', 'no', 'no.', '#', 'notes', 'remarks', 'remark'];

interface Column {
  index: number;
  header: string;
  letter: string;
  field: Field | 'fact';
  fact?: string;
}

/** Header text without a unit in brackets: `在职专业技术人员（人）` → `在职专业技术人员`. */
function withoutUnit(header: string): string {
  return header.normalize('NFKC').replace(/\s*[(（[【][^)）\]】]*[)）\]】]\s*$/u, '').trim();
}

interface FactSpec {
  key: string;
  label?: string;
  unit?: string;
  kind?: 'number' | 'boolean';
}

/** Facts the round knows: `template.facts` (labels, units) and those its level conditions compare. */
export function knownFacts(round: RoundDefinition): Map<string, FactSpec> {
  const facts = new Map<string, FactSpec>();
  const declared = ((round as { template?: { facts?: unknown } }).template?.facts ?? {}) as Record<string, { label?: unknown; unit?: unknown }>;
  if (declared !== null && typeof declared === 'object') {
    for (const [key, spec] of Object.entries(declared)) {
      facts.set(key, {
        key,
        ...(typeof spec?.label === 'string' ? { label: spec.label } : {}),
        ...(typeof spec?.unit === 'string' ? { unit: spec.unit, kind: 'number' as const } : {}),
      });
    }
  }
  const visit = (condition: Condition | undefined) => {
    if (condition === undefined) return;
    if ('all' in condition && Array.isArray(condition.all)) condition.all.forEach(visit);
    else if ('any' in condition && Array.isArray(condition.any)) condition.any.forEach(visit);
    else if (typeof condition.fact === 'string') {
      const { fact, value } = condition as FactCondition;
      const spec: FactSpec = facts.get(fact) ?? { key: fact };
      if (typeof value === 'number') spec.kind = 'number';
      else if (typeof value === 'boolean' && spec.kind === undefined) spec.kind = 'boolean';
      facts.set(fact, spec);
    }
  };
  for (const category of round.categories) {
    if (category.award?.type === 'levels') for (const level of category.award.levels) visit(level.when);
  }
  return facts;
}

function classify(header: string, index: number, facts: Map<string, FactSpec>, aliases: Record<string, string[]>): Column {
  const key = norm(header);
  const letter = columnLetter(index + 1);
  const base = { index, header: header.trim(), letter };
  for (const [field, names] of Object.entries(aliases)) {
    if (names.some((name) => norm(name) === key)) return { ...base, field: field as Field };
  }
  if (IGNORED_COLUMNS.some((name) => norm(name) === key)) return { ...base, field: 'ignore' };
  const bare = norm(withoutUnit(header));
  for (const spec of facts.values()) {
    if (norm(spec.key) === key || norm(spec.key) === bare || (spec.label !== undefined && (norm(spec.label) === key || norm(spec.label) === bare))) {
      return { ...base, field: 'fact', fact: spec.key };
    }
  }
  return { ...base, field: 'fact', fact: withoutUnit(header) || header.trim() };
}

/** `5,200,000`, `５２０万`, `500万元`, `20人`, `1.5亿` → the number; null when the text is not one. */
export function parseNumber(text: string, unit?: string): number | null {
  let value = text.normalize('NFKC').replace(/[\s,，]/g, '');
  if (unit !== undefined && unit !== '' && value.endsWith(unit)) value = value.slice(0, -unit.length);
  value = value.replace(/(元|人|项|个|家|年|名|次|%)$/u, '');
  let shift = 0;
  if (value.endsWith('万')) {
    shift = 4;
    value = value.slice(0, -1);
  } else if (value.endsWith('亿')) {
    shift = 8;
    value = value.slice(0, -1);
  }
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(value)) return null;
  if (shift === 0) return Number(value);
  const negative = value.startsWith('-');
  const [whole = '', fraction = ''] = value.replace(/^[-+]/, '').split('.');
  const digits = `${whole}${fraction.padEnd(shift, '0')}`;
  const shifted = `${digits.slice(0, whole.length + shift)}.${digits.slice(whole.length + shift) || '0'}`;
  return (negative ? -1 : 1) * Number(shifted);
}

function blank(cell: CellContent | undefined): boolean {
  return cell === undefined || normalized(cell.text) === '';
}

interface ParsedList {
  columns: Column[];
  rows: TableRow[];
  headerRow: number;
}

function parseHeader(file: string, tableRows: TableRow[], facts: Map<string, FactSpec>, aliases: Record<string, string[]>, problems: ProblemList): ParsedList | null {
  const nonEmpty = tableRows.filter((row) => row.cells.some((cell) => !blank(cell)));
  const header = nonEmpty[0];
  if (header === undefined) {
    problems.add({ code: 'empty', message: '名单是空的：第一行应为表头（编号、名称、类别 …）' });
    return null;
  }
  const columns: Column[] = [];
  const seen = new Map<string, Column>();
  header.cells.forEach((cell, index) => {
    if (blank(cell)) {
      if (nonEmpty.slice(1).some((row) => !blank(row.cells[index]))) {
        problems.add({ code: 'missing-header', row: header.row, column: columnLetter(index + 1), columnLetter: columnLetter(index + 1), message: '这一列有内容但没有表头' });
      }
      return;
    }
    const column = classify(cell.text, index, facts, aliases);
    const key = column.field === 'fact' ? `fact:${column.fact}` : column.field;
    const first = seen.get(key);
    if (first !== undefined && column.field !== 'ignore') {
      problems.add({ code: 'duplicate-column', row: header.row, column: column.header, columnLetter: column.letter, message: `与 ${first.letter} 列 "${first.header}" 重复` });
      return;
    }
    seen.set(key, column);
    columns.push(column);
  });
  return { columns, rows: nonEmpty.slice(1), headerRow: header.row };
}

export interface ListOptions {
  /** Category for rows without one (an id or title); the round's only category by default. */
  category?: string;
}

/** Where each new applicant came from, to map validator problems back to cells. */
interface RowOrigin {
  row: number;
  columns: Column[];
}

/**
 * Applicants from an .xlsx or .csv list. Columns: 编号 (optional; A001-style ids are given where
 * empty), 名称, 类别 (id, title or part of one title; `--category` for empty cells), facts (any other
 * header: a fact id or its label from the template, numbers parsed: `500万元` → 5000000), 文件
 * (optional: PDF paths or folders, relative to the list, separated by ; or line breaks).
 */
export async function applicantsFromList(file: string, round: RoundDefinition, options: ListOptions = {}): Promise<AddedApplicants> {
  const table = await readTable(file);
  const problems = new ProblemList();
  const facts = knownFacts(round);
  const parsed = parseHeader(file, table.rows, facts, APPLICANT_COLUMNS, problems);
  if (parsed === null) {
    problems.throwIfAny(file, '申报者名单有误');
    throw new Error('unreachable');
  }
  const { columns, headerRow } = parsed;
  const byField = (field: Field) => columns.find((column) => column.field === field);
  const nameColumn = byField('name');
  const categoryColumn = byField('category');
  if (nameColumn === undefined) problems.add({ code: 'missing-column', row: headerRow, message: '缺少 "名称" 列（名称、单位名称、姓名 或 name）' });
  const fallback = defaultCategory(round, options.category);
  if (fallback.error !== undefined) problems.add({ code: 'unknown-category', field: 'category', message: fallback.error });
  if (categoryColumn === undefined && fallback.category === undefined && fallback.error === undefined) {
    problems.add({ code: 'missing-column', row: headerRow, message: `缺少 "类别" 列：本轮有 ${round.categories.length} 个类别（${round.categories.map((category) => category.id).join('、')}），请在名单中注明或指定默认类别` });
  }
  const base = path.dirname(file);
  const taken = takenIds(round);
  const explicitIds = new Map<string, number>();
  const idColumn = byField('id');
  for (const row of parsed.rows) {
    if (idColumn === undefined) break;
    const text = normalized(row.cells[idColumn.index]?.text ?? '');
    if (text !== '' && !explicitIds.has(text)) explicitIds.set(text, row.row);
  }
  const applicants: NewApplicant[] = [];
  const origins: RowOrigin[] = [];
  const documents: DocumentSource[] = [];
  for (const row of parsed.rows) {
    const cellOf = (column: Column | undefined) => (column === undefined ? undefined : row.cells[column.index]);
    const at = (column: Column, field: string, code: string, message: string) =>
      problems.add({ code, row: row.row, column: column.header, columnLetter: column.letter, field, message });
    // id
    let id: string;
    const idText = normalized(cellOf(idColumn)?.text ?? '');
    if (idColumn !== undefined && idText !== '') {
      id = idText;
      const bad = idProblem(id);
      if (bad !== null) at(idColumn, 'id', 'bad-id', bad);
      else if (taken.has(id)) {
        const first = explicitIds.get(id);
        at(idColumn, 'id', 'duplicate-id', first !== undefined && first !== row.row ? `编号 "${id}" 与第 ${first} 行重复` : `编号 "${id}" 在本轮中已被使用`);
      }
    } else {
      id = nextFreeId('A', new Set([...taken, ...explicitIds.keys()]), 3);
    }
    taken.add(id);
    // name
    const name = normalized(cellOf(nameColumn)?.text ?? '');
    if (nameColumn !== undefined && name === '') at(nameColumn, 'name', 'missing-name', '缺少名称');
    // category
    let category = fallback.category?.id ?? '';
    const categoryText = normalized(cellOf(categoryColumn)?.text ?? '');
    if (categoryColumn !== undefined && categoryText !== '') {
      const found = resolveCategory(round, categoryText);
      if ('error' in found) at(categoryColumn, 'category', 'unknown-category', found.error);
      else category = found.category.id;
    } else if (categoryColumn !== undefined && fallback.category === undefined) {
      at(categoryColumn, 'category', 'missing-category', '缺少类别');
    }
    // facts
    const values: Record<string, FactValue> = {};
    for (const column of columns) {
      if (column.field !== 'fact') continue;
      const cell = row.cells[column.index];
      if (blank(cell)) continue;
      const spec = facts.get(column.fact!);
      const value = factValue(cell!, spec);
      if (value === null) at(column, `facts.${column.fact}`, 'not-a-number', `不是数字："${cell!.text.trim()}"${spec?.unit !== undefined ? `（单位：${spec.unit}）` : ''}`);
      else if (value === undefined) at(column, `facts.${column.fact}`, 'not-yes-no', `应为 是 或 否："${cell!.text.trim()}"`);
      else values[column.fact!] = value;
    }
    // documents
    const refs: DocumentRef[] = [];
    const documentsColumn = byField('documents');
    const documentsText = cellOf(documentsColumn)?.text ?? '';
    if (documentsColumn !== undefined && documentsText.trim() !== '') {
      for (const entry of documentsText.split(/[;；|\r\n]+/u).map((part) => part.trim()).filter((part) => part !== '')) {
        const source = path.resolve(base, entry);
        const files = await pdfFilesAt(source);
        if (files === 'missing') {
          at(documentsColumn, 'documents', 'not-found', `找不到文件 "${entry}"`);
          continue;
        }
        for (const { file: found, relative, pdf } of files) {
          const shown = relative === '' ? entry : `${entry}/${relative}`;
          if (!pdf) {
            at(documentsColumn, 'documents', 'not-pdf', `"${shown}" 不是 PDF 文件（文件开头没有 %PDF- 标记）`);
            continue;
          }
          const documentPath = `${id}/${(relative === '' ? path.basename(found) : relative).normalize('NFC')}`;
          if (refs.some((ref) => ref.path === documentPath)) {
            at(documentsColumn, 'documents', 'duplicate-document', `"${shown}" 与同一申报者的另一个文件同名`);
            continue;
          }
          refs.push({ path: documentPath, title: titleOfFile(path.basename(found)), sections: [] });
          documents.push({ path: documentPath, source: found });
        }
      }
    }
    applicants.push({ id, name, category, ...(Object.keys(values).length > 0 ? { facts: values } : {}), documents: refs });
    origins.push({ row: row.row, columns });
  }
  if (parsed.rows.length === 0 && problems.empty) problems.add({ code: 'empty', message: '名单只有表头，没有申报者' });
  problems.throwIfAny(file, '申报者名单有误');
  let next: RoundDefinition;
  try {
    next = addApplicants(round, applicants);
  } catch (error) {
    if (error instanceof RoundBuildError) throw mapToRows(file, round, error.problems, origins) ?? error;
    throw error;
  }
  const validated = validateRound(next);
  if (!validated.ok) {
    const mine = mapToRows(file, round, validated.problems.map((problem) => ({ ...problem, code: 'invalid' })), origins, true);
    if (mine !== null) throw mine;
  }
  return { round: next, added: applicants.map((applicant) => applicant.id!), documents };
}

function factValue(cell: CellContent, spec: FactSpec | undefined): FactValue | null | undefined {
  if (spec?.kind === 'boolean') return yesNo(cell);
  if (cell.number !== undefined) return cell.number;
  if (cell.boolean !== undefined) return cell.boolean;
  const number = parseNumber(cell.text, spec?.unit);
  if (number !== null) return number;
  if (spec?.kind === 'number') return null;
  return normalized(cell.text);
}

/** The PDFs a 文件 cell names: the file itself, or every file below a folder. */
async function pdfFilesAt(source: string): Promise<'missing' | { file: string; relative: string; pdf: boolean }[]> {
  let info;
  try {
    info = await stat(source);
  } catch {
    return 'missing';
  }
  if (info.isFile()) return [{ file: source, relative: '', pdf: await isPdfFile(source) }];
  const out: { file: string; relative: string; pdf: boolean }[] = [];
  const walk = async (dir: string, prefix: string) => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => fileNameCollator.compare(a.name, b.name))) {
      if (/^(\.|~\$)|^(thumbs\.db|desktop\.ini)$/i.test(entry.name)) continue;
      const full = path.join(dir, entry.name);
      const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) await walk(full, relative);
      else out.push({ file: full, relative, pdf: await isPdfFile(full) });
    }
  };
  await walk(source, '');
  return out;
}

const FIELD_OF_PATH = /^applicants\[(\d+)\](?:\.(id|name|category|facts|documents)(?:\.([^.[]+)|\[\d+\])?)?/;

/** Problems at `applicants[n]…` of the new applicants as row/column problems; others dropped when `onlyMine`. */
function mapToRows(file: string, round: RoundDefinition, problems: BuildProblem[], origins: RowOrigin[], onlyMine = false): RoundBuildError | null {
  const mapped: BuildProblem[] = [];
  for (const problem of problems) {
    const match = FIELD_OF_PATH.exec(problem.path);
    const origin = match === null ? undefined : origins[Number(match[1]) - round.applicants.length];
    if (match === null || origin === undefined) {
      if (!onlyMine) mapped.push(problem);
      continue;
    }
    const field = match[2];
    const column = origin.columns.find((candidate) => (field === 'facts' ? candidate.field === 'fact' && candidate.fact === match[3] : candidate.field === field));
    mapped.push({
      ...problem,
      row: origin.row,
      ...(column !== undefined ? { column: column.header, columnLetter: column.letter } : {}),
      ...(field !== undefined ? { field: field === 'facts' && match[3] !== undefined ? `facts.${match[3]}` : field } : {}),
    });
  }
  return mapped.length === 0 ? null : new RoundBuildError(file, '申报者名单有误', mapped);
}

// ---- experts from a list ----

const EXPERT_COLUMNS: Record<string, string[]> = {
  id: ['编号', '专家编号', 'id', 'expertid', 'code'],
  name: ['姓名', '专家', '专家姓名', '名称', 'name', 'expert'],
  pub: ['公钥', '公钥文件', '身份文件', 'pub', 'pubfile', 'publickey', 'key'],
  assigned: ['分配', '评审', '评审范围', '评审类别', '负责', '分配类别', 'assigned', 'assign', 'assignment'],
};

/**
 * Experts from an .xlsx or .csv list: 编号 (optional; E01-style ids given), 姓名, 公钥文件 (a .pub
 * path relative to the list, optional), 分配 (category or applicant ids separated by , ; 、).
 * Every bad cell at once, by row and column.
 */
export async function expertsFromList(file: string, round: RoundDefinition): Promise<{ round: RoundDefinition; added: { id: string; name: string; fingerprint?: string }[] }> {
  const table = await readTable(file);
  const problems = new ProblemList();
  const parsed = parseHeader(file, table.rows, new Map(), EXPERT_COLUMNS, problems);
  if (parsed === null) {
    problems.throwIfAny(file, '专家名单有误');
    throw new Error('unreachable');
  }
  const column = (field: string) => parsed.columns.find((candidate) => candidate.field === (field as Field));
  const [idColumn, nameColumn, pubColumn, assignedColumn] = ['id', 'name', 'pub', 'assigned'].map(column);
  if (nameColumn === undefined && pubColumn === undefined) problems.add({ code: 'missing-column', row: parsed.headerRow, message: '缺少 "姓名" 列（或 "公钥文件" 列）' });
  const taken = takenIds(round);
  const known = new Set([...round.categories.map((category) => category.id), ...round.applicants.map((applicant) => applicant.id)]);
  const entries: NewExpert[] = [];
  const fingerprints: (string | undefined)[] = [];
  for (const row of parsed.rows) {
    const text = (c: Column | undefined) => (c === undefined ? '' : normalized(row.cells[c.index]?.text ?? ''));
    const at = (c: Column, field: string, code: string, message: string) => problems.add({ code, row: row.row, column: c.header, columnLetter: c.letter, field, message });
    let id = text(idColumn);
    if (id !== '') {
      const bad = idProblem(id);
      if (bad !== null) at(idColumn!, 'id', 'bad-id', bad);
      else if (taken.has(id)) at(idColumn!, 'id', 'duplicate-id', `编号 "${id}" 已被使用`);
    } else id = nextFreeId('E', taken, 2);
    taken.add(id);
    let name = text(nameColumn);
    let publicKey: string | undefined;
    let fingerprint: string | undefined;
    const pub = text(pubColumn);
    if (pub !== '') {
      try {
        const identity = await expertPublicIdentity(path.resolve(path.dirname(file), pub));
        publicKey = identity.publicKey;
        fingerprint = identity.fingerprint;
        if (name === '') name = identity.name.trim();
      } catch (error) {
        if (!(error instanceof Rejection)) throw error;
        at(pubColumn!, 'publicKey', /fingerprint/.test(error.detail) ? 'fingerprint-mismatch' : error.code, `"${pub}"：${pubMessage(error)}`);
      }
    }
    if (name === '') at(nameColumn ?? pubColumn!, 'name', 'missing-name', '缺少专家姓名');
    const assigned: string[] = [];
    for (const target of splitList(text(assignedColumn))) {
      if (known.has(target)) assigned.push(target);
      else {
        const found = resolveCategory(round, target);
        if ('category' in found) assigned.push(found.category.id);
        else at(assignedColumn!, 'assigned', 'unknown-target', `"${target}" 不是本轮的类别或申报者编号`);
      }
    }
    entries.push({ id, name, ...(publicKey !== undefined ? { publicKey } : {}), assigned });
    fingerprints.push(fingerprint);
  }
  problems.throwIfAny(file, '专家名单有误');
  let next: RoundDefinition;
  try {
    next = addExpertEntries(round, entries);
  } catch (error) {
    if (!(error instanceof RoundBuildError)) throw error;
    // keys used twice and the like: point at the row of the expert
    const rows = error.problems.map((problem) => {
      const index = Number(/^experts\[(\d+)\]/.exec(problem.path)?.[1] ?? -1) - round.experts.length;
      const row = parsed.rows[index];
      const c = problem.field === 'publicKey' ? pubColumn : problem.field === 'name' ? nameColumn : idColumn;
      return row === undefined ? problem : { ...problem, row: row.row, ...(c !== undefined ? { column: c.header, columnLetter: c.letter } : {}) };
    });
    problems.items.push(...rows);
    problems.throwIfAny(file, '专家名单有误');
    throw error;
  }
  const added = next.experts.slice(round.experts.length).map((expert, i) => ({ id: expert.id, name: expert.name, ...(fingerprints[i] !== undefined ? { fingerprint: fingerprints[i] } : {}) }));
  return { round: next, added };
}
