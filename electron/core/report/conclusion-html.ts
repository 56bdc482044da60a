// The review conclusion (评审结论) as HTML for A4 printing: cover, the method in words, per category
// the ranked table with scores, awards and flags, the panel's decisions with reasons, panel
// agreement, appendices (expert × applicant matrix, conflicts, the file log with each score file's
// SHA-256 and key fingerprint), and the sign-off block. Tables repeat their header on each page and
// never cut a row. Page numbers and the running header come from the printer (print-pdf.ts).
import type { RankedApplicant } from '../../../shared/merge';
import type { MergeRun } from '../merge/run-merge';
import { fileReasonText } from '../../../shared/merge/file-reasons';
import { aggregationWords, awardWords, FILE_STATUS_WORDS, flagText, tieBreakWords } from './words';

export interface Decision {
  categoryId: string;
  applicantId: string;
  /** The award the panel decided, when it differs from the computed one (null: no award). */
  award?: string | null;
  reason?: string;
  /** 评审意见 on an awarded applicant. */
  opinion?: string;
  dissent?: { expertId: string; text: string }[];
}

export interface ConclusionOptions {
  decisions?: Decision[];
  /** The date printed on the cover and the sign-off block (YYYY-MM-DD). */
  date?: string;
  chairName?: string;
}

const escape = (text: unknown) =>
  String(text ?? '').replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const STYLE = `
@page { size: A4; margin: 22mm 16mm 20mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; font-size: 10.5pt; line-height: 1.6; color: #000; margin: 0; }
h1 { font-size: 22pt; text-align: center; margin: 0 0 12mm; letter-spacing: 2pt; }
h2 { font-size: 15pt; margin: 8mm 0 3mm; border-bottom: 1.5pt solid #000; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 12pt; margin: 5mm 0 2mm; break-after: avoid; }
p { margin: 1.5mm 0; text-align: justify; }
.cover { height: 240mm; display: flex; flex-direction: column; justify-content: center; align-items: center; break-after: page; }
.cover .meta { font-size: 13pt; line-height: 2.2; margin-top: 20mm; }
.confidential-cover { font-size: 14pt; font-weight: bold; border: 1.5pt solid #000; padding: 2mm 6mm; margin-bottom: 20mm; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; font-size: 9.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.6pt solid #000; padding: 1.2mm 1.5mm; vertical-align: top; }
th { background: #eee; font-weight: bold; text-align: center; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.center { text-align: center; }
.muted { color: #444; }
.section { break-before: page; }
.signoff td { height: 14mm; }
.signoff td.name { width: 25%; }
`;

function rankingTable(ranking: RankedApplicant[], decisions: Decision[]): string {
  const decided = new Map(decisions.map((decision) => [decision.applicantId, decision]));
  const rows = ranking.map((applicant) => {
    const decision = decided.get(applicant.applicantId);
    const finalAward = decision !== undefined && decision.award !== undefined ? decision.award : applicant.award;
    return `<tr data-applicant="${escape(applicant.applicantId)}">
      <td class="center">${applicant.rank ?? '—'}</td><td>${escape(applicant.applicantId)}</td><td>${escape(applicant.name)}</td>
      <td class="num">${applicant.score === null ? '—' : applicant.score.toFixed(2)}</td><td class="center">${applicant.validSheets}</td>
      <td class="center">${escape(applicant.award ?? '—')}</td><td class="center">${escape(finalAward ?? '—')}</td>
      <td>${applicant.flags.map((flag) => escape(flagText(flag))).join('；')}</td></tr>`;
  });
  return `<table class="ranking"><thead><tr><th>名次</th><th>编号</th><th>申报单位</th><th>得分</th><th>有效评分</th><th>计算结果</th><th>评审结论</th><th>标记</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

export function conclusionHtml(run: MergeRun, options: ConclusionOptions = {}): string {
  const { results, payload } = run;
  const decisions = options.decisions ?? [];
  const date = options.date ?? results.generatedAt.slice(0, 10);
  const title = `${results.roundTitle}评审结论`;
  const body: string[] = [];
  body.push(`<section class="cover">
    ${payload.round.confidential === true ? '<div class="confidential-cover">内部资料 注意保存</div>' : ''}
    <h1>${escape(title)}</h1>
    <div class="meta">
      <div>评审阶段：${escape(payload.round.stage ?? '—')}</div>
      <div>组织单位：${escape(payload.round.organizer ?? payload.issuer.name)}</div>
      <div>评审专家：${results.experts.filter((expert) => expert.status === 'used').length} 人（名单 ${results.experts.length} 人）</div>
      <div>日期：${escape(date)}</div>
    </div></section>`);

  body.push(`<h2>一、评审办法</h2>
    <p>本轮评审依据秘书处签发的评审材料包（编号 ${escape(results.bundleId)}，第 ${results.bundleVersion} 版，清单 SHA-256 ${escape(results.manifestSha256.slice(0, 16))}…）进行。各位专家独立评分，评分文件经专家本人数字签名后提交秘书处；秘书处逐一核验签名、所评轮次与评分表合计，每位专家以其最新有效版本为准。</p>`);
  for (const category of payload.categories) {
    body.push(`<h3>${escape(category.title)}</h3><p>${escape(aggregationWords(category, results.method === 'per-category' ? undefined : results.method))}</p><p>${escape(awardWords(category))}</p><p>${escape(tieBreakWords(category, payload.rubrics.find((rubric) => rubric.id === category.rubric)))}</p>`);
  }

  body.push('<h2 class="section">二、评审结果</h2>');
  for (const category of results.categories) {
    const mine = decisions.filter((decision) => decision.categoryId === category.id);
    body.push(`<h3>${escape(category.title)}（满分 ${category.fullMarks}）</h3>${rankingTable(category.ranking, mine)}`);
    const agreement = category.agreement.kendallW === null ? '专家人数或排名对象不足，未计算专家一致性。' : `专家评分一致性：肯德尔和谐系数 W = ${category.agreement.kendallW.toFixed(4)}${category.agreement.icc !== null ? `，组内相关系数 ICC(2,1) = ${category.agreement.icc.toFixed(4)}` : ''}（${category.agreement.experts} 位专家、${category.agreement.applicants} 个排名对象）。`;
    body.push(`<p class="muted">${escape(agreement)}</p>`);
    if (mine.length > 0) {
      body.push('<table><thead><tr><th>编号</th><th>评审结论</th><th>理由</th><th>评审意见</th><th>不同意见</th></tr></thead><tbody>');
      for (const decision of mine) {
        body.push(`<tr><td>${escape(decision.applicantId)}</td><td class="center">${escape(decision.award === undefined ? '同计算结果' : (decision.award ?? '不授奖'))}</td><td>${escape(decision.reason ?? '')}</td><td>${escape(decision.opinion ?? '')}</td><td>${(decision.dissent ?? []).map((item) => `${escape(item.expertId)}：${escape(item.text)}`).join('<br>')}</td></tr>`);
      }
      body.push('</tbody></table>');
    }
  }

  body.push('<h2 class="section">附录一　专家评分矩阵</h2>');
  for (const category of results.categories) {
    const experts = results.experts.filter((expert) => expert.status === 'used');
    body.push(`<h3>${escape(category.title)}</h3><table><thead><tr><th>编号</th><th>申报单位</th>${experts.map((expert) => `<th>${escape(expert.id)}</th>`).join('')}</tr></thead><tbody>`);
    for (const applicant of category.ranking) {
      const cells = experts.map((expert) => {
        const sheet = run.sheets.get(expert.id)?.sheets.find((candidate) => candidate.applicantId === applicant.applicantId);
        if (sheet === undefined) return '<td class="center muted">—</td>';
        if (sheet.conflict) return '<td class="center">回避</td>';
        return `<td class="num">${sheet.total}</td>`;
      });
      body.push(`<tr><td>${escape(applicant.applicantId)}</td><td>${escape(applicant.name)}</td>${cells.join('')}</tr>`);
    }
    body.push('</tbody></table>');
  }

  body.push('<h2>附录二　回避情况</h2><table><thead><tr><th>专家</th><th>申报单位</th><th>回避理由</th></tr></thead><tbody>');
  const recusals = [...run.sheets.values()].flatMap((file) => file.sheets.filter((sheet) => sheet.conflict).map((sheet) => ({ file, sheet })));
  if (recusals.length === 0) body.push('<tr><td colspan="3" class="center">无</td></tr>');
  for (const { file, sheet } of recusals) body.push(`<tr><td>${escape(file.expertId)} ${escape(file.expertName)}</td><td>${escape(sheet.applicantId)}</td><td>${escape(sheet.conflictReason)}</td></tr>`);
  body.push('</tbody></table>');

  body.push('<h2>附录三　评分文件核验记录</h2><p>每位专家可据此核对本人提交的评分文件是否被采用：文件 SHA-256 与本人导出时显示的一致，密钥指纹与本人身份一致。</p>');
  body.push('<table><thead><tr><th>文件</th><th>专家</th><th>版次</th><th>状态</th><th>说明</th><th>SHA-256 / 密钥指纹</th></tr></thead><tbody>');
  for (const file of results.files) {
    body.push(`<tr><td>${escape(file.file.split(/[\\/]/).pop())}</td><td>${escape(file.expertId ?? '—')}</td><td class="center">${file.revision ?? '—'}</td><td class="center">${FILE_STATUS_WORDS[file.status]}</td><td>${escape(fileReasonText(file.reason))}</td><td style="font-family: monospace; font-size: 7.5pt; word-break: break-all">${escape(file.sha256 ?? '')}<br>${escape(file.fingerprint ?? '')}</td></tr>`);
  }
  body.push('</tbody></table>');
  const missing = results.experts.filter((expert) => expert.status === 'missing' || expert.missingSheets.length > 0);
  if (missing.length > 0) {
    body.push(`<p>未提交或缺少评分表：${missing.map((expert) => (expert.status === 'missing' ? `${escape(expert.id)} ${escape(expert.name)}（未提交）` : `${escape(expert.id)} 缺 ${expert.missingSheets.map(escape).join('、')}`)).join('；')}。</p>`);
  }

  body.push('<h2 class="section">签字</h2><p>评审委员会对以上评审结果无异议（不同意见已如实记录）。</p><table class="signoff"><thead><tr><th>职务</th><th>姓名</th><th>密钥指纹</th><th>签字</th><th>日期</th></tr></thead><tbody>');
  body.push(`<tr><td class="name">评审委员会主任</td><td>${escape(options.chairName ?? '')}</td><td></td><td></td><td></td></tr>`);
  for (const expert of results.experts) {
    body.push(`<tr><td class="name">评审专家</td><td>${escape(expert.id)} ${escape(expert.name)}</td><td style="font-family: monospace; font-size: 7.5pt">${escape(expert.fingerprint ?? '')}</td><td></td><td></td></tr>`);
  }
  body.push('</tbody></table>');

  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}</title><style>${STYLE}</style></head><body>${body.join('\n')}</body></html>`;
}
