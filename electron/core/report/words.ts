// The Chinese words of the reports: methods, flags, award rules and statuses, said the way a
// Chinese association's review conclusion says them.
import type { AggregationMethod, Flag } from '../../../shared/merge';
import type { Category, Rubric } from '../../../shared/round/schema';
import { findCriterion } from '../../../shared/rubric';
import { normalisedAggregation } from '../../../shared/round/validate';

export const METHOD_WORDS: Record<AggregationMethod, string> = {
  mean: '算术平均',
  'trimmed-mean': '去掉一个最高分和一个最低分后取平均',
  median: '中位数',
  zscore: '按专家标准化（Z 分数）后折算回百分制',
};

export const FLAG_WORDS: Record<Flag['flag'], string> = {
  discrepancy: '分歧较大',
  'insufficient-reviews': '有效评分不足',
  ineligible: '不符合条件',
  tie: '并列',
  fragile: '结果受单个专家影响',
  'unregistered-key': '专家密钥未登记',
};

export const FILE_STATUS_WORDS = { used: '采用', superseded: '已被新版本取代', rejected: '拒收' } as const;

export function flagText(flag: Flag): string {
  return flag.experts !== undefined && flag.experts.length > 0 ? `${FLAG_WORDS[flag.flag]}（${flag.experts.join('、')}）` : FLAG_WORDS[flag.flag];
}

/** The category's aggregation, trimming, quorum and discrepancy rule, in words. */
export function aggregationWords(category: Category, override?: AggregationMethod): string {
  const rule = normalisedAggregation(category);
  const method = override ?? rule.method;
  const parts = [`评分汇总方法：${METHOD_WORDS[method]}`];
  if (method === 'trimmed-mean') parts.push(`（有效评分表不少于 ${rule.trimMinExperts} 份时去掉最高分和最低分，否则取算术平均）`);
  parts.push(`；有效评分表少于 ${rule.quorum} 份的不排名`);
  if (rule.discrepancyPercent !== undefined) parts.push(`；专家评分极差超过满分的 ${rule.discrepancyPercent}% 时标记“分歧较大”`);
  parts.push('；申报回避的评分表不计入；过半数专家认定否决项不符合的，不授奖。');
  return parts.join('');
}

export function awardWords(category: Category): string {
  const award = category.award;
  if (award === undefined) return '本类别只排名，不设奖项。';
  if (award.type === 'tiers') {
    return `奖项：${award.tiers
      .map((tier) => `${tier.label}${tier.count !== undefined ? ` ${tier.count} 名` : '（其余）'}${tier.minScore !== undefined ? `（得分不低于 ${tier.minScore}）` : ''}`)
      .join('，')}；按名次依次授予，并列且跨越名额界限的一并授予并标记“并列”。`;
  }
  if (award.type === 'bands') {
    return `等次：${[...award.bands].sort((a, b) => b.minScore - a.minScore).map((band) => `${band.label}（${band.minScore} 分及以上）`).join('，')}。`;
  }
  return `等级：${award.levels.map((level) => `${level.label}（${level.minScore} 分及以上${level.when !== undefined ? '，并满足硬性条件' : ''}）`).join('，')}；从最高等级起，满足得分和条件者即评定该等级。`;
}

export function tieBreakWords(category: Category, rubric?: Rubric): string {
  const keys = category.tieBreak ?? [];
  if (keys.length === 0) return '得分相同者并列，不再比较。';
  const label = (id: string) => (rubric === undefined ? undefined : findCriterion(rubric, id)?.label) ?? id;
  const words = keys.map((key) => (key === 'median' ? '评分中位数高者在前' : `“${label(key.slice('criterion:'.length))}”项得分高者在前`));
  return `得分相同时依次比较：${words.join('；')}；仍相同者并列。`;
}
