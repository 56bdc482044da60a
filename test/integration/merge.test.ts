// A secretariat merge from real signed files: statuses (used, superseded, rejected with a reason,
// equivocation, identical copies), missing experts and sheets, unregistered keys, ranking and
// awards, and the outputs (results.json, summary.xlsx, conclusion.html and .pdf).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMerge, type MergeRun } from '../../electron/core/merge/run-merge';
import { writeMergeOutputs } from '../../electron/core/merge/write-outputs';
import type { ScoredBundle } from '../../electron/core/scores/score-file';
import { tempDir } from '../helpers/fixtures';
import { makeScoredRound, type ScoredRound } from '../helpers/scored-round';
import { ROOT, runNode } from '../helpers/run-ts';

const work = tempDir();
let bundleFile: string;
let bundle: ScoredBundle;
let run: MergeRun;
let files: ScoredRound['files'];

beforeAll(async () => {
  ({ bundleFile, bundle, files } = await makeScoredRound(work));
  run = await runMerge({ bundleFile, files: Object.values(files), appVersion: 't', now: new Date('2026-11-21T12:00:00Z') });
});

describe('merge', () => {
  it('gives every file a status and a reason, sorted by path', () => {
    const status = Object.fromEntries(run.results.files.map((file) => [path.basename(file.file), [file.status, file.reason]]));
    expect(run.results.files.map((file) => file.file)).toEqual([...Object.values(files)].sort());
    expect(status['E01-r2.rdscore']).toEqual(['used', null]);
    expect(status['E01-r1.rdscore']![0]).toBe('superseded');
    expect(status['E02-r1.rdscore']).toEqual(['used', null]);
    expect(status['E03-a.rdscore']![0]).toBe('rejected');
    expect(status['E03-a.rdscore']![1]).toMatch(/equivocation/);
    expect(status['E03-b.rdscore']![0]).toBe('rejected');
    expect(status['E04-copy.rdscore']).toEqual(['used', null]);
    expect(status['E04-r1.rdscore']![0]).toBe('superseded');
    expect(status['E04-r1.rdscore']![1]).toMatch(/identical copy/);
    expect(status['tampered.rdscore']![0]).toBe('rejected');
    expect(status['tampered.rdscore']![1]).toMatch(/invalid signature/);
  });

  it('lists missing experts and flags unregistered keys', () => {
    expect(run.results.experts.filter((expert) => expert.status === 'missing').map((expert) => expert.id)).toEqual(['E03', 'E05']);
    expect(run.results.experts.find((expert) => expert.id === 'E04')).toMatchObject({ unregisteredKey: true, status: 'used' });
  });

  it('ranks and awards on the used files only', () => {
    const [category] = run.results.categories;
    expect(category!.id).toBe('integrity-co');
    const a001 = category!.ranking.find((applicant) => applicant.applicantId === 'A001')!;
    // E01 r2 42, E02 42, E04 38: mean 122/3
    expect(a001).toMatchObject({ rank: 1, award: '一等奖', validSheets: 3, scoreExact: '122/3', score: 40.67 });
    expect(a001.flags).toContainEqual({ flag: 'unregistered-key', experts: ['E04'] });
    const a002 = category!.ranking.find((applicant) => applicant.applicantId === 'A002')!;
    expect(a002).toMatchObject({ rank: 2, validSheets: 2, conflicts: ['E04'], score: 26.5, award: null });
  });

  it('writes results.json, summary.xlsx, conclusion.html and conclusion.pdf', async () => {
    const out = path.join(work, 'out');
    const written = await writeMergeOutputs(run, out, { date: '2026-11-21' });
    const results = JSON.parse(readFileSync(written.results, 'utf8'));
    expect(results).toMatchObject({ roundId: 'nmgaf-2025-awards', bundleId: bundle.payload.bundleId, method: 'per-category' });
    expect(results.categories[0].ranking[0]).toMatchObject({ applicantId: 'A001', rank: 1, score: 40.67, award: '一等奖', validSheets: 3 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(written.summary);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(expect.arrayContaining(['安防高质量发展诚信企业', '评分文件核验记录']));
    const html = readFileSync(written.html, 'utf8');
    expect(html).toContain('一等奖');
    expect(html).toContain(run.results.files[0]!.file.split('/').pop());
    expect(written.pdf).not.toBeNull();
    const text = execFileSync('pdftotext', ['-layout', written.pdf!, '-'], { encoding: 'utf8' });
    if (process.env.KEEP_REPORTS) copyFileSync(written.pdf!, path.join(process.env.KEEP_REPORTS, 'conclusion.pdf'));
    expect(text).toContain('评审结论');
    expect(text).toMatch(/第\s*1\s*页\s*共\s*\d+\s*页/);
    expect(text).toContain('内部资料 注意保存');
    expect(text.indexOf('某某科技有限公司')).toBeLessThan(text.indexOf('北方安防工程有限公司'));
  });

  it('reviewdesk merge: exit 0 with rejected files listed; exit 1 when the bundle is refused', async () => {
    const out = path.join(work, 'cli-out');
    const result = await runNode(path.join(ROOT, 'bin/reviewdesk.mjs'), ['merge', '--bundle', bundleFile, '--out', out, ...Object.values(files), '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.files.filter((file: { status: string }) => file.status === 'rejected')).toHaveLength(3);
    expect(existsSync(path.join(out, 'results.json'))).toBe(true);
    const broken = path.join(work, 'broken.rdbundle');
    writeFileSync(broken, 'not a bundle');
    const refused = await runNode(path.join(ROOT, 'bin/reviewdesk.mjs'), ['merge', '--bundle', broken, '--out', out, files.e02!, '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, error: { code: 'not-a-zip' } });
    expect((await runNode(path.join(ROOT, 'bin/reviewdesk.mjs'), ['merge', '--bundle', bundleFile, '--out', out])).code).toBe(2);
  });
});
