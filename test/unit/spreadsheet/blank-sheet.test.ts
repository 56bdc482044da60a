// The blank score workbook: sheets, header layout, validations, pre-filled drafts; and that the
// file opens in LibreOffice when it is installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blankScoreWorkbookBytes, writeBlankScoreWorkbook } from '../../../electron/core/spreadsheet';
import { MAX_SHEET_NAME, SheetNamer, sheetNameFor } from '../../../electron/core/spreadsheet/sheet-names';
import { columnOf, draft, INTEGRITY, openWorkbook, PRODUCT, rowOf, sheetOf, tempDir, testRound } from './fixture';

let dir = '';
let remove: () => Promise<void> = async () => {};
beforeEach(async () => {
  ({ dir, remove } = await tempDir());
});
afterEach(async () => remove());

/** exceljs keeps a sheet's protection on the sheet but leaves it out of its typings. */
const protectionOf = (sheet: object): unknown => (sheet as { sheetProtection?: unknown }).sheetProtection;

const NOW = new Date('2025-11-01T08:30:00Z');

async function writeFor(expertId = 'E01', extra: { drafts?: Map<string, ReturnType<typeof draft>> } = {}) {
  const out = path.join(dir, `${expertId}.xlsx`);
  const result = await writeBlankScoreWorkbook({ round: testRound(), expertId, expertName: '张三', bundleId: '6f1c0d2e-8d7a-4c43-9a55-1f2b3c4d5e6f', bundleVersion: 2, out, now: NOW, ...extra });
  return { out, result, workbook: await openWorkbook(out) };
}

describe('writeBlankScoreWorkbook: sheets', () => {
  it('writes 说明, one sheet per category the expert has applicants in, and a very hidden meta sheet', async () => {
    const { result, workbook } = await writeFor();
    const longName = result.sheets[1]?.name ?? '';
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['说明', INTEGRITY, longName, PRODUCT, 'meta']);
    expect(result.sheets.map((sheet) => [sheet.categoryId, sheet.rubricId, sheet.applicantIds])).toEqual([
      ['integrity', 'integrity', ['A001', 'A002', 'A003']],
      ['integrity-new', 'integrity', ['B001']],
      ['product', 'innovation', ['P001', 'P002']],
    ]);
    expect(sheetOf(workbook, 'meta').state).toBe('veryHidden');
    for (const name of [INTEGRITY, PRODUCT, '说明']) expect(sheetOf(workbook, name).state).toBe('visible');
  });

  it('records round, bundle, expert and each sheet\'s category in the meta sheet', async () => {
    const { workbook } = await writeFor();
    const meta = sheetOf(workbook, 'meta');
    const rows = (meta.getSheetValues() as unknown[][]).filter(Boolean).map((row) => row.slice(1));
    expect(rows).toEqual(
      expect.arrayContaining([
        ['format', 'reviewdesk.score-workbook/1'],
        ['roundId', 'nmgaf-2025-awards'],
        ['expertId', 'E01'],
        ['expertName', '张三'],
        ['bundleId', '6f1c0d2e-8d7a-4c43-9a55-1f2b3c4d5e6f'],
        ['bundleVersion', 2],
        ['sheet', INTEGRITY, 'integrity', 'integrity'],
        ['sheet', PRODUCT, 'product', 'innovation'],
      ]),
    );
    expect(protectionOf(meta)).toMatchObject({ sheet: true });
  });

  it('explains how to fill the sheets in 说明', async () => {
    const { workbook } = await writeFor();
    const text = (sheetOf(workbook, '说明').getSheetValues() as unknown[][]).flat().filter((v) => typeof v === 'string').join('\n');
    for (const words of ['2025年度安防行业评优', '张三（E01）', '内蒙古安全防范协会', '2025-11-20', '步长', '「是」或「否」', '「回避」列填「是」', '回避理由', '扣分理由', '总体评审意见', '查看信用报告', '保密']) {
      expect(text).toContain(words);
    }
  });

  it('makes category titles legal, unique worksheet names', async () => {
    const { result } = await writeFor();
    const name = result.sheets[1]?.name ?? '';
    expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect(name).not.toMatch(/[:\\/?*[\]]/);
    expect(name.startsWith("'")).toBe(false);
    expect(name.startsWith('成长型／新锐 企业：诚信［试点］类别')).toBe(true);
  });

  it('refuses an unknown expert and an expert with nothing assigned', async () => {
    await expect(blankScoreWorkbookBytes({ round: testRound(), expertId: 'E99', expertName: 'x' })).rejects.toThrow(/E99 is not in round/);
    await expect(blankScoreWorkbookBytes({ round: testRound(), expertId: 'E03', expertName: '王五' })).rejects.toThrow(/no applicants assigned/);
  });

  it('only lists the expert\'s applicants (E02 has the whole product category, nothing else)', async () => {
    const { workbook } = await writeFor('E02');
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['说明', PRODUCT, 'meta']);
    const product = sheetOf(workbook, PRODUCT);
    expect([5, 6, 7].map((row) => product.getCell(row, 1).value)).toEqual(['P001', 'P002', 'P003']);
    expect(product.getCell(8, 1).value).toBeNull();
  });
});

describe('writeBlankScoreWorkbook: the category sheet layout', () => {
  it('row 1 groups (merged), row 2 labels, row 3 limits, hidden key row 4, frozen panes', async () => {
    const { workbook } = await writeFor();
    const sheet = sheetOf(workbook, INTEGRITY);
    const keys = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17].map((c) => sheet.getCell(4, c).value);
    expect(keys).toEqual([
      'rd:applicant', 'rd:name', 'rd:check:k1', 'rd:check:k2',
      'rd:score:c1', 'rd:score:c2a', 'rd:score:c2b', 'rd:score:c3',
      'rd:total', 'rd:conflict', 'rd:conflictReason',
      'rd:criterionComment:c1', 'rd:criterionComment:c2', 'rd:criterionComment:c2a', 'rd:criterionComment:c2b', 'rd:criterionComment:c3',
      'rd:comment',
    ]);
    expect(sheet.getRow(4).hidden).toBe(true);
    const merges = [...sheet.model.merges].sort();
    expect(merges).toEqual(['A1:A2', 'B1:B2', 'C1:D1', 'E1:E2', 'F1:G1', 'H1:H2', 'I1:I2', 'J1:J2', 'K1:K2', 'L1:P1', 'Q1:Q2'].sort());
    expect(sheet.getCell('A1').value).toBe('编号');
    expect(sheet.getCell('B1').value).toBe('申报单位');
    expect(sheet.getCell('C1').value).toBe('资格审查');
    expect(sheet.getCell('C2').value).toBe('营业执照：成立5年及以上（否决项）');
    expect(sheet.getCell('D2').value).toBe('无重大安全事故');
    expect(sheet.getCell('E1').value).toBe('诚信经营');
    expect(sheet.getCell('F1').value).toBe('企业能力（25分）');
    expect([sheet.getCell('F2').value, sheet.getCell('G2').value]).toEqual(['技术人员', '项目业绩']);
    expect(['E3', 'F3', 'G3', 'H3'].map((a) => sheet.getCell(a).value)).toEqual(['0–25，步长0.5', '0–10，步长1', '0–15，步长1', '0–50，步长2.5']);
    expect(sheet.getCell('C3').value).toBe('是/否');
    expect(sheet.getCell('I1').value).toBe('合计');
    expect(sheet.getCell('I3').value).toBe('满分100');
    expect(sheet.getCell('J1').value).toBe('回避');
    expect(sheet.getCell('K1').value).toBe('回避理由');
    expect(sheet.getCell('L1').value).toBe('扣分理由（得分低于该项满分60%时必填）');
    expect(['L2', 'M2', 'P2'].map((a) => sheet.getCell(a).value)).toEqual(['诚信经营', '企业能力', '社会责任']);
    expect(['L3', 'M3', 'P3'].map((a) => sheet.getCell(a).value)).toEqual(['低于15分时必填', '低于15分时必填', '低于30分时必填']);
    expect(sheet.getCell('Q1').value).toBe('总体评审意见');
    expect(sheet.getCell('Q3').value).toBe('必填');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 4 });
    expect(sheet.getCell('E2').font).toMatchObject({ bold: true, name: '等线' });
    expect(sheet.getCell('E2').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(sheet.getCell('E2').border?.bottom?.style).toBe('thin');
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(36); // the longest name, 18 CJK characters
  });

  it('a rubric without groups, checks or criterion comments gets only the columns it needs', async () => {
    const { workbook } = await writeFor();
    const sheet = sheetOf(workbook, PRODUCT);
    const keys: unknown[] = [];
    sheet.getRow(4).eachCell((cell) => keys.push(cell.value));
    expect(keys).toEqual(['rd:applicant', 'rd:name', 'rd:score:n1', 'rd:score:n2', 'rd:total', 'rd:conflict', 'rd:conflictReason', 'rd:comment']);
    expect(sheet.getCell('C1').value).toBe('技术先进性');
    expect(sheet.getCell('H3').value).toBe('选填');
  });

  it('one row per applicant with validations, a total formula, right-aligned numbers and unlocked inputs', async () => {
    const { workbook } = await writeFor();
    const sheet = sheetOf(workbook, INTEGRITY);
    expect([5, 6, 7].map((row) => [sheet.getCell(row, 1).value, sheet.getCell(row, 2).value])).toEqual([
      ['A001', '某某科技有限公司'],
      ['A002', '某某安防工程有限公司'],
      ['A003', '内蒙古某某智能系统集成股份有限公司'],
    ]);
    const score = sheet.getCell('E6');
    expect(score.dataValidation).toMatchObject({ type: 'decimal', operator: 'between', allowBlank: true, showErrorMessage: true });
    expect(score.dataValidation.formulae.map(String)).toEqual(['0', '25']);
    expect(score.dataValidation.prompt).toContain('步长 0.5');
    expect(score.alignment?.horizontal).toBe('right');
    expect(score.protection?.locked).toBe(false);
    expect(sheet.getCell('H7').dataValidation.formulae.map(String)).toEqual(['0', '50']);
    const check = sheet.getCell('C5');
    expect(check.dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(check.dataValidation.prompt).toContain('否决项');
    expect(sheet.getCell('J5').dataValidation).toMatchObject({ type: 'list', formulae: ['"是"'] });
    const total = sheet.getCell('I5').value as { formula: string };
    expect(total.formula).toBe('IF(COUNT(E5:H5)=0,"",SUM(E5:H5))');
    expect(sheet.getCell('A5').protection?.locked).not.toBe(false);
    expect(protectionOf(sheet)).toMatchObject({ sheet: true });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:3' });
  });

  it('fills in the drafts the expert already has', async () => {
    const drafts = new Map([
      ['A001', draft({ checks: { k1: true, k2: false }, scores: { c1: '24.5', c2a: '９', c3: '20' }, criterionComments: { c3: '缺少社会责任报告' }, comment: '整体良好' })],
      ['A002', draft({ conflict: true, conflictReason: '曾任该公司顾问' })],
    ]);
    const { workbook } = await writeFor('E01', { drafts });
    const sheet = sheetOf(workbook, INTEGRITY);
    const at = (applicantId: string, key: string) => sheet.getCell(rowOf(sheet, applicantId), columnOf(sheet, key)).value;
    expect(at('A001', 'rd:check:k1')).toBe('是');
    expect(at('A001', 'rd:check:k2')).toBe('否');
    expect(at('A001', 'rd:score:c1')).toBe(24.5);
    expect(at('A001', 'rd:score:c2a')).toBe('９'); // not a plain number: kept as typed
    expect(at('A001', 'rd:score:c2b')).toBeNull();
    expect(at('A001', 'rd:criterionComment:c3')).toBe('缺少社会责任报告');
    expect(at('A001', 'rd:comment')).toBe('整体良好');
    expect(at('A002', 'rd:conflict')).toBe('是');
    expect(at('A002', 'rd:conflictReason')).toBe('曾任该公司顾问');
    expect(at('A003', 'rd:comment')).toBeNull();
  });
});

describe('sheet names', () => {
  it('replaces forbidden characters, trims apostrophes and keeps 31 characters', () => {
    expect(sheetNameFor('a:b\\c/d?e*f[g]h')).toBe('a：b＼c／d？e＊f［g］h');
    expect(sheetNameFor("'引号'")).toBe('引号');
    expect(sheetNameFor('   ')).toBe('类别');
    expect(sheetNameFor('x'.repeat(40))).toHaveLength(31);
    // a character outside the BMP is two UTF-16 units and is never split
    const name = sheetNameFor('甲'.repeat(30) + '𠀀');
    expect(name).toBe('甲'.repeat(30));
  });

  it('makes names unique ignoring case, and never uses History or the reserved names', () => {
    const namer = new SheetNamer(['说明', 'meta']);
    expect(namer.name('说明')).toBe('说明（2）');
    expect(namer.name('META')).toBe('META（2）');
    expect(namer.name('history')).toBe('history（2）');
    expect(namer.name('Abc')).toBe('Abc');
    expect(namer.name('aBC')).toBe('aBC（2）');
    expect(namer.name('aBC')).toBe('aBC（3）');
    const long = '长'.repeat(31);
    expect(namer.name(long)).toBe(long);
    const second = namer.name(long);
    expect(second).toBe(`${'长'.repeat(28)}（2）`);
    expect(second).toHaveLength(31);
  });
});

// LibreOffice is the independent check that the file is a valid XLSX. It is not installed in
// every environment (not in the one this was written in); the test is skipped when `soffice` is
// missing, and exceljs reading every file back is then the only check.
const soffice = ['soffice', 'libreoffice'].find((command) => spawnSync('which', [command]).status === 0);

describe.skipIf(soffice === undefined)('LibreOffice', () => {
  it('converts the workbook (every sheet opens)', async () => {
    const { out } = await writeFor();
    execFileSync(soffice ?? 'soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'ods', '--outdir', dir, out], { timeout: 120_000 });
    expect(existsSync(path.join(dir, 'E01.ods'))).toBe(true);
  });
});
