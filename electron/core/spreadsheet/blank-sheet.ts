// Writes an expert's score workbook (XLSX) for paper or spreadsheet scoring: a 说明 sheet, one
// sheet per category the expert has applicants in, and a very hidden, protected `meta` sheet that
// ties the file to its round and expert. What the expert has already entered in the app is filled
// in. `readFilledScoreWorkbook` (./read-filled) reads it back.
import { open, rename, rm } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { exactOf, formatExact } from '../../../shared/exact';
import { assignedApplicants, findRubric } from '../../../shared/round/lookup';
import type { Applicant, Category, RoundDefinition, Rubric } from '../../../shared/round/schema';
import { leaves } from '../../../shared/rubric/criteria';
import { fullMarks } from '../../../shared/rubric/marks';
import type { SheetDraft } from '../../../shared/sheet/draft';
import {
  columnLetter,
  displayWidth,
  fieldKey,
  FIRST_DATA_ROW,
  GROUP_ROW,
  INSTRUCTIONS_SHEET,
  KEY_ROW,
  LABEL_ROW,
  LIMIT_ROW,
  META_SHEET,
  planColumns,
  WORKBOOK_FORMAT,
  type PlannedColumn,
} from './layout';
import { SheetNamer } from './sheet-names';

export interface BlankScoreWorkbookOptions {
  round: RoundDefinition;
  expertId: string;
  expertName: string;
  /** The bundle the round came from, recorded in the meta sheet (informational on import). */
  bundleId?: string;
  bundleVersion?: number;
  /** What the expert has entered so far, by applicant id; written into the rows. */
  drafts?: ReadonlyMap<string, SheetDraft>;
  /** Where to write the .xlsx (written to a temporary file first, then renamed). */
  out: string;
  /** The time recorded as 生成时间 (tests pass a fixed one). */
  now?: Date;
}

export interface WrittenCategorySheet {
  /** The worksheet name (the category title made legal and unique). */
  name: string;
  categoryId: string;
  rubricId: string;
  /** The applicants in row order; the first is on row FIRST_DATA_ROW. */
  applicantIds: string[];
}

export interface BlankScoreWorkbookResult {
  file: string;
  sheets: WrittenCategorySheet[];
}

export interface BlankScoreWorkbookBytes {
  bytes: Buffer;
  sheets: WrittenCategorySheet[];
}

type WorkbookOptions = Omit<BlankScoreWorkbookOptions, 'out'>;

const FONT = '等线';
const HEADER_FILL = 'FFDDEBF7';
const LIMIT_FILL = 'FFF2F2F2';
const THIN = { style: 'thin' as const, color: { argb: 'FF8EA9C1' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Excel limits data-validation titles to 32 characters and messages to 255. */
const clip = (text: string, limit: number) => (text.length <= limit ? text : `${text.slice(0, limit - 1)}…`);

interface CategoryPlan {
  category: Category;
  rubric: Rubric;
  applicants: Applicant[];
  name: string;
}

function categoryPlans(round: RoundDefinition, expertId: string): CategoryPlan[] {
  const applicants = assignedApplicants(round, expertId);
  const namer = new SheetNamer([INSTRUCTIONS_SHEET, META_SHEET]);
  const plans: CategoryPlan[] = [];
  for (const category of round.categories) {
    const members = applicants.filter((applicant) => applicant.category === category.id);
    if (members.length === 0) continue;
    const rubric = findRubric(round, category.rubric);
    if (rubric === undefined) throw new Error(`category ${category.id} names rubric ${category.rubric}, which the round does not define`);
    plans.push({ category, rubric, applicants: members, name: namer.name(category.title) });
  }
  return plans;
}

/** Writes the workbook to `out`; throws when the expert is unknown or has nothing assigned. */
export async function writeBlankScoreWorkbook(options: BlankScoreWorkbookOptions): Promise<BlankScoreWorkbookResult> {
  const { bytes, sheets } = await blankScoreWorkbookBytes(options);
  await writeAtomically(options.out, bytes);
  return { file: options.out, sheets };
}

/** The same workbook as bytes (for a host that hands the file to the user itself). */
export async function blankScoreWorkbookBytes(options: Omit<BlankScoreWorkbookOptions, 'out'>): Promise<BlankScoreWorkbookBytes> {
  const { round, expertId } = options;
  if (!round.experts.some((expert) => expert.id === expertId)) {
    throw new Error(`expert ${expertId} is not in round ${round.round.id}`);
  }
  const plans = categoryPlans(round, expertId);
  if (plans.length === 0) throw new Error(`expert ${expertId} has no applicants assigned in round ${round.round.id}`);

  const now = options.now ?? new Date();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ReviewDesk 评审工作台';
  workbook.title = `${round.round.title} 评分表`;
  workbook.created = now;
  workbook.modified = now;
  workbook.calcProperties.fullCalcOnLoad = true;

  writeInstructions(workbook.addWorksheet(INSTRUCTIONS_SHEET), options, plans, now);
  const sheets: WrittenCategorySheet[] = [];
  for (const plan of plans) {
    await writeCategorySheet(workbook.addWorksheet(plan.name), plan, options);
    sheets.push({
      name: plan.name,
      categoryId: plan.category.id,
      rubricId: plan.rubric.id,
      applicantIds: plan.applicants.map((applicant) => applicant.id),
    });
  }
  await writeMeta(workbook.addWorksheet(META_SHEET), options, sheets, now);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];

  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return { bytes, sheets };
}

async function writeAtomically(file: string, bytes: Buffer): Promise<void> {
  const partial = `${file}.partial-${process.pid}`;
  try {
    const handle = await open(partial, 'w', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

// ---- 说明 ----

function writeInstructions(sheet: ExcelJS.Worksheet, options: WorkbookOptions, plans: CategoryPlan[], now: Date): void {
  const { round } = options;
  sheet.columns = [
    { width: 16, style: { font: { name: FONT, size: 11 } } },
    { width: 90, style: { font: { name: FONT, size: 11 }, alignment: { wrapText: true, vertical: 'top' } } },
  ];
  const title = sheet.addRow([`${round.round.title} — 专家评分表`]);
  title.font = { name: FONT, size: 16, bold: true };
  sheet.mergeCells(title.number, 1, title.number, 2);

  const facts: Array<[string, string | undefined]> = [
    ['评审', round.round.title],
    ['组织单位', round.round.organizer],
    ['评审阶段', round.round.stage],
    ['评分截止', round.round.scoringCloses],
    ['评审专家', `${options.expertName}（${options.expertId}）`],
    ['生成时间', now.toISOString().slice(0, 16).replace('T', ' ') + ' UTC'],
  ];
  for (const [label, value] of facts) {
    if (value === undefined || value === '') continue;
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { name: FONT, bold: true };
  }
  if (round.round.confidential === true) {
    const row = sheet.addRow(['保密', '本表内容保密，仅供评审使用，请勿外传。']);
    row.getCell(1).font = { name: FONT, bold: true, color: { argb: 'FFC00000' } };
  }

  sheet.addRow([]);
  heading(sheet, '填写方法');
  const anyCriterionComments = plans.some((plan) => plan.rubric.criterionCommentBelowPercent !== undefined);
  const anyCommentRequired = plans.some((plan) => plan.rubric.commentRequired === true);
  const steps = [
    '每个评审类别一个工作表，每行一个申报单位。导入时按「编号」识别申报单位，不依赖行的顺序；表头和「编号」列已锁定（工作表保护没有密码，确需调整时可撤销保护，但请勿修改编号和表头）。',
    '得分填写数字，须在该列第3行所示范围内，并且是步长的整数倍（例如步长 0.5：可填 12 或 12.5，不可填 12.3）。Excel 只能检查范围，步长在导入时检查。',
    '资格审查各项填写「是」或「否」（也可填 Y/N、√/×、符合/不符合）。标有「否决项」的一项填「否」，该申报单位在您的评分中即为不符合条件，但仍请完成评分。',
    '如与申报单位存在利害关系需要回避：在「回避」列填「是」，并在「回避理由」列写明理由；回避的行不填写资格审查、分数和扣分理由。',
    '「合计」由公式自动计算，无需填写。',
    ...(anyCriterionComments ? ['某一评分项（或分组）的得分低于其满分的规定比例时，须在对应的「扣分理由」列说明理由；第3行标出了各项的分数线。'] : []),
    ...(anyCommentRequired ? ['「总体评审意见」必填。'] : []),
    '可以只填写部分申报单位，未填写的行不会导入。',
    '填好后在评审工作台中导入本文件。表中有误的单元格会逐一列出（工作表、行、列），其余内容照常导入，可在工作台中继续修改。',
  ];
  steps.forEach((text, index) => sheet.addRow([`${index + 1}.`, text]));

  for (const plan of plans) {
    sheet.addRow([]);
    heading(sheet, `${plan.category.title}（工作表「${plan.name}」，${plan.applicants.length} 个申报单位，满分 ${formatExact(fullMarks(plan.rubric))}）`);
    for (const check of plan.rubric.checks ?? []) {
      sheet.addRow(['资格审查', `${check.label}${check.veto === true ? '（否决项）' : ''}：是/否`]);
    }
    for (const leaf of leaves(plan.rubric)) {
      const guidance = leaf.guidance === undefined || leaf.guidance === '' ? '' : `。${leaf.guidance}`;
      sheet.addRow(['评分项', `${leaf.label}：0–${formatExact(exactOf(leaf.max))} 分，步长 ${formatExact(exactOf(leaf.step))}${guidance}`]);
    }
  }
}

function heading(sheet: ExcelJS.Worksheet, text: string): void {
  const row = sheet.addRow([text]);
  row.font = { name: FONT, size: 12, bold: true };
  sheet.mergeCells(row.number, 1, row.number, 2);
}

// ---- category sheets ----

async function writeCategorySheet(sheet: ExcelJS.Worksheet, plan: CategoryPlan, options: WorkbookOptions): Promise<void> {
  const { rubric, applicants } = plan;
  const longestName = Math.max(0, ...applicants.map((applicant) => displayWidth(applicant.name)));
  const longestId = Math.max(0, ...applicants.map((applicant) => displayWidth(applicant.id)));
  const columns = planColumns(rubric, longestName, longestId);
  const index = (predicate: (column: PlannedColumn) => boolean) => columns.findIndex(predicate) + 1;

  sheet.columns = columns.map((column) => ({ width: column.width, style: { font: { name: FONT, size: 11 } } }));
  writeHeader(sheet, columns, rubric);

  const scoreColumns = columns.map((column, i) => (column.field.kind === 'score' ? i + 1 : 0)).filter((n) => n > 0);
  const firstScore = scoreColumns[0] ?? 0;
  const lastScore = scoreColumns[scoreColumns.length - 1] ?? 0;
  const totalColumn = index((column) => column.field.kind === 'total');

  applicants.forEach((applicant, offset) => {
    const rowNumber = FIRST_DATA_ROW + offset;
    const row = sheet.getRow(rowNumber);
    const draft = options.drafts?.get(applicant.id);
    columns.forEach((column, i) => {
      const cell = row.getCell(i + 1);
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', wrapText: column.field.kind === 'name' || column.width >= 20 };
      if (column.field.kind !== 'applicant' && column.field.kind !== 'name' && column.field.kind !== 'total') {
        cell.protection = { locked: false };
      }
      writeDataCell(cell, column, applicant, draft);
    });
    if (firstScore > 0) {
      const range = `${columnLetter(firstScore)}${rowNumber}:${columnLetter(lastScore)}${rowNumber}`;
      const total = row.getCell(totalColumn);
      total.value = { formula: `IF(COUNT(${range})=0,"",SUM(${range}))` };
      total.alignment = { horizontal: 'right', vertical: 'middle' };
      total.font = { name: FONT, bold: true };
    }
  });

  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: KEY_ROW, topLeftCell: `C${FIRST_DATA_ROW}`, activeCell: `C${FIRST_DATA_ROW}` }];
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${GROUP_ROW}:${LIMIT_ROW}`,
  };
  sheet.headerFooter = {
    oddHeader: `&L${escapeHeader(plan.category.title)}&R${escapeHeader(options.expertName)}`,
    oddFooter: '&L专家签字：____________&C第 &P 页，共 &N 页&R日期：____________',
  };
  // Guards the header, the key row and the 编号 column against slips; no password, so it is one
  // click to lift (a guard, not a security boundary). Input cells are unlocked.
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    formatCells: false,
    insertColumns: false,
    insertRows: false,
    deleteColumns: false,
    deleteRows: false,
    sort: false,
    autoFilter: false,
  });
}

/** `&` starts a code in Excel headers; a literal one is `&&`. */
const escapeHeader = (text: string) => text.replace(/&/g, '&&');

function writeHeader(sheet: ExcelJS.Worksheet, columns: PlannedColumn[], rubric: Rubric): void {
  const style = (cell: ExcelJS.Cell, fill: string, bold: boolean) => {
    cell.font = { name: FONT, bold, size: bold ? 11 : 10, ...(bold ? {} : { color: { argb: 'FF404040' } }) };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  let i = 0;
  while (i < columns.length) {
    const column = columns[i];
    if (column === undefined) break;
    const first = i + 1;
    if (column.band === undefined) {
      sheet.getCell(GROUP_ROW, first).value = column.label;
      sheet.mergeCells(GROUP_ROW, first, LABEL_ROW, first);
      i += 1;
    } else {
      const key = column.band.key;
      let last = first;
      while (columns[last]?.band?.key === key) last += 1;
      sheet.getCell(GROUP_ROW, first).value = column.band.label;
      if (last > first) sheet.mergeCells(GROUP_ROW, first, GROUP_ROW, last);
      for (let c = first; c <= last; c += 1) sheet.getCell(LABEL_ROW, c).value = columns[c - 1]?.label ?? '';
      i = last;
    }
  }
  columns.forEach((column, index) => {
    const c = index + 1;
    for (const row of [GROUP_ROW, LABEL_ROW]) style(sheet.getCell(row, c), HEADER_FILL, true);
    const hint = column.field.kind === 'total' ? `满分${formatExact(fullMarks(rubric))}` : column.hint;
    sheet.getCell(LIMIT_ROW, c).value = hint;
    style(sheet.getCell(LIMIT_ROW, c), LIMIT_FILL, false);
    sheet.getCell(KEY_ROW, c).value = fieldKey(column.field);
  });
  sheet.getRow(GROUP_ROW).height = 24;
  sheet.getRow(LABEL_ROW).height = 42;
  sheet.getRow(LIMIT_ROW).height = 20;
  sheet.getRow(KEY_ROW).hidden = true;
}

function writeDataCell(cell: ExcelJS.Cell, column: PlannedColumn, applicant: Applicant, draft: SheetDraft | undefined): void {
  const field = column.field;
  switch (field.kind) {
    case 'applicant':
      cell.value = applicant.id;
      return;
    case 'name':
      cell.value = applicant.name;
      return;
    case 'total':
      return;
    case 'check': {
      const answer = draft?.checks[field.id];
      if (answer !== undefined) cell.value = answer ? '是' : '否';
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
      const veto = column.check?.veto === true;
      cell.dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: ['"是,否"'],
        showInputMessage: true,
        promptTitle: clip(column.check?.label ?? '资格审查', 32),
        prompt: clip(`请填写 是 或 否${veto ? '。否决项：填「否」即不符合条件' : ''}`, 255),
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: '请填写 是 或 否',
        error: '资格审查项只能填写「是」或「否」。',
      };
      return;
    }
    case 'score': {
      const text = draft?.scores[field.id];
      if (text !== undefined && text.trim() !== '') {
        const trimmed = text.trim();
        cell.value = /^\d+(?:\.\d+)?$/.test(trimmed) ? Number(trimmed) : text;
      }
      cell.alignment = { horizontal: 'right', vertical: 'middle' };
      const leaf = column.leaf;
      if (leaf === undefined) return;
      const max = formatExact(exactOf(leaf.max));
      const step = formatExact(exactOf(leaf.step));
      cell.dataValidation = {
        type: 'decimal',
        operator: 'between',
        allowBlank: true,
        formulae: [0, leaf.max],
        showInputMessage: true,
        promptTitle: clip(leaf.label, 32),
        prompt: clip(`0–${max} 分，步长 ${step}（须为 ${step} 的整数倍）`, 255),
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: '得分超出范围',
        error: clip(`请输入 0 到 ${max} 之间的数字，且为 ${step} 的整数倍。`, 225),
      };
      return;
    }
    case 'conflict':
      if (draft?.conflict === true) cell.value = '是';
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
      cell.dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: ['"是"'],
        showInputMessage: true,
        promptTitle: '回避',
        prompt: '需要回避时填「是」，并填写回避理由；否则留空。',
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: '回避',
        error: '需要回避时填「是」，否则留空。',
      };
      return;
    case 'conflictReason':
      if (draft !== undefined && draft.conflictReason !== '') cell.value = draft.conflictReason;
      return;
    case 'criterionComment': {
      const text = draft?.criterionComments[field.id];
      if (text !== undefined && text !== '') cell.value = text;
      return;
    }
    case 'comment':
      if (draft !== undefined && draft.comment !== '') cell.value = draft.comment;
      return;
  }
}

// ---- meta ----

/** Rows of `key | value`; each category sheet is a row `sheet | name | categoryId | rubricId`. */
async function writeMeta(
  sheet: ExcelJS.Worksheet,
  options: WorkbookOptions,
  sheets: WrittenCategorySheet[],
  now: Date,
): Promise<void> {
  const { round } = options;
  const rows: Array<Array<string | number>> = [
    ['format', WORKBOOK_FORMAT],
    ['roundId', round.round.id],
    ['roundTitle', round.round.title],
    ['expertId', options.expertId],
    ['expertName', options.expertName],
    ['createdAt', now.toISOString()],
  ];
  if (options.bundleId !== undefined) rows.push(['bundleId', options.bundleId]);
  if (options.bundleVersion !== undefined) rows.push(['bundleVersion', options.bundleVersion]);
  for (const written of sheets) rows.push(['sheet', written.name, written.categoryId, written.rubricId]);
  sheet.addRows(rows);
  sheet.state = 'veryHidden';
  await sheet.protect('', { selectLockedCells: false, selectUnlockedCells: false });
}
