// Reading a filled score workbook back: round trips, what experts type in Excel, every bad cell
// with its sheet, row and column, and workbooks that are not for this round or expert.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFilledScoreWorkbook, writeBlankScoreWorkbook, type CellProblem } from '../../../electron/core/spreadsheet';
import { applicantRubric } from '../../../shared/round/lookup';
import { evaluateDraft, type SheetDraft } from '../../../shared/sheet/draft';
import { columnOf, draft, fillWorkbook, INTEGRITY, openWorkbook, PRODUCT, rowOf, sheetOf, tempDir, testRound } from './fixture';

let dir = '';
let remove: () => Promise<void> = async () => {};
beforeEach(async () => {
  ({ dir, remove } = await tempDir());
});
afterEach(async () => remove());

const round = testRound();

async function blank(expertId = 'E01', drafts?: Map<string, SheetDraft>): Promise<string> {
  const out = path.join(dir, `blank-${expertId}.xlsx`);
  await writeBlankScoreWorkbook({ round, expertId, expertName: expertId === 'E01' ? '张三' : '李四', out, ...(drafts ? { drafts } : {}) });
  return out;
}

async function read(file: string, expertId = 'E01') {
  return readFilledScoreWorkbook(file, { round, expertId });
}

const errors = (problems: CellProblem[]) => problems.filter((problem) => problem.severity === 'error');
const brief = (problems: CellProblem[]) =>
  problems.map(({ sheet, cell, applicantId, criterionId, message }) => ({ sheet, cell, applicantId, criterionId, message }));

const status = (applicantId: string, value: SheetDraft) => {
  const rubric = applicantRubric(round, applicantId);
  if (rubric === undefined) throw new Error(applicantId);
  return evaluateDraft(rubric, applicantId, value).status;
};

// A complete integrity sheet: every check, every score, the low c3 explained, a comment.
const completeA001 = draft({
  checks: { k1: true, k2: true },
  scores: { c1: '24.5', c2a: '9', c2b: '15', c3: '20' },
  criterionComments: { c3: '未提供社会责任报告' },
  comment: '材料齐全，经营规范。',
});

describe('round trips', () => {
  it('a blank workbook read back yields no drafts and no problems', async () => {
    const result = await read(await blank());
    expect(result.problems).toEqual([]);
    expect(result.drafts.size).toBe(0);
    expect(result.source).toMatchObject({ roundId: 'nmgaf-2025-awards', expertId: 'E01', expertName: '张三', format: 'reviewdesk.score-workbook/1' });
  });

  it('drafts written into the workbook come back as they were', async () => {
    const drafts = new Map<string, SheetDraft>([
      ['A001', completeA001],
      ['A002', draft({ conflict: true, conflictReason: '本人曾任该公司技术顾问' })],
      ['A003', draft({ checks: { k1: false, k2: true }, scores: { c1: '10', c2a: '3', c2b: '4', c3: '10' }, criterionComments: { c1: '信用记录有瑕疵', c2: '技术力量弱', c2a: '人员不足', c2b: '业绩少', c3: '无' }, comment: '不符合成立年限要求。' })],
      ['B001', draft({ scores: { c1: '20' } })],
      ['P001', draft({ scores: { n1: '35', n2: '55' }, comment: '' })],
    ]);
    const result = await read(await blank('E01', drafts));
    expect(Object.fromEntries(result.drafts)).toEqual(Object.fromEntries(drafts));
    expect(status('A001', result.drafts.get('A001') ?? draft({}))).toBe('complete');
    expect(status('A002', result.drafts.get('A002') ?? draft({}))).toBe('conflict');
    expect(status('A003', result.drafts.get('A003') ?? draft({}))).toBe('ineligible');
    expect(status('P001', result.drafts.get('P001') ?? draft({}))).toBe('complete');
    // only B001, which was left half done, has problems, and they are gaps, not errors
    expect(errors(result.problems)).toEqual([]);
    expect(new Set(result.problems.map((problem) => problem.applicantId))).toEqual(new Set(['B001']));
    const b001 = result.problems.map((problem) => problem.message);
    expect(b001).toEqual(expect.arrayContaining(['请填写 是 或 否', '未填写得分（0–10，步长1）', '请填写总体评审意见']));
  });

  it('a blank workbook filled in by hand becomes the expert\'s drafts', async () => {
    const file = await blank();
    const filled = path.join(dir, 'filled.xlsx');
    await fillWorkbook(file, filled, (_workbook, set) => {
      set(INTEGRITY, 'A001', 'rd:check:k1', '是');
      set(INTEGRITY, 'A001', 'rd:check:k2', '是');
      set(INTEGRITY, 'A001', 'rd:score:c1', 24.5);
      set(INTEGRITY, 'A001', 'rd:score:c2a', 9);
      set(INTEGRITY, 'A001', 'rd:score:c2b', 15);
      set(INTEGRITY, 'A001', 'rd:score:c3', 20);
      set(INTEGRITY, 'A001', 'rd:criterionComment:c3', '未提供社会责任报告');
      set(INTEGRITY, 'A001', 'rd:comment', '材料齐全，经营规范。');
      set(INTEGRITY, 'A002', 'rd:conflict', '是');
      set(INTEGRITY, 'A002', 'rd:conflictReason', '近三年内曾在该单位任职');
      set(PRODUCT, 'P002', 'rd:score:n1', { formula: '30+8', result: 38 });
      set(PRODUCT, 'P002', 'rd:score:n2', { richText: [{ text: '5' }, { text: '0' }] });
    });
    const result = await read(filled);
    expect(result.problems).toEqual([]);
    expect(Object.fromEntries(result.drafts)).toEqual({
      A001: completeA001,
      A002: draft({ conflict: true, conflictReason: '近三年内曾在该单位任职' }),
      P002: draft({ scores: { n1: '38', n2: '50' } }),
    });
  });

  it('accepts the file as bytes too (an upload)', async () => {
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(await blank('E01', new Map([['P001', draft({ scores: { n1: '1' } })]])));
    const result = await readFilledScoreWorkbook(new Uint8Array(bytes), { round, expertId: 'E01' });
    expect(result.drafts.get('P001')?.scores).toEqual({ n1: '1' });
  });
});

describe('what experts type', () => {
  it('accepts full-width digits, numbers typed as text, spaces, 分, and Y/N, √/×, 符合/不符合', async () => {
    const file = await blank();
    const filled = path.join(dir, 'typed.xlsx');
    await fillWorkbook(file, filled, (_workbook, set) => {
      set(INTEGRITY, 'A001', 'rd:check:k1', 'Ｙ');
      set(INTEGRITY, 'A001', 'rd:check:k2', ' √ ');
      set(INTEGRITY, 'A001', 'rd:score:c1', '２４．５');
      set(INTEGRITY, 'A001', 'rd:score:c2a', ' 8 ');
      set(INTEGRITY, 'A001', 'rd:score:c2b', '１２分');
      set(INTEGRITY, 'A001', 'rd:score:c3', '40\u3000');
      set(INTEGRITY, 'A002', 'rd:check:k1', '符合');
      set(INTEGRITY, 'A002', 'rd:check:k2', '×');
      set(INTEGRITY, 'A002', 'rd:score:c1', '.5');
      set(INTEGRITY, 'A003', 'rd:check:k1', '不符合');
      set(INTEGRITY, 'A003', 'rd:check:k2', 'n');
      set(INTEGRITY, 'A003', 'rd:conflict', '否');
      set(INTEGRITY, 'A003', 'rd:score:c1', '25.');
      set(PRODUCT, 'P001', 'rd:conflict', '回避');
      set(PRODUCT, 'P001', 'rd:conflictReason', '  与申报单位负责人为亲属  ');
      set(PRODUCT, 'P002', 'rd:score:n1', true);
    });
    const result = await read(filled);
    expect(result.drafts.get('A001')).toMatchObject({ checks: { k1: true, k2: true }, scores: { c1: '24.5', c2a: '8', c2b: '12', c3: '40' } });
    expect(result.drafts.get('A002')).toMatchObject({ checks: { k1: true, k2: false }, scores: { c1: '0.5' } });
    expect(result.drafts.get('A003')).toMatchObject({ conflict: false, checks: { k1: false, k2: false }, scores: { c1: '25' } });
    expect(result.drafts.get('P001')).toEqual(draft({ conflict: true, conflictReason: '与申报单位负责人为亲属' }));
    // TRUE in a score cell is not a number: kept as typed and reported
    expect(result.drafts.get('P002')?.scores).toEqual({ n1: 'TRUE' });
    expect(brief(errors(result.problems))).toEqual([
      { sheet: PRODUCT, cell: 'C6', applicantId: 'P002', criterionId: 'n1', message: '「TRUE」不是数字' },
    ]);
  });
});

describe('bad cells', () => {
  it('reports every bad cell at once with its sheet, row and column, and keeps every value', async () => {
    const file = await blank();
    const filled = path.join(dir, 'bad.xlsx');
    await fillWorkbook(file, filled, (workbook, set) => {
      // A001, row 5: one problem per cell
      set(INTEGRITY, 'A001', 'rd:check:k1', '也许');
      set(INTEGRITY, 'A001', 'rd:check:k2', '是');
      set(INTEGRITY, 'A001', 'rd:score:c1', 26);
      set(INTEGRITY, 'A001', 'rd:score:c2a', '2.5');
      set(INTEGRITY, 'A001', 'rd:score:c2b', '十二');
      set(INTEGRITY, 'A001', 'rd:score:c3', -5);
      set(INTEGRITY, 'A001', 'rd:comment', '已评');
      // A002, row 6: conflict without a reason, with a score and a check
      set(INTEGRITY, 'A002', 'rd:conflict', '是');
      set(INTEGRITY, 'A002', 'rd:score:c1', 20);
      set(INTEGRITY, 'A002', 'rd:check:k2', '否');
      // A003, row 7: a reason but no 是, and an unclear 回避 mark on P001
      set(INTEGRITY, 'A003', 'rd:conflictReason', '亲属任职');
      set(PRODUCT, 'P001', 'rd:conflict', '可能');
      set(PRODUCT, 'P001', 'rd:score:n1', '41');
      set(PRODUCT, 'P001', 'rd:score:n2', 57);
      // rows the expert added under the list
      const sheet = sheetOf(workbook, INTEGRITY);
      const c1 = columnOf(sheet, 'rd:score:c1');
      const addRow = (row: number, id: string | null, score: number) => {
        sheet.getCell(row, 1).value = id;
        sheet.getCell(row, c1).value = score;
      };
      addRow(8, 'A999', 10);
      addRow(9, 'P003', 10); // a real applicant, not assigned to E01
      addRow(10, 'A001', 12); // A001 again
      addRow(11, null, 10); // no id
      addRow(12, 'P001', 10); // assigned, but a product on the integrity sheet
      addRow(13, 'A002', 0); // a second A002 row, after the first
    });
    const result = await read(filled);
    expect(brief(errors(result.problems))).toEqual([
      { sheet: INTEGRITY, cell: 'C5', applicantId: 'A001', criterionId: 'k1', message: '请填写 是 或 否（填写的是「也许」）' },
      { sheet: INTEGRITY, cell: 'E5', applicantId: 'A001', criterionId: 'c1', message: '得分 26 超过满分 25' },
      { sheet: INTEGRITY, cell: 'F5', applicantId: 'A001', criterionId: 'c2a', message: '得分须为 1 的整数倍（填写的是 2.5）' },
      { sheet: INTEGRITY, cell: 'G5', applicantId: 'A001', criterionId: 'c2b', message: '「十二」不是数字' },
      { sheet: INTEGRITY, cell: 'H5', applicantId: 'A001', criterionId: 'c3', message: '得分 -5 不能小于 0' },
      { sheet: INTEGRITY, cell: 'D6', applicantId: 'A002', criterionId: 'k2', message: '回避时不应填写资格审查' },
      { sheet: INTEGRITY, cell: 'E6', applicantId: 'A002', criterionId: 'c1', message: '回避时不应填写分数' },
      { sheet: INTEGRITY, cell: 'J7', applicantId: 'A003', criterionId: undefined, message: '填写了回避理由，但「回避」列未填「是」' },
      { sheet: INTEGRITY, cell: 'A8', applicantId: undefined, criterionId: undefined, message: '未知的申报单位 A999' },
      { sheet: INTEGRITY, cell: 'A9', applicantId: 'P003', criterionId: undefined, message: '该申报单位未分配给您（P003 人脸识别闸机）' },
      { sheet: INTEGRITY, cell: 'A10', applicantId: 'A001', criterionId: undefined, message: '重复的申报单位 A001（第 5 行已填写），本行未导入' },
      { sheet: INTEGRITY, cell: 'A11', applicantId: undefined, criterionId: undefined, message: '缺少编号，无法确定是哪个申报单位' },
      { sheet: INTEGRITY, cell: 'A12', applicantId: 'P001', criterionId: undefined, message: '申报单位 P001 属于类别「优秀创新产品」，请在工作表「优秀创新产品」中填写' },
      { sheet: INTEGRITY, cell: 'A13', applicantId: 'A002', criterionId: undefined, message: '重复的申报单位 A002（第 6 行已填写），本行未导入' },
      { sheet: PRODUCT, cell: 'C5', applicantId: 'P001', criterionId: 'n1', message: '得分 41 超过满分 40' },
      { sheet: PRODUCT, cell: 'D5', applicantId: 'P001', criterionId: 'n2', message: '得分须为 5 的整数倍（填写的是 57）' },
      { sheet: PRODUCT, cell: 'F5', applicantId: 'P001', criterionId: undefined, message: '「回避」请填写 是 或留空（填写的是「可能」）' },
    ]);
    // row and column are given apart as well
    expect(result.problems.find((problem) => problem.cell === 'G5')).toMatchObject({ sheet: INTEGRITY, row: 5, column: 'G' });
    // the gaps: A002's missing reason; A001's criterion comments are not asked for while its scores are wrong
    const gaps = brief(result.problems.filter((problem) => problem.severity === 'incomplete'));
    expect(gaps).toEqual(expect.arrayContaining([{ sheet: INTEGRITY, cell: 'K6', applicantId: 'A002', criterionId: undefined, message: '回避须填写理由' }]));
    expect(gaps.filter((gap) => gap.applicantId === 'A001')).toEqual([]);
    // nothing typed is lost: bad scores stay in the drafts as text, for the app to show
    expect(result.drafts.get('A001')).toEqual(draft({ checks: { k2: true }, scores: { c1: '26', c2a: '2.5', c2b: '十二', c3: '-5' }, comment: '已评' }));
    expect(result.drafts.get('A002')).toEqual(draft({ conflict: true, checks: { k2: false }, scores: { c1: '20' } }));
    expect(result.drafts.get('A003')).toEqual(draft({ conflictReason: '亲属任职' }));
    expect(result.drafts.get('P001')).toEqual(draft({ scores: { n1: '41', n2: '57' } }));
    expect([...result.drafts.keys()].sort()).toEqual(['A001', 'A002', 'A003', 'P001']);
    // the app's rules agree that each of them needs fixing
    for (const [id, value] of result.drafts) expect(status(id, value)).toBe('draft');
  });

  it('asks for the criterion comment of a low score and the overall comment, at their cells', async () => {
    const file = await blank();
    const filled = path.join(dir, 'low.xlsx');
    await fillWorkbook(file, filled, (_workbook, set) => {
      set(INTEGRITY, 'A002', 'rd:check:k1', '是');
      set(INTEGRITY, 'A002', 'rd:check:k2', '是');
      set(INTEGRITY, 'A002', 'rd:score:c1', 25);
      set(INTEGRITY, 'A002', 'rd:score:c2a', 2);
      set(INTEGRITY, 'A002', 'rd:score:c2b', 15);
      set(INTEGRITY, 'A002', 'rd:score:c3', 50);
    });
    const result = await read(filled);
    expect(brief(result.problems)).toEqual([
      { sheet: INTEGRITY, cell: 'N6', applicantId: 'A002', criterionId: 'c2a', message: '「技术人员」得分低于该项满分的 60%（6 分），须填写扣分理由' },
      { sheet: INTEGRITY, cell: 'Q6', applicantId: 'A002', criterionId: undefined, message: '请填写总体评审意见' },
    ]);
    expect(result.problems.every((problem) => problem.severity === 'incomplete')).toBe(true);
  });

  it('cuts a text longer than the app keeps and says so', async () => {
    const file = await blank();
    const filled = path.join(dir, 'long.xlsx');
    await fillWorkbook(file, filled, (_workbook, set) => {
      set(INTEGRITY, 'A001', 'rd:conflict', '是');
      set(INTEGRITY, 'A001', 'rd:conflictReason', '理'.repeat(2100));
    });
    const result = await read(filled);
    expect(result.drafts.get('A001')?.conflictReason).toHaveLength(2000);
    expect(brief(result.problems)).toEqual([{ sheet: INTEGRITY, cell: 'K5', applicantId: 'A001', criterionId: undefined, message: '回避理由超过 2000 字，超出部分未导入' }]);
  });
});

describe('rows and columns that moved', () => {
  it('matches applicants by id after rows are swapped, moved to another sheet of the same rubric, or a sheet is renamed', async () => {
    const file = await blank();
    const filled = path.join(dir, 'moved.xlsx');
    await fillWorkbook(file, filled, (workbook, set) => {
      set(INTEGRITY, 'A001', 'rd:score:c1', 21);
      set(INTEGRITY, 'A002', 'rd:score:c1', 22);
      const integrity = sheetOf(workbook, INTEGRITY);
      // swap the id and name cells of rows 5 and 6 (as sorting would)
      for (const column of [1, 2]) {
        const a = integrity.getCell(5, column).value;
        integrity.getCell(5, column).value = integrity.getCell(6, column).value;
        integrity.getCell(6, column).value = a;
      }
      // B001 (category integrity-new, same rubric) typed on the integrity sheet
      integrity.getCell(9, 1).value = 'B001';
      integrity.getCell(9, columnOf(integrity, 'rd:score:c1')).value = 23;
      // the product sheet renamed by the expert
      const product = sheetOf(workbook, PRODUCT);
      product.name = '产品';
      product.getCell(rowOf(product, 'P002'), columnOf(product, 'rd:score:n2')).value = 45;
    });
    const result = await read(filled);
    expect(errors(result.problems)).toEqual([]);
    expect(result.drafts.get('A001')?.scores).toEqual({ c1: '22' });
    expect(result.drafts.get('A002')?.scores).toEqual({ c1: '21' });
    expect(result.drafts.get('B001')?.scores).toEqual({ c1: '23' });
    expect(result.drafts.get('P002')?.scores).toEqual({ n2: '45' });
  });

  it('reads columns by their hidden key, so an inserted column does not shift the scores', async () => {
    const file = await blank();
    const filled = path.join(dir, 'inserted.xlsx');
    const workbook = await openWorkbook(file);
    const sheet = sheetOf(workbook, PRODUCT);
    sheet.unMergeCells('C1:C2');
    sheet.unMergeCells('D1:D2');
    sheet.spliceColumns(3, 0, ['备注', '', '', '', '看过演示', '']);
    expect(sheet.getCell('D4').value).toBe('rd:score:n1');
    sheet.getCell('D5').value = 30; // n1, now in D
    sheet.getCell('E5').value = 50; // n2, now in E
    await workbook.xlsx.writeFile(filled);
    const result = await read(filled);
    expect(result.problems.filter((problem) => problem.cell.endsWith('5') && problem.severity === 'error')).toEqual([]);
    expect(result.drafts.get('P001')?.scores).toEqual({ n1: '30', n2: '50' });
  });
});

describe('workbooks that are not for this round and expert', () => {
  it('refuses a workbook made for another expert, naming both', async () => {
    const file = await blank('E02');
    const result = await read(file, 'E01');
    expect(result.drafts.size).toBe(0);
    expect(result.problems).toEqual([
      { sheet: '', row: 0, column: '', cell: '', severity: 'error', message: '该评分表是为专家 李四（E02）生成的，不是当前专家 张三（E01）' },
    ]);
  });

  it('refuses a workbook made for another round', async () => {
    const other = testRound();
    other.round.id = 'nmgaf-2024-awards';
    other.round.title = '2024年度安防行业评优';
    const out = path.join(dir, 'other.xlsx');
    await writeBlankScoreWorkbook({ round: other, expertId: 'E01', expertName: '张三', out, drafts: new Map([['A001', completeA001]]) });
    const result = await read(out);
    expect(result.drafts.size).toBe(0);
    expect(result.problems.map((problem) => problem.message)).toEqual([
      '该评分表属于评审「2024年度安防行业评优」（nmgaf-2024-awards），不是当前评审「2025年度安防行业评优」（nmgaf-2025-awards）',
    ]);
  });

  it('refuses a spreadsheet without our meta sheet, a file that is not XLSX, and a missing file', async () => {
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Sheet1').getCell('A1').value = 'A001';
    const plainFile = path.join(dir, 'plain.xlsx');
    await plain.xlsx.writeFile(plainFile);
    expect((await read(plainFile)).problems.map((problem) => problem.message)).toEqual(['这不是评审工作台导出的评分表：缺少隐藏的 meta 工作表']);

    const junk = path.join(dir, 'junk.xlsx');
    await writeFile(junk, 'this is not a zip');
    const junkProblems = (await read(junk)).problems;
    expect(junkProblems).toHaveLength(1);
    expect(junkProblems[0]?.message).toMatch(/^无法读取：不是有效的 XLSX 文件/);

    expect((await read(path.join(dir, 'missing.xlsx'))).problems.map((problem) => problem.message)).toEqual(['找不到文件']);
  });

  it('refuses a meta sheet of another format, and a workbook whose sheets lost their key rows', async () => {
    const file = await blank();
    const edited = path.join(dir, 'edited.xlsx');
    const workbook = await openWorkbook(file);
    sheetOf(workbook, 'meta').getCell('B1').value = 'something-else/9';
    await workbook.xlsx.writeFile(edited);
    expect((await read(edited)).problems.map((problem) => problem.message)).toEqual([
      '这不是评审工作台导出的评分表：meta 工作表的格式为「something-else/9」，应为「reviewdesk.score-workbook/1」',
    ]);

    const stripped = path.join(dir, 'stripped.xlsx');
    const again = await openWorkbook(file);
    for (const sheet of again.worksheets) if (sheet.name !== 'meta') sheet.spliceRows(4, 1);
    await again.xlsx.writeFile(stripped);
    const result = await read(stripped);
    expect(result.problems.map((problem) => problem.message)).toEqual(['评分表中没有可导入的工作表（各类别工作表缺少隐藏的列标识行）']);
  });
});
