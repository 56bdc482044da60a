// Builders for merge tests: a small valid round (one rubric, full marks 100) and score sheets.
import type { Award, Category, RoundDefinition } from '../../../shared/round/schema';
import { validateRound } from '../../../shared/round/validate';
import type { ScoreSheet } from '../../../shared/sheet/schema';
import type { CategoryResult, ExpertSheets, MergeInput, RankedApplicant } from '../../../shared/merge';
import { mergeRound } from '../../../shared/merge';

/** c1 (50, step 0.5), group g = g1 (25, step 0.5) + g2 (25, step 0.5); veto check k1, plain check k2. */
export const rubric = {
  id: 'r',
  title: '评分表',
  criteria: [
    { id: 'c1', label: '诚信经营', max: 50, step: 0.5 },
    {
      id: 'g',
      label: '企业能力',
      children: [
        { id: 'g1', label: '技术人员', max: 25, step: 0.5 },
        { id: 'g2', label: '项目业绩', max: 25, step: 0.5 },
      ],
    },
  ],
  checks: [
    { id: 'k1', label: '营业执照：成立5年及以上', veto: true },
    { id: 'k2', label: '无重大安全事故' },
  ],
};

export interface ApplicantSpec {
  id: string;
  facts?: Record<string, number | string | boolean>;
}

export interface CategorySpec {
  aggregation?: Category['aggregation'];
  award?: Award;
  tieBreak?: string[];
}

/** A valid round with one category `cat` holding `applicants`; experts E01…E09 assigned to it. */
export function roundWith(spec: CategorySpec, applicants: readonly (string | ApplicantSpec)[], rubricOverride?: object): RoundDefinition {
  const raw = {
    format: 'reviewdesk.round/1',
    round: { id: 'test-round', title: '测试评审' },
    rubrics: [rubricOverride ?? rubric],
    categories: [{ id: 'cat', title: '测试类别', rubric: 'r', ...spec }],
    applicants: applicants.map((entry) => {
      const applicant = typeof entry === 'string' ? { id: entry } : entry;
      return { id: applicant.id, name: `申报单位${applicant.id}`, category: 'cat', facts: applicant.facts, documents: [] };
    }),
    experts: Array.from({ length: 9 }, (_, i) => ({ id: `E0${i + 1}`, name: `专家${i + 1}`, assigned: ['cat'] })),
  };
  const result = validateRound(raw);
  if (!result.ok) throw new Error(`invalid test round: ${JSON.stringify(result.problems)}`);
  return result.value;
}

export interface SheetOptions {
  veto?: boolean;
}

/** A sheet with these leaf scores (c1, g1, g2; missing ones 0). */
export function scored(applicantId: string, scores: { c1?: number; g1?: number; g2?: number }, options: SheetOptions = {}): ScoreSheet {
  const full = { c1: scores.c1 ?? 0, g1: scores.g1 ?? 0, g2: scores.g2 ?? 0 };
  return {
    applicantId,
    conflict: false,
    conflictReason: '',
    checks: { k1: options.veto !== true, k2: true },
    scores: full,
    total: full.c1 + full.g1 + full.g2,
    criterionComments: {},
    comment: '意见',
  };
}

/** A sheet whose total is `total` (a multiple of 0.5), filling c1, then g1, then g2. */
export function total(applicantId: string, value: number, options: SheetOptions = {}): ScoreSheet {
  const c1 = Math.min(value, 50);
  const g1 = Math.min(value - c1, 25);
  return scored(applicantId, { c1, g1, g2: value - c1 - g1 }, options);
}

export function conflict(applicantId: string): ScoreSheet {
  return {
    applicantId,
    conflict: true,
    conflictReason: '本单位员工',
    checks: {},
    scores: {},
    total: 0,
    criterionComments: {},
    comment: '',
  };
}

/** `{E01: [...], E02: [...]}` → the experts list. */
export function panel(sheets: Record<string, ScoreSheet[]>): ExpertSheets[] {
  return Object.entries(sheets).map(([expertId, list]) => ({ expertId, sheets: list }));
}

/**
 * A panel from a table of totals: `table[applicantId] = [total of E01, E02, …]`, null meaning a
 * conflict and undefined (a hole) no sheet.
 */
export function panelOfTotals(table: Record<string, readonly (number | null | undefined)[]>, vetoes: Record<string, number[]> = {}): ExpertSheets[] {
  const experts = new Map<string, ScoreSheet[]>();
  for (const [applicantId, totals] of Object.entries(table)) {
    totals.forEach((value, index) => {
      const expertId = `E0${index + 1}`;
      const list = experts.get(expertId) ?? [];
      experts.set(expertId, list);
      if (value === undefined) return;
      const veto = (vetoes[applicantId] ?? []).includes(index + 1);
      list.push(value === null ? conflict(applicantId) : total(applicantId, value, { veto }));
    });
  }
  return [...experts].map(([expertId, list]) => ({ expertId, sheets: list }));
}

export function mergeOne(input: MergeInput): CategoryResult {
  const category = mergeRound(input).categories[0];
  if (category === undefined) throw new Error('no category');
  return category;
}

export function row(category: CategoryResult, applicantId: string): RankedApplicant {
  const found = category.ranking.find((entry) => entry.applicantId === applicantId);
  if (found === undefined) throw new Error(`no row for ${applicantId}`);
  return found;
}

export function flagNames(entry: RankedApplicant): string[] {
  return entry.flags.map((flag) => flag.flag);
}

/** `[[id, rank, award], …]` in listing order. */
export function standings(category: CategoryResult): [string, number | null, string | null][] {
  return category.ranking.map((entry) => [entry.applicantId, entry.rank, entry.award]);
}
