import { describe, expect, it } from 'vitest';
import type { ApplicantRow, DocumentView } from '../../../shared/api/contract';
import { sectionForCheck } from '../../../renderer/src/review/check-sections';
import { fieldMessages } from '../../../renderer/src/review/problem-text';
import { filterApplicants } from '../../../renderer/src/round/applicant-filter';
import { evaluateDraft, emptyDraft } from '../../../shared/sheet/draft';
import type { Rubric } from '../../../shared/round/schema';

const documents: DocumentView[] = [
  { id: 'd1', position: 0, title: '申报材料', path: 'A/a.pdf', size: 1, sections: [{ title: '营业执照', page: 5 }, { title: '信用报告', page: 9 }] },
  { id: 'd2', position: 1, title: '合同', path: 'A/b.pdf', size: 1, sections: [{ title: '合同关键页', page: 2 }, { title: '合同', page: 1 }] },
];

describe('checklist items jump to their section', () => {
  it('match the longest section title the label names', () => {
    expect(sectionForCheck('营业执照：成立5年及以上', documents)).toEqual({ documentId: 'd1', page: 5, title: '营业执照' });
    expect(sectionForCheck('合同关键页：单个项目≥200万元', documents)).toEqual({ documentId: 'd2', page: 2, title: '合同关键页' });
    expect(sectionForCheck('无违法记录', documents)).toBeNull();
  });
});

const rubric: Rubric = {
  id: 'r',
  title: '评分表',
  criteria: [
    { id: 'c1', label: '诚信经营', max: 25, step: 0.5 },
    { id: 'c2', label: '企业能力', children: [{ id: 'c2a', label: '技术人员', max: 10, step: 1 }] },
  ],
  checks: [{ id: 'k1', label: '营业执照', veto: true }],
  commentRequired: true,
  criterionCommentBelowPercent: 60,
};

describe('sheet problems beside their fields', () => {
  it('place each problem on its field with a translatable key', () => {
    const draft = { ...emptyDraft(), scores: { c1: '26', c2a: 'x' } };
    const messages = fieldMessages(evaluateDraft(rubric, 'A1', draft).problems);
    expect(messages.get('scores.c1')).toMatchObject({ key: 'sheet.problems.aboveMax', values: { max: '25' } });
    expect(messages.get('scores.c2a')).toMatchObject({ key: 'sheet.problems.notNumber' });
    expect(messages.get('checks.k1')).toMatchObject({ key: 'sheet.problems.notAnswered' });
    expect(messages.get('comment')).toMatchObject({ key: 'sheet.problems.commentRequired' });
    const offStep = fieldMessages(evaluateDraft(rubric, 'A1', { ...draft, scores: { c1: '22.3', c2a: '2' } }).problems);
    expect(offStep.get('scores.c1')).toMatchObject({ key: 'sheet.problems.offStep', values: { step: '0.5' } });
    expect(offStep.get('criterionComments.c2a')).toMatchObject({ key: 'sheet.problems.criterionCommentRequired', values: { percent: '60' } });
  });

  it('evaluate status and the live total exactly, never counting an invalid value', () => {
    expect(evaluateDraft(rubric, 'A1', emptyDraft()).status).toBe('not-started');
    const partial = evaluateDraft(rubric, 'A1', { ...emptyDraft(), scores: { c1: '22.5', c2a: '11' } });
    expect(partial.status).toBe('draft');
    expect(partial.total.toString()).toBe('22.5');
    const complete = evaluateDraft(rubric, 'A1', { ...emptyDraft(), checks: { k1: true }, scores: { c1: '22.5', c2a: '7' }, comment: '好' });
    expect(complete.status).toBe('complete');
    expect(complete.total.toString()).toBe('29.5');
    expect(evaluateDraft(rubric, 'A1', { ...emptyDraft(), checks: { k1: false }, scores: { c1: '22.5', c2a: '7' }, comment: '差' }).status).toBe('ineligible');
    expect(evaluateDraft(rubric, 'A1', { ...emptyDraft(), conflict: true, conflictReason: '曾任职', scores: { c1: '20' } }).status).toBe('conflict');
    expect(evaluateDraft(rubric, 'A1', { ...emptyDraft(), conflict: true }).status).toBe('draft');
  });
});

describe('applicant list filter', () => {
  const rows: ApplicantRow[] = Array.from({ length: 2000 }, (_, i) => ({
    id: `A${String(i).padStart(4, '0')}`,
    name: i % 2 === 0 ? `北方安防${i}有限公司` : `草原科技${i}`,
    categoryId: i % 3 === 0 ? 'x' : 'y',
    status: i % 5 === 0 ? 'complete' : 'not-started',
    reopened: i % 50 === 0,
    total: null,
    updatedAt: null,
  }));

  it('filters by category, status (需复核 included) and text', () => {
    expect(filterApplicants(rows, { categoryId: null, status: null, text: '' })).toHaveLength(2000);
    expect(filterApplicants(rows, { categoryId: 'x', status: null, text: '' })).toHaveLength(667);
    expect(filterApplicants(rows, { categoryId: null, status: 'review', text: '' })).toHaveLength(40);
    expect(filterApplicants(rows, { categoryId: null, status: 'complete', text: '' })).toHaveLength(400 - 40);
    expect(filterApplicants(rows, { categoryId: null, status: null, text: '草原科技19' }).map((row) => row.id)).toContain('A0019');
    expect(filterApplicants(rows, { categoryId: null, status: null, text: 'a1999' }).map((row) => row.id)).toEqual(['A1999']);
  });
});
