// An expert's filled sheets for the demo: scores with seeded, realistic variation around each
// application's quality (the expert's lenience, the applicant's strengths, noise, rounding to the
// step), checks answered from the application's sections (a checklist item without its section is
// "no"), the comments the rubric asks for, and the scenario's events (conflict, outlier, vetoes).
import type { SheetInput } from '../../../shared/sheet/schema';
import type { Applicant, RoundDefinition, Rubric } from '../../../shared/round/schema';
import { applicantRubric, assignedApplicants } from '../../../shared/round/lookup';
import { leaves } from '../../../shared/rubric';
import type { DemoScenario } from './scenario';

/** mulberry32: a small seeded PRNG, so every run of the demo gives the same scores. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (const char of text) h = Math.imul(h ^ char.codePointAt(0)!, 16777619);
  return h >>> 0;
}

/** A random source per (seed, key): the same key gives the same numbers whatever else was drawn. */
const randomFor = (seed: number, key: string) => seededRandom(hash(`${seed}:${key}`));

/** Why a criterion scored low, as an expert would write it. */
const LOW_REASONS: Record<string, string> = {
  'integrity-conduct': '年度内示范项目较少，诚信经营的佐证材料（用户评价、履约记录）不充分。',
  'integrity-capacity': '企业规模和技术人员数量偏少，规章制度材料较为简略。',
  'integrity-law': '仅提供信用报告，未附其他部门无违法违规证明。',
  'integrity-credit': '未提供企业信用等级评价证书，银行信用材料不完整。',
  'qc-project': '典型工程合同金额刚达200万元门槛，项目规模和代表性一般。',
  'qc-technology': '未见自主知识产权的核心技术，技术方案以常规设备集成为主。',
  'qc-quality': '未通过ISO9001质量管理体系认证，质量安全管理体系材料不足。',
  'qc-compliance': '纳税和信用证明材料不够完整。',
  'svc-capability': '服务项目数量和合同总额刚满足要求，全生命周期服务能力体现不足。',
  'svc-standards': '服务规范文件较为简单，缺少客户反馈机制的执行记录。',
  'svc-clients': '书面表扬内容较为笼统，未提供用户满意度调查数据。',
  'svc-innovation': '新技术、新方法的应用效果缺少量化数据，可复制性不明显。',
};

function roundToStep(value: number, step: number): number {
  const decimals = (String(step).split('.')[1] ?? '').length;
  return Number((Math.round(value / step) * step).toFixed(decimals));
}

function sectionTitles(applicant: Applicant): string[] {
  return applicant.documents.flatMap((document) => (document.sections ?? []).map((section) => section.title.replace(/\s+/g, '')));
}

/** A checklist item is there when a section's title is named in its label (as the app links them). */
function hasSection(label: string, titles: string[]): boolean {
  const text = label.replace(/\s+/g, '');
  return titles.some((title) => title.length >= 2 && text.includes(title));
}

function overallComment(rubric: Rubric, scores: Record<string, number>, missing: string[], extra: string[]): string {
  const ranked = leaves(rubric)
    .map((leaf) => ({ label: leaf.label, fraction: scores[leaf.id]! / leaf.max }))
    .sort((a, b) => b.fraction - a.fraction);
  const total = leaves(rubric).reduce((sum, leaf) => sum + scores[leaf.id]!, 0);
  const full = leaves(rubric).reduce((sum, leaf) => sum + leaf.max, 0);
  const best = ranked[0]!.label;
  const worst = ranked[ranked.length - 1]!.label;
  const parts: string[] = [];
  if (total >= full * 0.85) parts.push(`申报材料齐全规范，${best}方面表现突出，综合实力较强，建议入围。`);
  else if (total >= full * 0.75) parts.push(`申报材料较为完整，${best}方面较好，${worst}方面仍有提升空间。`);
  else parts.push(`${best}方面尚可，但${worst}方面较弱，与本奖项要求尚有差距。`);
  if (missing.length > 0) parts.push(`缺少：${missing.join('；')}。`);
  parts.push(...extra);
  return parts.join('');
}

export interface FilledSheets {
  sheets: SheetInput[];
}

/** The expert's sheets for every applicant assigned to them, in round order. */
export function fillSheets(round: RoundDefinition, expertId: string, scenario: DemoScenario): FilledSheets {
  const profile = scenario.experts[expertId] ?? { lenience: 0, factor: 1 };
  const sheets: SheetInput[] = [];
  for (const applicant of assignedApplicants(round, expertId)) {
    if (scenario.conflict.expertId === expertId && scenario.conflict.applicantId === applicant.id) {
      sheets.push({ applicantId: applicant.id, conflict: true, conflictReason: scenario.conflict.reason });
      continue;
    }
    const rubric = applicantRubric(round, applicant.id)!;
    const isOutlier = scenario.outlier.expertId === expertId && scenario.outlier.applicantId === applicant.id;
    const quality = isOutlier ? scenario.outlier.quality : (scenario.quality[applicant.id] ?? 0.75);
    const scores: Record<string, number> = {};
    const criterionComments: Record<string, string> = {};
    for (const leaf of leaves(rubric)) {
      // The applicant's own strengths and weaknesses, the same for every expert …
      const strength = (randomFor(scenario.seed, `${applicant.id}/${leaf.id}`)() - 0.5) * 0.1;
      // … and this expert's reading of it.
      const noise = (randomFor(scenario.seed, `${expertId}/${applicant.id}/${leaf.id}`)() - 0.5) * 0.07;
      const fraction = Math.min(1, Math.max(0.3, quality + strength + profile.lenience + noise)) * profile.factor;
      const value = Math.min(leaf.max, Math.max(0, roundToStep(fraction * leaf.max, leaf.step)));
      scores[leaf.id] = value;
      const threshold = rubric.criterionCommentBelowPercent;
      if (threshold !== undefined && value * 100 < leaf.max * threshold) {
        criterionComments[leaf.id] = LOW_REASONS[leaf.id] ?? `${leaf.label}方面的材料支撑不足，得分偏低。`;
      }
    }
    const titles = sectionTitles(applicant);
    const checks: Record<string, boolean> = {};
    const missing: string[] = [];
    const extra: string[] = [];
    for (const check of rubric.checks ?? []) {
      const present = hasSection(check.label, titles);
      const override = scenario.vetoes.find((veto) => veto.applicantId === applicant.id && veto.checkId === check.id && veto.experts.includes(expertId));
      checks[check.id] = present && override === undefined;
      if (!present) missing.push(check.label.replace(/（.*$/, ''));
      if (override !== undefined) extra.push(override.reason);
    }
    if (isOutlier) extra.push(scenario.outlier.note);
    sheets.push({ applicantId: applicant.id, checks, scores, criterionComments, comment: overallComment(rubric, scores, missing, extra) });
  }
  return { sheets };
}

/** The corrected revision the scenario's expert exports after the first. */
export function revisedSheets(round: RoundDefinition, first: FilledSheets, scenario: DemoScenario): FilledSheets {
  const { applicantId, criterionId, delta, note } = scenario.revision;
  const rubric = applicantRubric(round, applicantId)!;
  const leaf = leaves(rubric).find((candidate) => candidate.id === criterionId)!;
  return {
    sheets: first.sheets.map((sheet) => {
      if (sheet.applicantId !== applicantId || sheet.scores === undefined) return sheet;
      const value = Math.min(leaf.max, sheet.scores[criterionId]! + delta);
      const threshold = rubric.criterionCommentBelowPercent;
      const criterionComments = { ...sheet.criterionComments };
      if (threshold === undefined || value * 100 >= leaf.max * threshold) delete criterionComments[criterionId];
      return { ...sheet, scores: { ...sheet.scores, [criterionId]: value }, criterionComments, comment: `${sheet.comment ?? ''}${note}` };
    }),
  };
}
