// 公示名单: per category the awarded applicants and their awards (after the panel's decisions),
// without scores or comments, for the publication period the rules require.
import ExcelJS from 'exceljs';
import type { MergeRun } from '../merge/run-merge';
import type { Decision } from './conclusion-html';

export interface NoticeEntry {
  categoryTitle: string;
  applicants: { applicantId: string; name: string; award: string }[];
}

/** The award each applicant finally gets: the panel's decision where there is one, else the computed one. */
export function finalAwards(run: MergeRun, decisions: readonly Decision[]): NoticeEntry[] {
  const decided = new Map(decisions.map((decision) => [`${decision.categoryId}\u0000${decision.applicantId}`, decision]));
  return run.results.categories.map((category) => ({
    categoryTitle: category.title,
    applicants: category.ranking.flatMap((applicant) => {
      const decision = decided.get(`${category.id}\u0000${applicant.applicantId}`);
      const award = decision !== undefined && decision.award !== undefined ? decision.award : applicant.award;
      return award === null ? [] : [{ applicantId: applicant.applicantId, name: applicant.name, award }];
    }),
  }));
}

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

export function publicNoticeHtml(run: MergeRun, decisions: readonly Decision[], options: { days?: number; date?: string } = {}): string {
  const title = `${run.results.roundTitle}拟表彰名单公示`;
  const sections = finalAwards(run, decisions).map(
    (entry) => `<h2>${escape(entry.categoryTitle)}</h2><table><thead><tr><th>序号</th><th>申报单位（个人）</th><th>奖项</th></tr></thead><tbody>${entry.applicants
      .map((applicant, index) => `<tr><td class="c">${index + 1}</td><td>${escape(applicant.name)}</td><td class="c">${escape(applicant.award)}</td></tr>`)
      .join('') || '<tr><td colspan="3" class="c">无</td></tr>'}</tbody></table>`,
  );
  const organizer = run.payload.round.organizer ?? run.payload.issuer.name;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}</title><style>
@page { size: A4; margin: 25mm 20mm; }
body { font-family: "Noto Serif CJK SC", "SimSun", serif; font-size: 12pt; line-height: 1.8; }
h1 { font-size: 20pt; text-align: center; } h2 { font-size: 14pt; margin-top: 8mm; }
table { width: 100%; border-collapse: collapse; } thead { display: table-header-group; } tr { break-inside: avoid; }
th, td { border: 0.6pt solid #000; padding: 1.5mm 2mm; } th { background: #eee; } .c { text-align: center; }
.sign { margin-top: 15mm; text-align: right; }
</style></head><body><h1>${escape(title)}</h1>
<p>经专家评审，现将${escape(run.results.roundTitle)}拟表彰名单予以公示，公示期为 ${options.days ?? 5} 个工作日。公示期内如有异议，请以书面形式向${escape(organizer)}秘书处反映。</p>
${sections.join('\n')}
<p class="sign">${escape(organizer)}<br>${escape(options.date ?? run.results.generatedAt.slice(0, 10))}</p></body></html>`;
}

export async function publicNoticeXlsx(run: MergeRun, decisions: readonly Decision[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('公示名单');
  sheet.addRow([`${run.results.roundTitle}拟表彰名单`]).font = { name: '等线', bold: true, size: 14 };
  const header = sheet.addRow(['类别', '序号', '申报单位（个人）', '奖项']);
  header.font = { name: '等线', bold: true };
  for (const entry of finalAwards(run, decisions)) {
    entry.applicants.forEach((applicant, index) => sheet.addRow([entry.categoryTitle, index + 1, applicant.name, applicant.award]));
  }
  [24, 6, 40, 12].forEach((width, index) => (sheet.getColumn(index + 1).width = width));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
