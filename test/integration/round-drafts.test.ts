// The round builder in the app, through the API contract (requests validated as a host does):
// a round in preparation from a template, applicants from an uploaded list and from a chosen
// folder's files (a folder adds documents to applicants the list named), experts with chosen .pub
// files, assignment, facts, the check, packing with a chosen secretariat key (a wrong passphrase
// refused before anything is written), re-packing as the next version of the same bundle, and the
// bundle verified as an expert would. Every refusal names the file the secretariat chose and the
// row, column or field; a refused change leaves round.json as it was.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, ApiHandlers, Channel, DraftView, RequestOf, ResultOf } from '../../shared/api/contract';
import { openBundle, verifyDocuments } from '../../electron/core/bundle/read-bundle';
import { openWorkstation, type Workstation } from '../../electron/core/store/workstation';
import type { Workspace } from '../../electron/core/workspace/api-handlers';
import { testWorkspace } from '../helpers/test-workspace';
import { dispatch } from '../../electron/core/workspace/dispatch';
import { makeKey, PASSPHRASE, tempDir, writeTree, type TestKey } from '../helpers/fixtures';
import { ROOT } from '../helpers/project-root';

const work = tempDir('reviewdesk-drafts-');
let workstation: Workstation;
let workspace: Workspace;
let secretariat: TestKey;
let expert: TestKey;
let draft: DraftView;

const source = (file: string) => ({ kind: 'path' as const, path: file });
const text = (file: string) => ({ fileName: path.basename(file), text: readFileSync(file, 'utf8') });

/** A call as a host makes it: the request validated against the contract, the envelope returned. */
async function request<C extends Channel>(channel: C, body: RequestOf<C>): Promise<ResultOf<C>> {
  const outcome = await dispatch(workspace.handlers as ApiHandlers, channel, body);
  if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), { body: outcome.error });
  return outcome.result as ResultOf<C>;
}

async function refused(promise: Promise<unknown>): Promise<ApiErrorBody> {
  try {
    await promise;
  } catch (error) {
    return (error as { body: ApiErrorBody }).body;
  }
  throw new Error('expected a refusal');
}

const roundJson = () => readFileSync(path.join(draft.folder, 'round.json'), 'utf8');

beforeAll(async () => {
  secretariat = makeKey(work, 'secretariat');
  expert = makeKey(work, '张三');
  workstation = await openWorkstation(path.join(work, 'data'), { create: true });
  workspace = testWorkspace(workstation, { label: (file) => path.basename(file) });
});

afterAll(async () => {
  await workspace?.close();
  workstation?.close();
});

describe('a round in preparation, built in the app', () => {
  it('lists the templates and starts a round from one; a bad round id is refused at its field', async () => {
    const templates = await request('builder.templates', {});
    expect(templates.map((template) => template.id)).toEqual(expect.arrayContaining(['association-awards-2025', 'smart-city-innovation', 'service-capability-grading']));
    const bad = await refused(request('builder.create', { templateId: 'smart-city-innovation', info: { id: 'a/b', title: '' } }));
    expect(bad.problems!.map((problem) => problem.path)).toEqual(['round.id', 'round.title']);
    expect(await request('builder.list', {})).toEqual([]);
    draft = await request('builder.create', { templateId: 'smart-city-innovation', info: { id: 'jinan-2026', title: '2026 智慧泉城创新应用大赛', scoringCloses: '2026-12-01' } });
    expect(draft.round.round).toMatchObject({ id: 'jinan-2026', title: '2026 智慧泉城创新应用大赛', scoringCloses: '2026-12-01' });
    expect(draft.template).toMatchObject({ id: 'smart-city-innovation', notes: expect.arrayContaining([expect.stringContaining('30 / 30 / 40 are examples')]) });
    expect(draft.check.ok).toBe(true); // an empty round packs, but says so
    expect(draft.check.warnings.map((warning) => warning.code)).toEqual(expect.arrayContaining(['no-applicants', 'no-experts', 'example-values']));
  });

  it('shows the template\'s example values; sets or confirms one, refusing a value the round cannot take', async () => {
    expect(draft.examples.map((example) => [example.key, example.label, example.value])).toEqual([
      ['basic', '项目基本情况', 30],
      ['plan', '项目方案及实施情况', 30],
      ['results', '项目建设成效', 40],
      ['categories[0].aggregation.trimMinExperts', '智慧泉城创新应用大赛 · 去掉最高最低分所需的最少专家数', 5],
      ['categories[0].aggregation.quorum', '智慧泉城创新应用大赛 · 法定人数（最少有效评分数）', 3],
      ['categories[0].aggregation.discrepancyPercent', '智慧泉城创新应用大赛 · 分歧阈值（满分的百分比）', 20],
      ['categories[0].award.tiers[2].minScore', '智慧泉城创新应用大赛 · 三等奖最低分数', 70],
    ]);
    const offStep = await refused(request('builder.setExample', { draftId: draft.draftId, key: 'plan', value: 30.5 }));
    expect(offStep.problems![0]).toMatchObject({ path: expect.stringMatching(/^rubrics\[0\]\.criteria\[1\]/), text: expect.stringContaining('项目方案及实施情况') });
    expect((await refused(request('builder.setExample', { draftId: draft.draftId, key: 'round.title', value: 1 }))).problems![0]).toMatchObject({ code: 'not-an-example' });
    expect((await refused(request('builder.setExample', { draftId: draft.draftId, key: 'categories[0].aggregation.quorum', value: 0 }))).problems![0]!.path).toBe('categories[0].aggregation.quorum');
    draft = await request('builder.setExample', { draftId: draft.draftId, key: 'plan', value: 35 });
    draft = await request('builder.setExample', { draftId: draft.draftId, key: 'categories[0].award.tiers[2].minScore', value: null });
    expect(draft.round.rubrics[0]!.criteria[1]).toMatchObject({ id: 'plan', max: 35 });
    expect(draft.round.rubrics[0]!.criteria[1]!.example).toBeUndefined();
    expect(draft.round.categories[0]!.award).toMatchObject({ tiers: [{}, {}, { label: '三等奖', minScore: 70 }] });
    expect(draft.examples.map((example) => example.key)).toEqual(['basic', 'results', 'categories[0].aggregation.trimMinExperts', 'categories[0].aggregation.quorum', 'categories[0].aggregation.discrepancyPercent']);
    expect(draft.check.warnings.find((warning) => warning.code === 'example-values')!.message).toContain('5 个示例');
  });

  it('refuses a list with bad rows, naming the chosen file, the row and the column, and changes nothing', async () => {
    const list = path.join(work, '参赛名单.csv');
    writeFileSync(list, '编号,名称,类别\nA001,济南某某科技有限公司,innovation\nA002,,innovation\nA003,泉城数据公司,路灯\n');
    const before = roundJson();
    const error = await refused(request('builder.addApplicants', { draftId: draft.draftId, from: { kind: 'list', source: source(list) } }));
    expect(error.file).toBe('参赛名单.csv');
    expect(error.problems!.map((problem) => problem.text)).toEqual(['第 3 行，"名称" 列：缺少名称', expect.stringMatching(/^第 4 行，"类别" 列：未知的类别 "路灯"/)]);
    expect(roundJson()).toBe(before);
  });

  it('adds applicants from a list, then their PDFs from a chosen folder (and a new applicant from it)', async () => {
    const list = path.join(work, '参赛名单.csv');
    writeFileSync(list, '编号,名称\nA001,济南某某科技有限公司\nA002,泉城数据服务有限公司\n');
    const fromList = await request('builder.addApplicants', { draftId: draft.draftId, from: { kind: 'list', source: source(list) } });
    expect(fromList.added).toEqual(['A001', 'A002']);
    expect(fromList.view.check.warnings.filter((warning) => warning.code === 'no-documents').map((warning) => warning.id)).toEqual(['A001', 'A002']);
    const folder = writeTree(path.join(work, '申报材料'), {
      'A001 济南某某科技有限公司/申报书.pdf': 'XiaoBiaoSong.pdf',
      'A001 济南某某科技有限公司/附件/合同.pdf': 'scan-bad.pdf',
      '泉城数据服务有限公司/申报书.pdf': 'noembed-sjis.pdf',
      'A009 历下智慧社区/申报书.pdf': 'pdfjs_wikipedia.pdf',
    });
    const files = ['A001 济南某某科技有限公司/申报书.pdf', 'A001 济南某某科技有限公司/附件/合同.pdf', '泉城数据服务有限公司/申报书.pdf', 'A009 历下智慧社区/申报书.pdf'];
    const change = await request('builder.addApplicants', {
      draftId: draft.draftId,
      from: { kind: 'folder', files: files.map((file) => ({ path: file, source: source(path.join(folder, file)) })) },
    });
    expect(change.added).toEqual(['A009']);
    expect(change.extended.sort()).toEqual(['A001', 'A002']);
    draft = change.view;
    expect(draft.round.applicants.map((applicant) => [applicant.id, applicant.name, applicant.documents.map((document) => document.path)])).toEqual([
      ['A001', '济南某某科技有限公司', ['A001/申报书.pdf', 'A001/附件/合同.pdf']],
      ['A002', '泉城数据服务有限公司', ['A002/申报书.pdf']],
      ['A009', '历下智慧社区', ['A009/申报书.pdf']],
    ]);
    // copied into the round folder
    expect(readFileSync(path.join(draft.folder, 'A001/附件/合同.pdf')).equals(readFileSync(path.join(folder, files[1]!)))).toBe(true);
    expect(draft.check.documents).toBe(4);
  });

  it('refuses a folder with a file that is not a PDF, naming it, and copies nothing', async () => {
    const files = ['A010 新公司/说明.docx', 'A010 新公司/.DS_Store', '汇总.pdf'];
    const folder = writeTree(path.join(work, '补充材料'), { [files[0]!]: { text: 'PK\u0003\u0004' }, [files[1]!]: { text: 'finder' }, [files[2]!]: 'XiaoBiaoSong.pdf' });
    const error = await refused(
      request('builder.addApplicants', { draftId: draft.draftId, from: { kind: 'folder', name: '补充材料', files: files.map((file) => ({ path: file, source: source(path.join(folder, file)) })) } }),
    );
    expect(error.file).toBe('补充材料');
    expect(error.problems!.map((problem) => problem.text)).toEqual([expect.stringMatching(/^A010 新公司\/说明.docx：不是 PDF 文件/), expect.stringMatching(/^汇总.pdf：文件直接放在了总文件夹里/)]);
    expect((await request('builder.get', { draftId: draft.draftId })).round.applicants).toHaveLength(3);
  });

  it('refuses a PDF that needs a password to open (experts could not read it), naming it; an owner password alone is fine', async () => {
    const encrypted = path.join(ROOT, 'test/fixtures/encrypted');
    const files = [
      { path: 'A020 加密公司/申报书.pdf', file: 'open-password-aes256.pdf' },
      { path: 'A020 加密公司/附件.pdf', file: 'open-password-rc4.pdf' },
      { path: 'A021 限制打印公司/申报书.pdf', file: 'owner-password-only.pdf' },
    ];
    const error = await refused(request('builder.addApplicants', { draftId: draft.draftId, from: { kind: 'folder', name: '加密材料', files: files.map((file) => ({ path: file.path, source: source(path.join(encrypted, file.file)) })) } }));
    expect(error.problems!.map((problem) => [problem.code, problem.file])).toEqual([['pdf-password', 'A020/申报书.pdf'], ['pdf-password', 'A020/附件.pdf']]);
    expect(error.problems![0]!.text).toContain('PDF 设有打开密码，专家无法打开');
    const fine = await request('builder.addApplicants', { draftId: draft.draftId, from: { kind: 'folder', files: [{ path: files[2]!.path, source: source(path.join(encrypted, files[2]!.file)) }] } });
    expect(fine.added).toEqual(['A021']);
    draft = await request('builder.remove', { draftId: draft.draftId, kind: 'applicant', id: 'A021' });
  });

  it('adds experts with a chosen .pub file and by name; a forged .pub is refused naming the file', async () => {
    const forged = JSON.parse(readFileSync(expert.pubFile, 'utf8')) as Record<string, string>;
    const forgedText = { fileName: '李四.pub', text: JSON.stringify({ ...forged, fingerprint: `${forged.fingerprint!.slice(0, -4)}AAAA` }) };
    const error = await refused(request('builder.addExperts', { draftId: draft.draftId, from: { kind: 'entries', experts: [{ name: '李四', pub: forgedText }] } }));
    expect(error.problems![0]).toMatchObject({ code: 'fingerprint-mismatch', file: '李四.pub' });
    // an expert's secret key file names its public key too, but must not be collected
    const secret = await refused(request('builder.addExperts', { draftId: draft.draftId, from: { kind: 'entries', experts: [{ pub: text(expert.keyFile) }] } }));
    expect(secret.problems![0]).toMatchObject({ code: 'secret-key-given', file: '张三.key', text: expect.stringContaining('这是秘密密钥文件（.key），不是公钥文件（.pub）') });
    const change = await request('builder.addExperts', {
      draftId: draft.draftId,
      from: { kind: 'entries', experts: [{ pub: text(expert.pubFile), assigned: ['innovation'] }, { name: '王五' }, { name: '赵六', id: 'E09' }] },
    });
    expect(change.added).toEqual(['E01', 'E02', 'E09']);
    draft = change.view;
    expect(draft.round.experts[0]).toMatchObject({ name: '张三', assigned: ['innovation'], publicKey: JSON.parse(readFileSync(expert.pubFile, 'utf8')).publicKey });
    expect(draft.check.ok).toBe(false); // 王五 and 赵六 review nothing yet
    expect(draft.check.problems.map((problem) => problem.path)).toEqual(['experts[1].assigned', 'experts[2].assigned']);
  });

  it('assigns, sets facts, removes, and refuses an unknown target at its field', async () => {
    const error = await refused(request('builder.assign', { draftId: draft.draftId, expertId: 'E02', targets: ['A404'] }));
    expect(error.problems![0]).toMatchObject({ path: 'experts[1].assigned', field: 'assigned', text: expect.stringContaining('"A404" 不是本轮的类别或申报者编号') });
    draft = await request('builder.assign', { draftId: draft.draftId, expertId: 'E02', targets: ['innovation'] });
    draft = await request('builder.assign', { draftId: draft.draftId, expertId: 'E09', targets: ['A001', 'A009'] });
    draft = await request('builder.setFacts', { draftId: draft.draftId, applicantId: 'A001', facts: { eligible: true, staff: 12 } });
    expect(draft.round.applicants[0]!.facts).toEqual({ eligible: true, staff: 12 });
    draft = await request('builder.setFacts', { draftId: draft.draftId, applicantId: 'A001', facts: { staff: null } });
    expect(draft.round.applicants[0]!.facts).toEqual({ eligible: true });
    draft = await request('builder.setInfo', { draftId: draft.draftId, info: { id: 'jinan-2026', title: '2026年智慧泉城创新应用大赛', organizer: '济南市工业和信息化局', scoringCloses: '' } });
    expect(draft.round.round).toMatchObject({ title: '2026年智慧泉城创新应用大赛', organizer: '济南市工业和信息化局' });
    expect(draft.round.round.scoringCloses).toBeUndefined();
    expect(draft.check.ok).toBe(true);
    expect(draft.check.warnings.map((warning) => [warning.code, warning.id])).toContainEqual(['below-quorum', 'A002']);
  });

  it('packs with the chosen secretariat key: a wrong passphrase is refused first; the bundle verifies', async () => {
    const wrong = await refused(request('builder.pack', { draftId: draft.draftId, key: text(secretariat.keyFile), passphrase: 'not the passphrase' }));
    expect(wrong).toMatchObject({ code: 'wrong-passphrase', file: 'secretariat.key' });
    const notKey = await refused(request('builder.pack', { draftId: draft.draftId, key: text(expert.pubFile), passphrase: PASSPHRASE }));
    expect(notKey).toMatchObject({ code: 'invalid-key', file: '张三.pub', message: expect.stringContaining('this is a public identity (.pub), not a secret key file (.key)') });
    const record = await packed(draft.draftId);
    expect(record).toMatchObject({ bundleVersion: 1, documents: 4, fileName: 'jinan-2026-v1.rdbundle', issuer: { name: 'secretariat', fingerprint: secretariat.key.fingerprint } });
    const { file, bytes } = await workspace.drafts.bundleFile(draft.draftId, 1);
    expect(bytes).toBe(record.bytes);
    const bundle = await openBundle(file, { expectedIssuer: secretariat.key.fingerprint });
    try {
      await verifyDocuments(bundle);
      expect(bundle.payload.round.title).toBe('2026年智慧泉城创新应用大赛');
      expect(bundle.payload.applicants.map((applicant) => applicant.id)).toEqual(['A001', 'A002', 'A009']);
      expect(bundle.payload.bundleVersion).toBe(1);
    } finally {
      bundle.close();
    }
    // once packed, the round id is fixed
    const renamed = await refused(request('builder.setInfo', { draftId: draft.draftId, info: { id: 'jinan-2026b', title: draft.round.round.title } }));
    expect(renamed.problems![0]).toMatchObject({ path: 'round.id', code: 'id-fixed' });
    // a change and a second pack re-issue the same bundle as version 2
    draft = await request('builder.remove', { draftId: draft.draftId, kind: 'applicant', id: 'A009' });
    const second = await packed(draft.draftId);
    expect(second).toMatchObject({ bundleId: record.bundleId, bundleVersion: 2, documents: 3 });
    const list = await request('builder.list', {});
    expect(list).toEqual([expect.objectContaining({ draftId: draft.draftId, roundId: 'jinan-2026', applicants: 2, experts: 3, ready: true, lastPack: expect.objectContaining({ bundleVersion: 2 }) })]);
  });

  it('refuses to pack a round that is not ready, naming every problem', async () => {
    draft = await request('builder.addExperts', { draftId: draft.draftId, from: { kind: 'entries', experts: [{ name: '孙七' }] } }).then((change) => change.view);
    const { jobId } = await request('builder.pack', { draftId: draft.draftId, key: text(secretariat.keyFile), passphrase: PASSPHRASE });
    const job = await settled(jobId);
    expect(job.state).toBe('failed');
    expect(job.error).toMatchObject({ code: 'not-ready', problems: [expect.objectContaining({ path: 'experts[3].assigned' })] });
    expect((await request('builder.get', { draftId: draft.draftId })).packs).toHaveLength(2);
  });

  it('leaves a round whose builder file was broken by hand out of the list, naming the file when opened', async () => {
    const broken = await request('builder.create', { templateId: 'smart-city-innovation', info: { id: 'broken', title: '坏的' } });
    const file = path.join(path.dirname(broken.folder), 'builder.json');
    writeFileSync(file, '{"packs": [');
    expect((await request('builder.list', {})).map((summary) => summary.roundId)).toEqual(['jinan-2026']);
    expect(await refused(request('builder.get', { draftId: broken.draftId }))).toMatchObject({ code: 'not-json', file });
    expect(await request('builder.delete', { draftId: broken.draftId })).toEqual({ deleted: true });
  });

  it('deletes the round in preparation with its documents and bundles', async () => {
    expect(await request('builder.delete', { draftId: draft.draftId })).toEqual({ deleted: true });
    expect(await request('builder.list', {})).toEqual([]);
    expect((await refused(request('builder.get', { draftId: draft.draftId }))).code).toBe('not-found');
  });
});

describe('a round folder made elsewhere, opened in the app', () => {
  const sample = path.join(ROOT, 'resources/sample-round');
  const filesBelow = (dir: string, prefix = ''): { path: string; source: ReturnType<typeof source> }[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      return entry.isDirectory() ? filesBelow(path.join(dir, entry.name), relative) : [{ path: relative, source: source(path.join(dir, entry.name)) }];
    });

  it('opens the sample round folder (round.json and its PDFs) as a round in preparation', async () => {
    const files = filesBelow(sample);
    const opened = await request('builder.openFolder', { name: 'sample-round', files });
    expect(opened.round.round.id).toBe('nmgaf-2025-awards-sample');
    expect(opened.round.applicants).toHaveLength(12);
    expect(opened.check.problems).toEqual([]);
    expect(opened.check.documents).toBe(files.filter((file) => file.path.endsWith('.pdf')).length);
    expect(readFileSync(path.join(opened.folder, 'A001', readdirSync(path.join(sample, 'A001'))[0]!)).length).toBeGreaterThan(1000);
    await request('builder.delete', { draftId: opened.draftId });
  });

  it('refuses a folder without round.json, and one missing a document round.json names, naming each', async () => {
    const without = await refused(request('builder.openFolder', { name: '申报材料', files: filesBelow(sample).filter((file) => file.path !== 'round.json') }));
    expect(without).toMatchObject({ code: 'not-a-round-folder', file: '申报材料' });
    const files = filesBelow(sample);
    const dropped = files.find((file) => file.path.startsWith('B002/'))!;
    const missing = await refused(request('builder.openFolder', { name: 'sample-round', files: files.filter((file) => file !== dropped) }));
    expect(missing).toMatchObject({ code: 'missing-document', file: 'sample-round' });
    expect(missing.problems!.map((problem) => problem.text)).toEqual([`${dropped.path}：所选文件夹中没有这个文件`]);
    expect(await request('builder.list', {})).toEqual([]);
  });

  it('names the chosen folder\'s round.json when it is not JSON, and never copies outside the round folder', async () => {
    const broken = path.join(work, 'broken-round.json');
    writeFileSync(broken, '{"format": "reviewdesk.round/1",');
    expect(await refused(request('builder.openFolder', { name: '坏轮次', files: [{ path: 'round.json', source: source(broken) }] }))).toMatchObject({ code: 'not-json', file: '坏轮次/round.json' });
    const escaping = path.join(work, 'escaping-round.json');
    const round = JSON.parse(readFileSync(path.join(sample, 'round.json'), 'utf8')) as { applicants: { documents: { path: string }[] }[] };
    round.applicants = [{ ...round.applicants[0]!, documents: [{ ...round.applicants[0]!.documents[0]!, path: '../../escaped.pdf' }] }];
    writeFileSync(escaping, JSON.stringify(round));
    const pdf = filesBelow(sample).find((file) => file.path.endsWith('.pdf'))!;
    const error = await refused(request('builder.openFolder', { name: 'evil', files: [{ path: 'round.json', source: source(escaping) }, { path: '../../escaped.pdf', source: pdf.source }] }));
    expect(error.problems![0]).toMatchObject({ code: 'bad-path', file: '../../escaped.pdf' });
    expect(readdirSync(path.join(work, 'data', 'round-drafts'))).not.toContain('escaped.pdf'); // where ../../ from the round folder would land
    expect(await request('builder.list', {})).toEqual([]);
  });
});

describe('the applicant list template for Excel', () => {
  it('has the round\'s columns (facts with labels and units, categories as a drop-down) and reads back as filled', async () => {
    const grading = await request('builder.create', { templateId: 'service-capability-grading', info: { id: 'grading-2026', title: '2026 等级评定' } });
    const file = await request('builder.listTemplate', { draftId: grading.draftId });
    expect(file.fileName).toBe('grading-2026-申报者名单.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('申报者名单')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['编号', '名称', '在职专业技术人员（人）', '近一年内完工并通过验收的安防工程总合同额（元）']));
    expect(headers).not.toContain('类别'); // one category: nothing to choose
    const column = (header: string) => headers.indexOf(header) + 1;
    sheet.getRow(2).getCell(column('名称')).value = '呼和浩特某某安防工程有限公司';
    sheet.getRow(2).getCell(column('在职专业技术人员（人）')).value = 20;
    sheet.getRow(2).getCell(column('近一年内完工并通过验收的安防工程总合同额（元）')).value = '520万';
    const filled = path.join(work, '等级评定名单.xlsx');
    await workbook.xlsx.writeFile(filled);
    const change = await request('builder.addApplicants', { draftId: grading.draftId, from: { kind: 'list', source: source(filled) } });
    expect(change.view.round.applicants).toEqual([expect.objectContaining({ id: 'A001', name: '呼和浩特某某安防工程有限公司', category: 'grading', facts: { technicalStaff: 20, annualCompletedContracts: 5_200_000 } })]);

    const awards = await request('builder.create', { templateId: 'association-awards-2025', info: { id: 'awards-2026', title: '2026 评优' } });
    const awardsBook = new ExcelJS.Workbook();
    await awardsBook.xlsx.load(Buffer.from((await request('builder.listTemplate', { draftId: awards.draftId })).base64, 'base64') as unknown as ArrayBuffer);
    const list = awardsBook.getWorksheet('申报者名单')!;
    expect((list.getRow(1).values as unknown[]).slice(1)).toEqual(['编号', '名称', '类别']);
    expect(list.getCell('C2').dataValidation).toMatchObject({ type: 'list', formulae: ['类别!$B$2:$B$8'] });
    const title = awardsBook.getWorksheet('类别')!.getCell('B3').value as string;
    list.getCell('B2').value = '北方安防工程有限公司';
    list.getCell('C2').value = title;
    const awardsFile = path.join(work, '评优名单.xlsx');
    await awardsBook.xlsx.writeFile(awardsFile);
    const added = await request('builder.addApplicants', { draftId: awards.draftId, from: { kind: 'list', source: source(awardsFile) } });
    expect(added.view.round.applicants.map((applicant) => applicant.category)).toEqual(['quality-contractor']);
  });
});

async function settled(jobId: string): Promise<ResultOf<'builder.packJob'>> {
  for (;;) {
    const job = await request('builder.packJob', { jobId });
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function packed(draftId: string) {
  const { jobId } = await request('builder.pack', { draftId, key: text(secretariat.keyFile), passphrase: PASSPHRASE });
  const job = await settled(jobId);
  if (job.state !== 'done') throw new Error(JSON.stringify(job.error));
  return job.result!;
}
