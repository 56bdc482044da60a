// The applicant list a secretariat fills in Excel for this round: the columns `applicantsFromList`
// reads (编号, 名称, 类别 as a drop-down of the round's categories, one column per fact the award
// levels compare, with its label and unit, 是/否 drop-downs for yes/no facts), and a sheet that
// explains them. Filled in and read back, it adds the applicants.
import ExcelJS from 'exceljs';
import type { RoundDefinition } from '../../../shared/round/schema';
import { knownFacts } from './list';
import { columnLetter } from '../spreadsheet/layout';

const ROWS_WITH_DROPDOWNS = 500;

export async function applicantListTemplate(round: RoundDefinition): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ReviewDesk';
  const sheet = workbook.addWorksheet('申报者名单', { views: [{ state: 'frozen', ySplit: 1 }] });
  const categories = workbook.addWorksheet('类别');
  const guide = workbook.addWorksheet('填写说明');

  const facts = [...knownFacts(round).values()];
  const headers = ['编号', '名称', ...(round.categories.length > 1 ? ['类别'] : []), ...facts.map((fact) => (fact.label !== undefined ? `${fact.label}${fact.unit !== undefined ? `（${fact.unit}）` : ''}` : fact.key))];
  sheet.addRow(headers);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, i) => {
    column.width = i === 0 ? 10 : i === 1 ? 36 : Math.min(40, Math.max(14, (headers[i]?.length ?? 8) * 2));
  });

  categories.addRow(['编号', '类别名称']);
  categories.getRow(1).font = { bold: true };
  for (const category of round.categories) categories.addRow([category.id, category.title]);
  categories.getColumn(1).width = 20;
  categories.getColumn(2).width = 60;

  const validate = (columnIndex: number, formulae: string[], prompt: string) => {
    const letter = columnLetter(columnIndex + 1);
    for (let row = 2; row <= ROWS_WITH_DROPDOWNS + 1; row++) {
      sheet.getCell(`${letter}${row}`).dataValidation = { type: 'list', allowBlank: true, formulae, showErrorMessage: true, errorTitle: '请从列表中选择', error: prompt };
    }
  };
  let column = 2;
  if (round.categories.length > 1) {
    validate(column, [`类别!$B$2:$B$${round.categories.length + 1}`], '类别应为本轮的类别之一（见“类别”工作表）');
    column++;
  }
  for (const fact of facts) {
    if (fact.kind === 'boolean') validate(column, ['"是,否"'], '请填写 是 或 否');
    column++;
  }

  guide.getColumn(1).width = 100;
  const lines = [
    `评审轮次：${round.round.title}（${round.round.id}）`,
    '每行一个申报者。编号可不填（自动编为 A001、A002 …）；名称必填。',
    round.categories.length > 1 ? '类别：从下拉列表选择（也可填类别编号）。' : `本轮只有一个类别：${round.categories[0]?.title ?? ''}，无须填写。`,
    ...facts.map((fact) => `${fact.label ?? fact.key}：${fact.kind === 'boolean' ? '是 / 否' : fact.unit !== undefined ? `数字，单位 ${fact.unit}（可写 520万、5,200,000）` : '数字或文字'}`),
    '申报材料（PDF）可在“从文件夹添加 PDF”中选择文件夹：每个申报者一个子文件夹，以编号或名称命名，其 PDF 即归入该申报者。',
    '也可增加“文件”列，填写 PDF 或文件夹相对于本名单的路径，多个以分号分隔。',
  ];
  for (const line of lines) guide.addRow([line]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
