// The secretariat and chair through the API handlers: a merge kept in the database (bundle
// manifest and score files as bytes), the verification table, method comparison, the drill-down,
// decisions beside the computed result (a changed award needs a reason), and the printed
// conclusion and public notice.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHandlers, MergeView } from '../../shared/api/contract';
import { openWorkstation, type Workstation } from '../../electron/core/store/workstation';
import type { Workspace } from '../../electron/core/workspace/api-handlers';
import { testWorkspace } from '../helpers/test-workspace';
import { dispatch } from '../../electron/core/workspace/dispatch';
import { tempDir } from '../helpers/fixtures';
import { makeScoredRound, type ScoredRound } from '../helpers/scored-round';

const work = tempDir();
let scored: ScoredRound;
let workstation: Workstation;
let workspace: Workspace;
let api: ApiHandlers;
let view: MergeView;

const source = (file: string) => ({ kind: 'path' as const, path: file });

beforeAll(async () => {
  scored = await makeScoredRound(work);
  workstation = await openWorkstation(path.join(work, 'secretariat-data'), { create: true });
  workspace = testWorkspace(workstation);
  api = workspace.handlers;
});

afterAll(async () => {
  await workspace?.close();
  workstation?.close();
});

describe('secretariat merge in the app', () => {
  it('collects files into a stored merge and verifies each', async () => {
    view = await api['merge.create']({ source: source(scored.bundleFile) });
    expect(view).toMatchObject({ roundId: 'nmgaf-2025-awards', files: [] });
    view = await api['merge.addFiles']({ mergeId: view.mergeId, sources: Object.values(scored.files).map(source) });
    const byName = Object.fromEntries(view.files.map((file) => [file.file, file.status]));
    expect(byName).toMatchObject({ 'E01-r2.rdscore': 'used', 'E01-r1.rdscore': 'superseded', 'E03-a.rdscore': 'rejected', 'tampered.rdscore': 'rejected' });
    expect(view.experts.filter((expert) => expert.status === 'missing').map((expert) => expert.id)).toEqual(['E03', 'E05']);
    expect((await api['merges.list']({}))[0]).toMatchObject({ mergeId: view.mergeId, files: 8 });
    // The same file added again changes nothing; a different file of the same name is kept beside it.
    view = await api['merge.addFiles']({ mergeId: view.mergeId, sources: [source(scored.files.e02)] });
    expect(view.files).toHaveLength(8);
  });

  it('compares methods and drills down to the expert × criterion matrix', async () => {
    const mean = view.categories[0]!.ranking[0]!;
    expect(mean).toMatchObject({ applicantId: 'A001', score: 40.67, award: '一等奖' });
    const median = await api['merge.get']({ mergeId: view.mergeId, method: 'median' });
    expect(median.method).toBe('median');
    expect(median.categories[0]!.ranking[0]).toMatchObject({ applicantId: 'A001', score: 42 });
    const sheets = await api['merge.sheets']({ mergeId: view.mergeId, applicantId: 'A002' });
    expect(sheets.map((sheet) => [sheet.expertId, sheet.conflict, sheet.total])).toEqual([['E01', false, 25], ['E02', false, 28], ['E04', true, 0]]);
    expect(sheets[0]!.scores).toEqual({ c1: 15, c2a: 5, c2b: 5 });
  });

  it('records decisions beside the computed result; a changed award needs a reason', async () => {
    const mergeId = view.mergeId;
    const error = await dispatch(workspace.handlers, 'merge.decide', { mergeId, categoryId: 'integrity-co', applicantId: 'A002', decision: { award: '二等奖', reason: '', opinion: '', dissent: [] } });
    expect(error).toMatchObject({ ok: false, error: { code: 'reason-required' } });
    expect(await dispatch(workspace.handlers, 'merge.decide', { mergeId, categoryId: 'integrity-co', applicantId: 'A002', decision: { award: '特等奖', reason: 'x', opinion: '', dissent: [] } })).toMatchObject({ ok: false, error: { code: 'unknown-award' } });
    await api['merge.decide']({ mergeId, categoryId: 'integrity-co', applicantId: 'A002', decision: { award: '二等奖', reason: '评审委员会复议：项目业绩突出，一致同意授予二等奖', opinion: '材料翔实。', dissent: [{ expertId: 'E02', text: '认为得分未达标准，不同意授奖' }] } });
    await api['merge.decide']({ mergeId, categoryId: 'integrity-co', applicantId: 'A001', decision: { reason: '', opinion: '诚信经营记录良好，业绩突出。', dissent: [] } });
    const after = await api['merge.get']({ mergeId });
    expect(after.categories[0]!.ranking.find((applicant) => applicant.applicantId === 'A002')!.award).toBeNull();
    expect(after.decisions.map((decision) => [decision.applicantId, decision.award])).toEqual([['A001', undefined], ['A002', '二等奖']]);
  });

  it('prints the conclusion with decisions and reasons, and a public notice without scores', async () => {
    const mergeId = view.mergeId;
    const pdf = await api['merge.export']({ mergeId, kind: 'conclusion-pdf', chairName: '王主任' });
    const file = path.join(work, pdf.fileName);
    writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1])).toBeGreaterThanOrEqual(4);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const expected of ['评审结论', '某某科技有限公司', '北方安防工程有限公司', '一等奖', '二等奖', '评审委员会复议：项目业绩突出', '认为得分未达标准', '王主任', '评审委员会主任']) expect(text).toContain(expected);
    expect(text.indexOf('某某科技有限公司')).toBeLessThan(text.indexOf('北方安防工程有限公司'));
    const notice = await api['merge.export']({ mergeId, kind: 'notice-pdf' });
    const noticeFile = path.join(work, notice.fileName);
    writeFileSync(noticeFile, Buffer.from(notice.base64, 'base64'));
    const noticeText = execFileSync('pdftotext', ['-layout', noticeFile, '-'], { encoding: 'utf8' });
    expect(noticeText).toMatch(/1\s+某某科技有限公司\s+一等奖/);
    expect(noticeText).toMatch(/2\s+北方安防工程有限公司\s+二等奖/);
    expect(noticeText).not.toContain('40.67');
    expect(noticeText).not.toContain('意见');
    const xlsx = await api['merge.export']({ mergeId, kind: 'notice-xlsx' });
    expect(xlsx.fileName).toMatch(/公示名单\.xlsx$/);
  });
});
