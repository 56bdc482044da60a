// Reads a score workbook an expert filled (written by ./blank-sheet) back into sheet drafts.
//
// Every bad cell is reported with its worksheet, row and column, never just the first, and every
// valid value is kept: a score that is out of range, off the step or not a number still goes into
// the draft as its text, so the expert sees it beside the field in the app and fixes it there.
// Which values are wrong is decided by `evaluateDraft`, the rules the app and `score` apply; this
// module only maps its problems back to cells and words them in Chinese.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { exactOf, exactOfDecimal, formatExact, isMultipleOf } from '../../../shared/exact';
import { applicantRubric, assignedApplicants, findApplicant, findCategory } from '../../../shared/round/lookup';
import { isGroup, type Criterion, type LeafCriterion, type RoundDefinition, type Rubric } from '../../../shared/round/schema';
import { allCriteria } from '../../../shared/rubric/criteria';
import { emptyDraft, evaluateDraft, type SheetDraft } from '../../../shared/sheet/draft';
import { cellContent, conflictMark, isBlank, normalized, scoreText, yesNo, type CellContent } from './cell-input';
import {
  columnLetter,
  commentThreshold,
  INSTRUCTIONS_SHEET,
  limitText,
  META_SHEET,
  parseFieldKey,
  WORKBOOK_FORMAT,
  type ColumnField,
} from './layout';

/** One bad cell. A problem with the whole file has sheet '', row 0, column '' and cell ''. */
export interface CellProblem {
  /** The worksheet name as the file has it. */
  sheet: string;
  /** Excel row number (1-based). */
  row: number;
  /** Excel column letter, e.g. "D". */
  column: string;
  /** e.g. "D7". */
  cell: string;
  applicantId?: string;
  /** The criterion (or check) the cell belongs to. */
  criterionId?: string;
  /** Chinese, for the expert. */
  message: string;
  /**
   * `error`: the cell holds something wrong (or the file or row cannot be used);
   * `incomplete`: a required value is missing in a row that was started (the draft is imported,
   * and the app shows the same gap).
   */
  severity: 'error' | 'incomplete';
}

/** What the meta sheet says about the file. */
export interface ScoreWorkbookSource {
  format: string;
  roundId: string;
  roundTitle: string;
  expertId: string;
  expertName: string;
  createdAt?: string;
  bundleId?: string;
  bundleVersion?: number;
}

export interface FilledScoreWorkbook {
  /** By applicant id; only rows with something filled in. */
  drafts: Map<string, SheetDraft>;
  /** Every problem, by worksheet, row and column. */
  problems: CellProblem[];
  /** Present once the file is recognised as a score workbook. */
  source?: ScoreWorkbookSource;
}

export interface ReadFilledOptions {
  round: RoundDefinition;
  expertId: string;
}

/** The limits `SheetDraft` accepts (shared/sheet/draft.ts). */
const MAX_SCORE_TEXT = 40;
const MAX_REASON = 2000;
const MAX_CRITERION_COMMENT = 20_000;
const MAX_COMMENT = 50_000;
/** How far down the hidden key row is looked for (rows the expert inserted above it). */
const KEY_ROW_SEARCH = 30;

const fileProblem = (message: string): CellProblem => ({ sheet: '', row: 0, column: '', cell: '', message, severity: 'error' });

export async function readFilledScoreWorkbook(file: string | Uint8Array, options: ReadFilledOptions): Promise<FilledScoreWorkbook> {
  const refused = (message: string, source?: ScoreWorkbookSource): FilledScoreWorkbook => ({
    drafts: new Map(),
    problems: [fileProblem(message)],
    ...(source !== undefined ? { source } : {}),
  });

  const workbook = new ExcelJS.Workbook();
  try {
    const bytes = typeof file === 'string' ? await readFile(file) : Buffer.from(file);
    // exceljs's typings name an older Buffer type than @types/node 22's; the value is a Buffer
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return refused('找不到文件');
    return refused(`无法读取：不是有效的 XLSX 文件（${(error as Error).message}）`);
  }

  const metaSheet = workbook.getWorksheet(META_SHEET);
  if (metaSheet === undefined) return refused('这不是评审工作台导出的评分表：缺少隐藏的 meta 工作表');
  const meta = readMeta(metaSheet);
  if (meta.source.format !== WORKBOOK_FORMAT) {
    return refused(`这不是评审工作台导出的评分表：meta 工作表的格式为「${meta.source.format}」，应为「${WORKBOOK_FORMAT}」`);
  }
  const { round, expertId } = options;
  if (meta.source.roundId !== round.round.id) {
    return refused(
      `该评分表属于评审「${meta.source.roundTitle}」（${meta.source.roundId}），不是当前评审「${round.round.title}」（${round.round.id}）`,
      meta.source,
    );
  }
  if (meta.source.expertId !== expertId) {
    const current = round.experts.find((expert) => expert.id === expertId);
    const currentName = current === undefined ? expertId : `${current.name}（${expertId}）`;
    return refused(`该评分表是为专家 ${meta.source.expertName}（${meta.source.expertId}）生成的，不是当前专家 ${currentName}`, meta.source);
  }

  const reader = new WorkbookReader(round, expertId, meta);
  let found = 0;
  for (const sheet of workbook.worksheets) {
    if (sheet.name === META_SHEET || sheet.name === INSTRUCTIONS_SHEET) continue;
    if (reader.readSheet(sheet)) found += 1;
  }
  if (found === 0) return refused('评分表中没有可导入的工作表（各类别工作表缺少隐藏的列标识行）', meta.source);
  return { drafts: reader.drafts, problems: reader.problems, source: meta.source };
}

// ---- meta ----

interface MetaSheetEntry {
  name: string;
  categoryId: string;
  rubricId: string;
}

interface Meta {
  source: ScoreWorkbookSource;
  sheets: MetaSheetEntry[];
}

function readMeta(sheet: ExcelJS.Worksheet): Meta {
  const values = new Map<string, string>();
  const sheets: MetaSheetEntry[] = [];
  sheet.eachRow((row) => {
    const text = (column: number) => cellContent(row.getCell(column).value).text;
    const key = text(1);
    if (key === 'sheet') sheets.push({ name: text(2), categoryId: text(3), rubricId: text(4) });
    else if (key !== '' && !values.has(key)) values.set(key, text(2));
  });
  const get = (key: string) => values.get(key) ?? '';
  const version = Number(get('bundleVersion'));
  const source: ScoreWorkbookSource = {
    format: get('format'),
    roundId: get('roundId'),
    roundTitle: get('roundTitle'),
    expertId: get('expertId'),
    expertName: get('expertName'),
    ...(values.has('createdAt') ? { createdAt: get('createdAt') } : {}),
    ...(values.has('bundleId') ? { bundleId: get('bundleId') } : {}),
    ...(values.has('bundleVersion') && Number.isInteger(version) ? { bundleVersion: version } : {}),
  };
  return { source, sheets };
}

// ---- category sheets ----

interface KeyedColumn {
  column: number;
  field: ColumnField;
}

interface RowCell extends KeyedColumn {
  content: CellContent;
}

type FieldKind = ColumnField['kind'];
const INPUT_KINDS: ReadonlySet<FieldKind> = new Set(['check', 'score', 'conflict', 'conflictReason', 'criterionComment', 'comment']);

class WorkbookReader {
  readonly drafts = new Map<string, SheetDraft>();
  readonly problems: CellProblem[] = [];
  private readonly seen = new Map<string, { sheet: string; row: number }>();
  private readonly assigned: Set<string>;

  constructor(
    private readonly round: RoundDefinition,
    expertId: string,
    private readonly meta: Meta,
  ) {
    this.assigned = new Set(assignedApplicants(round, expertId).map((applicant) => applicant.id));
  }

  /** Reads one worksheet; false when it is not a category sheet of ours (no key row). */
  readSheet(sheet: ExcelJS.Worksheet): boolean {
    const keyRow = findKeyRow(sheet);
    const listed = this.meta.sheets.find((entry) => entry.name === sheet.name);
    if (keyRow === undefined) {
      if (listed !== undefined) {
        this.problems.push({ ...fileProblem(`工作表「${sheet.name}」缺少隐藏的列标识行（第4行），无法导入`), sheet: sheet.name });
      }
      return false;
    }
    const columns = keyRow.columns;
    // Only the rows the file has: one value typed into row 1,048,576 must not make us build a
    // million empty rows (getRow creates each one; that ran out of memory).
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber <= keyRow.row) return;
      const cells: RowCell[] = columns.map((keyed) => ({ ...keyed, content: cellContent(row.getCell(keyed.column).value) }));
      this.readRow(sheet.name, rowNumber, cells, listed?.rubricId);
    });
    return true;
  }

  private readRow(sheet: string, row: number, cells: RowCell[], sheetRubricId: string | undefined): void {
    if (cells.every((cell) => !INPUT_KINDS.has(cell.field.kind) || isBlank(cell.content))) return;
    const rowProblems: Array<CellProblem & { order: number }> = [];
    const at = (column: number, message: string, extra: Partial<CellProblem> = {}, severity: CellProblem['severity'] = 'error') => {
      const letter = columnLetter(column);
      rowProblems.push({ sheet, row, column: letter, cell: `${letter}${row}`, message, severity, ...extra, order: column });
    };
    const flush = () => {
      rowProblems.sort((a, b) => a.order - b.order);
      for (const { order: _order, ...problem } of rowProblems) this.problems.push(problem);
    };

    const idCell = cells.find((cell) => cell.field.kind === 'applicant');
    const idColumn = idCell?.column ?? 1;
    const id = idCell === undefined ? '' : normalized(idCell.content.text);
    if (id === '') {
      at(idColumn, '缺少编号，无法确定是哪个申报单位');
      return flush();
    }
    const applicant = findApplicant(this.round, id);
    if (applicant === undefined) {
      at(idColumn, `未知的申报单位 ${id}`);
      return flush();
    }
    if (!this.assigned.has(id)) {
      at(idColumn, `该申报单位未分配给您（${id} ${applicant.name}）`, { applicantId: id });
      return flush();
    }
    const rubric = applicantRubric(this.round, id);
    if (rubric === undefined) {
      at(idColumn, `申报单位 ${id} 的类别没有评分表`, { applicantId: id });
      return flush();
    }
    const fits = sheetRubricId !== undefined ? sheetRubricId === rubric.id : columnsFit(rubric, cells);
    if (!fits) {
      const category = findCategory(this.round, applicant.category);
      const home = this.meta.sheets.find((entry) => entry.categoryId === applicant.category)?.name ?? category?.title ?? applicant.category;
      at(idColumn, `申报单位 ${id} 属于类别「${category?.title ?? applicant.category}」，请在工作表「${home}」中填写`, { applicantId: id });
      return flush();
    }
    const earlier = this.seen.get(id);
    if (earlier !== undefined) {
      const where = earlier.sheet === sheet ? `第 ${earlier.row} 行` : `工作表「${earlier.sheet}」第 ${earlier.row} 行`;
      at(idColumn, `重复的申报单位 ${id}（${where}已填写），本行未导入`, { applicantId: id });
      return flush();
    }
    this.seen.set(id, { sheet, row });

    const draft = this.buildDraft(rubric, id, cells, at);
    const evaluation = evaluateDraft(rubric, id, draft);
    const flagged = new Set(rowProblems.map((problem) => problem.order));
    for (const problem of evaluation.problems) {
      const target = problemTarget(problem.path);
      if (target?.kind === 'conflictPart') continue; // buildDraft reports each such cell
      const cell = target === undefined ? undefined : cells.find((candidate) => sameField(candidate.field, target));
      if (target === undefined || cell === undefined) {
        at(idColumn, missingColumnMessage(rubric, target, problem.message), { applicantId: id, ...criterionOf(target) });
        continue;
      }
      if (flagged.has(cell.column)) continue;
      flagged.add(cell.column);
      const blank = isBlank(cell.content);
      at(cell.column, ruleMessage(rubric, target, draft, blank, problem.message), { applicantId: id, ...criterionOf(target) }, blank ? 'incomplete' : 'error');
    }
    flush();
    if (evaluation.status !== 'not-started') this.drafts.set(id, draft);
  }

  /** The draft of one row; reports the cells it cannot take (unclear 是/否, unknown columns, …). */
  private buildDraft(
    rubric: Rubric,
    applicantId: string,
    cells: RowCell[],
    at: (column: number, message: string, extra?: Partial<CellProblem>) => void,
  ): SheetDraft {
    const draft = emptyDraft();
    const criteria = new Map(allCriteria(rubric).map((criterion) => [criterion.id, criterion]));
    const checks = new Map((rubric.checks ?? []).map((check) => [check.id, check]));
    const shown = (content: CellContent) => content.text.trim();
    for (const { column, field, content } of cells) {
      if (isBlank(content)) continue;
      const about = { applicantId };
      switch (field.kind) {
        case 'check': {
          if (!checks.has(field.id)) {
            at(column, `资格审查项 ${field.id} 不在当前评分表中，未导入`, { ...about, criterionId: field.id });
            break;
          }
          const answer = yesNo(content);
          if (answer === undefined) at(column, `请填写 是 或 否（填写的是「${shown(content)}」）`, { ...about, criterionId: field.id });
          else draft.checks[field.id] = answer;
          break;
        }
        case 'score': {
          const criterion = criteria.get(field.id);
          if (criterion === undefined || isGroup(criterion)) {
            at(column, `评分项 ${field.id} 不在当前评分表中，未导入`, { ...about, criterionId: field.id });
            break;
          }
          draft.scores[field.id] = scoreText(content).slice(0, MAX_SCORE_TEXT);
          break;
        }
        case 'conflict': {
          const mark = conflictMark(content);
          if (mark === undefined) at(column, `「回避」请填写 是 或留空（填写的是「${shown(content)}」）`, about);
          else draft.conflict = mark;
          break;
        }
        case 'conflictReason':
          draft.conflictReason = limited(content.text.trim(), MAX_REASON, '回避理由', column, about, at);
          break;
        case 'criterionComment':
          if (!criteria.has(field.id)) {
            at(column, `评分项 ${field.id} 不在当前评分表中，扣分理由未导入`, { ...about, criterionId: field.id });
            break;
          }
          draft.criterionComments[field.id] = limited(content.text.trim(), MAX_CRITERION_COMMENT, '扣分理由', column, { ...about, criterionId: field.id }, at);
          break;
        case 'comment':
          draft.comment = limited(content.text.trim(), MAX_COMMENT, '总体评审意见', column, about, at);
          break;
        default:
          break;
      }
    }
    // The draft keeps what a conflict row also has (nothing typed is lost), but a conflict sheet
    // carries no scores, checks or criterion comments: each such cell is reported.
    const reasonCell = cells.find((cell) => cell.field.kind === 'conflictReason');
    if (draft.conflict) {
      for (const { column, field, content } of cells) {
        if (isBlank(content)) continue;
        const what = field.kind === 'score' ? '分数' : field.kind === 'check' ? '资格审查' : field.kind === 'criterionComment' ? '扣分理由' : undefined;
        if (what !== undefined && 'id' in field) at(column, `回避时不应填写${what}`, { applicantId, criterionId: field.id });
      }
    } else if (draft.conflictReason !== '' && reasonCell !== undefined) {
      const mark = cells.find((cell) => cell.field.kind === 'conflict');
      at(mark?.column ?? reasonCell.column, '填写了回避理由，但「回避」列未填「是」', { applicantId });
    }
    return draft;
  }
}

function limited(
  text: string,
  limit: number,
  what: string,
  column: number,
  extra: Partial<CellProblem>,
  at: (column: number, message: string, extra?: Partial<CellProblem>) => void,
): string {
  if (text.length <= limit) return text;
  at(column, `${what}超过 ${limit} 字，超出部分未导入`, extra);
  return text.slice(0, limit);
}

function findKeyRow(sheet: ExcelJS.Worksheet): { row: number; columns: KeyedColumn[] } | undefined {
  const last = Math.min(sheet.rowCount, KEY_ROW_SEARCH);
  for (let rowNumber = 1; rowNumber <= last; rowNumber += 1) {
    const columns: KeyedColumn[] = [];
    sheet.getRow(rowNumber).eachCell((cell, column) => {
      const field = parseFieldKey(cellContent(cell.value).text);
      if (field !== undefined) columns.push({ column, field });
    });
    if (columns.some((keyed) => keyed.field.kind === 'applicant')) return { row: rowNumber, columns };
  }
  return undefined;
}

/** Without a meta entry for the sheet (renamed): the row fits when its rubric has every keyed id. */
function columnsFit(rubric: Rubric, cells: RowCell[]): boolean {
  const criteria = new Map(allCriteria(rubric).map((criterion) => [criterion.id, criterion]));
  const checks = new Set((rubric.checks ?? []).map((check) => check.id));
  return cells.every(({ field }) => {
    if (field.kind === 'check') return checks.has(field.id);
    if (field.kind === 'score') {
      const criterion = criteria.get(field.id);
      return criterion !== undefined && !isGroup(criterion);
    }
    if (field.kind === 'criterionComment') return criteria.has(field.id);
    return true;
  });
}

// ---- from evaluateDraft's problems to cells ----

type Target =
  | { kind: 'score' | 'check' | 'criterionComment'; id: string }
  | { kind: 'comment' | 'conflictReason' }
  | { kind: 'conflictPart'; part: 'scores' | 'checks' | 'criterionComments' };

const PATH_FIELDS: Record<string, 'score' | 'check' | 'criterionComment'> = {
  scores: 'score',
  checks: 'check',
  criterionComments: 'criterionComment',
};

/** `scores.c1`, `scores["c 1"]`, `comment`, … as the field it is about. */
function problemTarget(path: string): Target | undefined {
  if (path === 'comment' || path === 'conflictReason') return { kind: path };
  if (path === 'scores' || path === 'checks' || path === 'criterionComments') return { kind: 'conflictPart', part: path };
  const match = /^(scores|checks|criterionComments)(?:\.([^.[\]]+)|\[("(?:[^"\\]|\\.)*")\])$/.exec(path);
  if (match === null) return undefined;
  const kind = PATH_FIELDS[match[1] ?? ''];
  let id = match[2];
  if (id === undefined && match[3] !== undefined) {
    const parsed: unknown = JSON.parse(match[3]);
    if (typeof parsed === 'string') id = parsed;
  }
  return kind === undefined || id === undefined ? undefined : { kind, id };
}

function sameField(field: ColumnField, target: Target): boolean {
  if (target.kind === 'conflictPart') return false; // reported per cell by buildDraft
  if (!('id' in target)) return field.kind === target.kind;
  return field.kind === target.kind && 'id' in field && field.id === target.id;
}

function criterionOf(target: Target | undefined): { criterionId?: string } {
  return target !== undefined && 'id' in target ? { criterionId: target.id } : {};
}

function findLeaf(rubric: Rubric, id: string): LeafCriterion | undefined {
  const criterion = allCriteria(rubric).find((candidate) => candidate.id === id);
  return criterion === undefined || isGroup(criterion) ? undefined : criterion;
}

function findAnyCriterion(rubric: Rubric, id: string): Criterion | undefined {
  return allCriteria(rubric).find((candidate) => candidate.id === id);
}

/** The Chinese message for a rule problem at a cell the sheet has. */
function ruleMessage(rubric: Rubric, target: Target, draft: SheetDraft, blank: boolean, english: string): string {
  switch (target.kind) {
    case 'score': {
      const leaf = findLeaf(rubric, target.id);
      if (leaf === undefined) return `无法导入：${english}`;
      if (blank) return `未填写得分（${limitText(leaf)}）`;
      return scoreMessage(draft.scores[target.id] ?? '', leaf);
    }
    case 'check':
      return '请填写 是 或 否';
    case 'criterionComment': {
      const criterion = findAnyCriterion(rubric, target.id);
      const percent = rubric.criterionCommentBelowPercent;
      if (criterion === undefined || percent === undefined) return `无法导入：${english}`;
      return `「${criterion.label}」得分低于该项满分的 ${String(percent)}%（${commentThreshold(criterion, percent)} 分），须填写扣分理由`;
    }
    case 'comment':
      return '请填写总体评审意见';
    case 'conflictReason':
      return '回避须填写理由';
    case 'conflictPart':
      return `无法导入：${english}`;
  }
}

/** Why a score the rules refused is wrong: the same rules, worded for the cell. */
function scoreMessage(text: string, leaf: LeafCriterion): string {
  const typed = text.trim();
  if (/^-\d+(?:\.\d+)?$/.test(typed)) return `得分 ${typed} 不能小于 0`;
  if (!/^\d+(?:\.\d+)?$/.test(typed)) return `「${typed}」不是数字`;
  const value = exactOfDecimal(typed);
  const max = exactOf(leaf.max);
  const step = exactOf(leaf.step);
  if (value.gt(max)) return `得分 ${typed} 超过满分 ${formatExact(max)}`;
  if (!isMultipleOf(value, step)) return `得分须为 ${formatExact(step)} 的整数倍（填写的是 ${typed}）`;
  return `得分 ${typed} 无效`;
}

/** A rule problem about a field the sheet has no column for (the rubric changed since export). */
function missingColumnMessage(rubric: Rubric, target: Target | undefined, english: string): string {
  if (target === undefined) return `无法导入：${english}`;
  switch (target.kind) {
    case 'score':
    case 'criterionComment': {
      const criterion = findAnyCriterion(rubric, target.id);
      const label = criterion?.label ?? target.id;
      return target.kind === 'score' ? `缺少评分项「${label}」的列` : `缺少「${label}」的扣分理由列`;
    }
    case 'check': {
      const check = (rubric.checks ?? []).find((candidate) => candidate.id === target.id);
      return `缺少资格审查项「${check?.label ?? target.id}」的列`;
    }
    case 'comment':
      return '缺少「总体评审意见」列';
    case 'conflictReason':
      return '缺少「回避理由」列';
    case 'conflictPart':
      return `无法导入：${english}`;
  }
}
