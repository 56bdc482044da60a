// A round for the score-workbook tests: the shared fixture's rubrics (one with a group, checks —
// one veto —, a required comment and criterion comments below 60 %; a plain one for products);
// a second category on the same rubric (its title breaks Excel's sheet-name rules).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { roundDefinitionSchema, type RoundDefinition } from '../../../shared/round/schema';
import { emptyDraft, type SheetDraft } from '../../../shared/sheet/draft';
import { sampleRound } from '../shared/round-fixture';

const round = {
  format: 'reviewdesk.round/1',
  round: { id: 'nmgaf-2025-awards', title: '2025年度安防行业评优', organizer: '内蒙古安全防范协会', stage: '材料评审', scoringCloses: '2025-11-20', confidential: true },
  rubrics: sampleRound().rubrics,
  categories: [
    { id: 'integrity', title: '安防高质量发展诚信企业', rubric: 'integrity' },
    { id: 'integrity-new', title: "'成长型/新锐 企业：诚信[试点]类别，名称很长超过三十一个字符的限制呀'", rubric: 'integrity' },
    { id: 'product', title: '优秀创新产品', rubric: 'innovation' },
  ],
  applicants: [
    { id: 'A001', name: '某某科技有限公司', category: 'integrity', documents: [] },
    { id: 'A002', name: '某某安防工程有限公司', category: 'integrity', documents: [] },
    { id: 'A003', name: '内蒙古某某智能系统集成股份有限公司', category: 'integrity', documents: [] },
    { id: 'B001', name: '新锐安防有限公司', category: 'integrity-new', documents: [] },
    { id: 'P001', name: '智能门禁系统', category: 'product', documents: [] },
    { id: 'P002', name: '周界报警主机', category: 'product', documents: [] },
    { id: 'P003', name: '人脸识别闸机', category: 'product', documents: [] },
  ],
  experts: [
    { id: 'E01', name: '张三', assigned: ['integrity', 'integrity-new', 'P001', 'P002'] },
    { id: 'E02', name: '李四', assigned: ['product'] },
    { id: 'E03', name: '王五', assigned: [] },
  ],
};

export function testRound(): RoundDefinition {
  return roundDefinitionSchema.parse(structuredClone(round));
}

export const INTEGRITY = '安防高质量发展诚信企业';
export const PRODUCT = '优秀创新产品';

export function draft(fields: Partial<SheetDraft>): SheetDraft {
  return { ...emptyDraft(), ...fields };
}

export async function tempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rd-xlsx-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

export function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (sheet === undefined) throw new Error(`no worksheet ${name}`);
  return sheet;
}

/** The column whose hidden key (row 4) is `key`, e.g. `rd:score:c1`. */
export function columnOf(sheet: ExcelJS.Worksheet, key: string): number {
  let found = 0;
  sheet.getRow(4).eachCell((cell, column) => {
    if (cell.value === key) found = column;
  });
  if (found === 0) throw new Error(`no column ${key} in ${sheet.name}`);
  return found;
}

/** The row whose 编号 is `applicantId`. */
export function rowOf(sheet: ExcelJS.Worksheet, applicantId: string): number {
  for (let row = 5; row <= sheet.rowCount; row += 1) {
    if (sheet.getCell(row, 1).value === applicantId) return row;
  }
  throw new Error(`no row ${applicantId} in ${sheet.name}`);
}

/** What an expert does in Excel: opens the file, types into cells by key, saves a copy. */
export async function fillWorkbook(
  file: string,
  out: string,
  edit: (workbook: ExcelJS.Workbook, set: (sheet: string, applicantId: string, key: string, value: ExcelJS.CellValue) => string) => void,
): Promise<void> {
  const workbook = await openWorkbook(file);
  const set = (sheetName: string, applicantId: string, key: string, value: ExcelJS.CellValue): string => {
    const sheet = sheetOf(workbook, sheetName);
    const cell = sheet.getCell(rowOf(sheet, applicantId), columnOf(sheet, key));
    cell.value = value;
    return cell.address;
  };
  edit(workbook, set);
  await workbook.xlsx.writeFile(out);
}
