// summary.xlsx for the secretariat: a ranked sheet per category, the expert × applicant matrix,
// per-criterion detail, and the file log.
import ExcelJS from 'exceljs';
import { leaves } from '../../../shared/rubric';
import type { MergeRun } from '../merge/run-merge';
import { FILE_STATUS_WORDS, flagText, METHOD_WORDS } from './words';

const FONT = { name: '等线', size: 11 };
const HEADER = { font: { ...FONT, bold: true }, fill: { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFDDEBF7' } } };

function sheetName(base: string, used: Set<string>): string {
  const clean = base.replace(/[\\/?*[\]:]/g, '_').slice(0, 28) || '类别';
  let name = clean;
  for (let i = 2; used.has(name); i++) name = `${clean.slice(0, 26)}_${i}`;
  used.add(name);
  return name;
}

function addTable(sheet: ExcelJS.Worksheet, header: string[], rows: (string | number | null)[][], widths: number[]): void {
  const head = sheet.addRow(header);
  head.eachCell((cell) => {
    cell.font = HEADER.font;
    cell.fill = HEADER.fill;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  for (const values of rows) sheet.addRow(values.map((value) => value ?? '')).font = FONT;
  widths.forEach((width, index) => (sheet.getColumn(index + 1).width = width));
  sheet.views = [{ state: 'frozen', ySplit: head.number, xSplit: 0 }];
}

export async function summaryWorkbook(run: MergeRun): Promise<Buffer> {
  const { results, payload } = run;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ReviewDesk';
  workbook.created = new Date(results.generatedAt);
  const names = new Set<string>();
  const usedExperts = results.experts.filter((expert) => expert.status === 'used');

  for (const category of results.categories) {
    const ranked = workbook.addWorksheet(sheetName(`${category.title}`, names));
    ranked.addRow([`${results.roundTitle} · ${category.title}（满分 ${category.fullMarks}，${METHOD_WORDS[category.method]}）`]).font = { ...FONT, bold: true, size: 13 };
    addTable(
      ranked,
      ['名次', '编号', '申报单位', '得分', '精确得分', '奖项', '有效评分表', '回避', '否决', '最低', '最高', '标准差', '平均', '去最高最低', '中位数', '标准化', '标记'],
      category.ranking.map((applicant) => [
        applicant.rank, applicant.applicantId, applicant.name, applicant.score, applicant.scoreExact, applicant.award, applicant.validSheets, applicant.conflicts.join('、'), applicant.vetoes,
        applicant.min, applicant.max, applicant.sd, applicant.methods.mean, applicant.methods['trimmed-mean'], applicant.methods.median, applicant.methods.zscore,
        applicant.flags.map(flagText).join('；'),
      ]),
      [6, 10, 30, 9, 14, 10, 10, 12, 6, 8, 8, 8, 8, 10, 8, 8, 36],
    );
    const matrix = workbook.addWorksheet(sheetName(`${category.title}·专家矩阵`, names));
    addTable(
      matrix,
      ['编号', '申报单位', ...usedExperts.map((expert) => `${expert.id} ${expert.name}`), '得分'],
      category.ranking.map((applicant) => [
        applicant.applicantId,
        applicant.name,
        ...usedExperts.map((expert) => {
          const sheet = run.sheets.get(expert.id)?.sheets.find((candidate) => candidate.applicantId === applicant.applicantId);
          return sheet === undefined ? null : sheet.conflict ? '回避' : sheet.total;
        }),
        applicant.score,
      ]),
      [10, 30, ...usedExperts.map(() => 12), 9],
    );
    const rubric = payload.rubrics.find((candidate) => candidate.id === payload.categories.find((c) => c.id === category.id)?.rubric);
    if (rubric !== undefined) {
      const criteria = leaves(rubric);
      const detail = workbook.addWorksheet(sheetName(`${category.title}·分项`, names));
      addTable(
        detail,
        ['编号', '申报单位', ...criteria.flatMap((criterion) => [`${criterion.label} 平均`, '最低', '最高', '标准差'])],
        category.ranking.map((applicant) => [
          applicant.applicantId,
          applicant.name,
          ...criteria.flatMap((criterion) => {
            const stats = applicant.perCriterion[criterion.id];
            return stats === undefined ? [null, null, null, null] : [stats.mean, stats.min, stats.max, stats.sd];
          }),
        ]),
        [10, 30, ...criteria.flatMap(() => [12, 7, 7, 7])],
      );
    }
  }

  const log = workbook.addWorksheet(sheetName('评分文件核验记录', names));
  addTable(
    log,
    ['文件', '专家', '版次', '正式', '状态', '说明', 'SHA-256', '密钥指纹'],
    results.files.map((file) => [file.file, file.expertId, file.revision, file.final === null ? null : file.final ? '是' : '否', FILE_STATUS_WORDS[file.status], file.reason, file.sha256, file.fingerprint]),
    [40, 8, 6, 6, 14, 50, 66, 42],
  );
  const experts = workbook.addWorksheet(sheetName('专家', names));
  addTable(
    experts,
    ['编号', '姓名', '状态', '版次', '密钥指纹', '密钥未登记', '缺少的评分表'],
    results.experts.map((expert) => [expert.id, expert.name, expert.status === 'used' ? '已采用' : '未提交', expert.revision, expert.fingerprint, expert.unregisteredKey ? '是' : '', expert.missingSheets.join('、')]),
    [8, 12, 10, 6, 42, 10, 30],
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
