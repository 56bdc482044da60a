// The secretariat's round builder on real files: a template, applicants from a folder of corpus
// PDFs and from XLSX / CSV lists (UTF-8 with and without BOM, GB18030 as Excel on Chinese Windows
// saves it), experts with and without .pub files, assignment, facts, check, pack, and the bundle
// verified as an expert would. Refusals name the row and column, the file, or the JSON path —
// every problem at once — and a refused step changes nothing on disk.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { packBundle } from '../../electron/core/bundle/pack';
import { openBundle, verifyDocuments } from '../../electron/core/bundle/read-bundle';
import {
  addExpertEntries,
  addExperts,
  applicantsFromFolder,
  applicantsFromList,
  assign,
  checkRound,
  checkRoundFolder,
  decodeText,
  expertsFromList,
  listTemplates,
  newRoundFromTemplate,
  parseCsv,
  parseFolderName,
  parseNumber,
  readRoundFolder,
  removeApplicant,
  resolveCategory,
  RoundBuildError,
  setFacts,
  writeRoundFolder,
} from '../../electron/core/round-builder';
import { runCli } from '../../electron/cli/run-cli';
import type { RoundDefinition } from '../../shared/round/schema';
import { validateRound } from '../../shared/round/validate';
import { CORPUS, makeKey, PASSPHRASE, tempDir, writeTree as tree, type TestKey } from '../helpers/fixtures';

const work = tempDir('reviewdesk-round-builder-');
let secretariat: TestKey;
let zhang: TestKey;
let li: TestKey;

const corpus = (name: string) => path.join(CORPUS, name);

async function refusal(promise: Promise<unknown> | (() => unknown)): Promise<RoundBuildError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (error instanceof RoundBuildError) return error;
    throw error;
  }
  throw new Error('accepted');
}

/** GB18030 bytes of `text` (the two-byte GBK range, which holds every character these lists use). */
let gbTable: Map<string, number[]> | undefined;
function gb18030(text: string): Buffer {
  if (gbTable === undefined) {
    gbTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && char !== '\ufffd' && !gbTable.has(char)) gbTable.set(char, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else {
      const code = gbTable.get(char);
      if (code === undefined) throw new Error(`no GB18030 two-byte code for ${char}`);
      bytes.push(...code);
    }
  }
  return Buffer.from(bytes);
}

async function writeXlsx(file: string, rows: unknown[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('申报名单');
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
  return file;
}

beforeAll(() => {
  secretariat = makeKey(work, 'secretariat');
  zhang = makeKey(work, 'zhang');
  li = makeKey(work, 'li');
});

describe('templates and pure edits', () => {
  it('lists the templates with their categories and starts a round from one, keeping `template`', async () => {
    const templates = await listTemplates();
    expect(templates.map((template) => template.id)).toEqual(expect.arrayContaining(['association-awards-2025', 'service-capability-grading', 'smart-city-innovation']));
    expect(templates.find((template) => template.id === 'association-awards-2025')!.categories).toHaveLength(7);
    const round = await newRoundFromTemplate('smart-city-innovation', { id: 'jinan-2026', title: '2026 智慧泉城创新应用大赛', stage: '初评' });
    expect(round.round).toMatchObject({ id: 'jinan-2026', title: '2026 智慧泉城创新应用大赛', stage: '初评', organizer: '济南市工业和信息化局' });
    expect(round).toMatchObject({ applicants: [], experts: [], template: { id: 'smart-city-innovation' } });
    expect(Object.keys(round).slice(0, 3)).toEqual(['format', 'template', 'round']);
    expect((await refusal(newRoundFromTemplate('smart-city-innovation', { id: 'a/b', title: ' ' }))).problems.map((problem) => problem.field)).toEqual(['id', 'title']);
    await expect(newRoundFromTemplate('no-such-template', { id: 'x', title: 'x' })).rejects.toThrow(/no such template.*association-awards-2025/);
  });

  it('reads folder names, numbers and category names the way secretariats write them', () => {
    expect(parseFolderName('A001 某某科技有限公司')).toEqual({ id: 'A001', name: '某某科技有限公司' });
    expect(parseFolderName('B-12_北方安防')).toEqual({ id: 'B-12', name: '北方安防' });
    expect(parseFolderName('某某科技有限公司')).toEqual({ name: '某某科技有限公司' });
    expect(parseFolderName('2025年度项目')).toEqual({ name: '2025年度项目' });
    expect(parseNumber('5,200,000')).toBe(5200000);
    expect(parseNumber('500万元', '元')).toBe(5000000);
    expect(parseNumber('0.07万')).toBe(700);
    expect(parseNumber('２０人', '人')).toBe(20);
    expect(parseNumber('二十')).toBeNull();
  });

  it('edits are pure: the input round never changes; refusals name the field', async () => {
    const round = await newRoundFromTemplate('association-awards-2025', { id: 'r', title: 't' });
    const before = JSON.stringify(round);
    expect(resolveCategory(round, '诚信企业')).toMatchObject({ category: { id: 'integrity' } });
    expect(resolveCategory(round, '2025年度')).toMatchObject({ error: expect.stringMatching(/不明确/) });
    const withExperts = addExpertEntries(round, [{ name: '张三' }, { name: '李四', assigned: ['优质工程'] }]);
    expect(withExperts.experts).toEqual([{ id: 'E01', name: '张三', assigned: [] }, { id: 'E02', name: '李四', assigned: ['project'] }]);
    const assigned = assign(withExperts, 'E01', 'integrity, service');
    expect(assigned.experts[0]!.assigned).toEqual(['integrity', 'service']);
    expect(assign(assigned, 'E01', ['project'], { replace: true }).experts[0]!.assigned).toEqual(['project']);
    const bad = await refusal(() => assign(assigned, 'E09', ['nothing']));
    expect(bad.problems.map((problem) => problem.code)).toEqual(['unknown-expert', 'unknown-target']);
    expect(JSON.stringify(round)).toBe(before);
    const dup = await refusal(() => addExpertEntries(withExperts, [{ id: 'E01', name: '' }]));
    expect(dup.problems.map((problem) => [problem.path, problem.code])).toEqual([['experts[2].id', 'duplicate-id'], ['experts[2].name', 'missing-name']]);
  });
});

describe('template → folder of applicants → experts → assign → check → pack → inspect', () => {
  let round: RoundDefinition;
  const roundDir = path.join(work, 'awards-round');
  const source = path.join(work, 'applications');

  it('adds one applicant per sub-folder, ids from the names or given, titles from the file names', async () => {
    tree(source, {
      'A001 某某科技有限公司/申报材料.pdf': 'XiaoBiaoSong.pdf',
      'A001 某某科技有限公司/附件/10-合同关键页.pdf': 'scan-bad.pdf',
      'A001 某某科技有限公司/附件/2-营业执照.pdf': 'helloworld-bad.pdf',
      'A001 某某科技有限公司/.DS_Store': { text: 'finder junk' },
      '北方安防工程有限公司/申报书.PDF': 'noembed-sjis.pdf',
      'A003 草原智慧城市服务有限公司/application.pdf': 'pdfjs_wikipedia.pdf',
    });
    round = await newRoundFromTemplate('association-awards-2025', { id: 'nmgaf-2026-awards', title: '2026年度评优', scoringCloses: '2026-11-20' });
    const result = await applicantsFromFolder(source, round, { category: 'integrity' });
    round = result.round;
    expect(result.added).toEqual(['A001', 'A003', 'A002']);
    expect(round.applicants.map((applicant) => [applicant.id, applicant.name, applicant.category])).toEqual([
      ['A001', '某某科技有限公司', 'integrity'],
      ['A003', '草原智慧城市服务有限公司', 'integrity'],
      ['A002', '北方安防工程有限公司', 'integrity'],
    ]);
    expect(round.applicants[0]!.documents).toEqual([
      { path: 'A001/申报材料.pdf', title: '申报材料', sections: [] },
      { path: 'A001/附件/2-营业执照.pdf', title: '2-营业执照', sections: [] },
      { path: 'A001/附件/10-合同关键页.pdf', title: '10-合同关键页', sections: [] },
    ]);
    expect(round.applicants[2]!.documents).toEqual([{ path: 'A002/申报书.PDF', title: '申报书', sections: [] }]);
    // nothing copied yet: the documents are named with where they come from
    expect(result.documents).toContainEqual({ path: 'A002/申报书.PDF', source: path.join(source, '北方安防工程有限公司', '申报书.PDF') });
    expect(existsSync(roundDir)).toBe(false);
  });

  it('adds experts with and without .pub files, assigns, sets facts', async () => {
    const added = await addExperts(round, [
      { pubFile: zhang.pubFile, assigned: ['integrity'] },
      { name: '李四（专家库）', id: 'E07', pubFile: li.pubFile },
      { name: '王五' },
    ]);
    round = added.round;
    expect(added.added).toEqual([
      { id: 'E01', name: 'zhang', fingerprint: JSON.parse(readFileSync(zhang.pubFile, 'utf8')).fingerprint },
      { id: 'E07', name: '李四（专家库）', fingerprint: JSON.parse(readFileSync(li.pubFile, 'utf8')).fingerprint },
      { id: 'E02', name: '王五' },
    ]);
    expect(round.experts[0]!.publicKey).toBe(JSON.parse(readFileSync(zhang.pubFile, 'utf8')).publicKey);
    expect(round.experts[2]).toEqual({ id: 'E02', name: '王五', assigned: [] });
    // the same key twice is refused
    expect((await refusal(addExperts(round, [{ name: 'x', pubFile: zhang.pubFile }]))).problems[0]).toMatchObject({ code: 'duplicate-key', field: 'publicKey', message: expect.stringContaining('E01') });
    round = assign(round, 'E07', ['A001', 'A002']);
    round = setFacts(round, 'A001', { foundedYears: 12, credit: 'AAA', member: true });
    round = setFacts(round, 'A001', { credit: null });
    expect(round.applicants[0]!.facts).toEqual({ foundedYears: 12, member: true });
  });

  it('check reports every problem with its JSON path, and warnings, before anything is packed', async () => {
    const report = await checkRound(round, roundDir);
    expect(report.ok).toBe(false);
    expect(report.problems.map((problem) => problem.path)).toContain('experts[2].assigned');
    expect(report.problems.filter((problem) => problem.code === 'missing-document')).toHaveLength(5); // not copied yet
    expect(report.warnings.map((warning) => warning.code)).toEqual(expect.arrayContaining(['below-quorum', 'example-values']));
  });

  it('writes the round folder (documents copied in), checks clean, packs, and the bundle verifies', async () => {
    const { documents } = await applicantsFromFolder(source, await newRoundFromTemplate('association-awards-2025', { id: 'x', title: 'x' }), { category: 'integrity' });
    round = assign(round, 'E02', ['integrity']);
    const written = await writeRoundFolder(round, roundDir, { documents });
    expect(written.copied).toHaveLength(5);
    expect(readFileSync(path.join(roundDir, 'A001/附件/10-合同关键页.pdf')).equals(readFileSync(corpus('scan-bad.pdf')))).toBe(true);
    const onDisk = readFileSync(written.file, 'utf8');
    expect(onDisk).toBe(`${JSON.stringify(round, null, 2)}\n`);
    // writing again with the same documents copies nothing and changes nothing
    expect((await writeRoundFolder(round, roundDir, { documents })).copied).toEqual([]);
    const report = await checkRoundFolder(roundDir);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.summary).toMatchObject({ applicants: 3, experts: 3, expertsWithKey: 2, documents: 5 });
    expect(validateRound(await readRoundFolder(roundDir)).ok).toBe(true);

    const out = path.join(work, 'awards.rdbundle');
    const packed = await packBundle({ dir: roundDir, key: secretariat.key, out });
    expect(packed).toMatchObject({ roundId: 'nmgaf-2026-awards', files: 5 });
    const bundle = await openBundle(out, { expectedIssuer: JSON.parse(readFileSync(secretariat.pubFile, 'utf8')).fingerprint });
    try {
      await verifyDocuments(bundle);
      expect(bundle.payload.applicants.map((applicant) => applicant.id)).toEqual(['A001', 'A003', 'A002']);
      expect(bundle.payload.experts.map((expert) => [expert.id, expert.assigned])).toEqual([['E01', ['integrity']], ['E07', ['A001', 'A002']], ['E02', ['integrity']]]);
      expect((bundle.payload as Record<string, unknown>).template).toMatchObject({ id: 'association-awards-2025' });
      expect(bundle.documents.map((document) => document.path)).toContain('A001/附件/2-营业执照.pdf');
    } finally {
      bundle.close();
    }
  });

  it('refuses a document already in the round folder with other content, and a missing one, writing nothing', async () => {
    const other = path.join(work, 'other.pdf');
    copyFileSync(corpus('pdfjs_wikipedia.pdf'), other);
    const before = readFileSync(path.join(roundDir, 'round.json'), 'utf8');
    const changed = { ...round, applicants: [...round.applicants, { id: 'A009', name: '新', category: 'integrity', documents: [{ path: 'A009/a.pdf', title: 'a' }] }] };
    const error = await refusal(writeRoundFolder(changed, roundDir, { documents: [{ path: 'A001/申报材料.pdf', source: other }] }));
    expect(error.problems.map((problem) => [problem.code, problem.file])).toEqual([['exists', 'A001/申报材料.pdf'], ['missing-document', 'A009/a.pdf']]);
    expect(readFileSync(path.join(roundDir, 'round.json'), 'utf8')).toBe(before);
    expect(readFileSync(path.join(roundDir, 'A001/申报材料.pdf')).equals(readFileSync(corpus('XiaoBiaoSong.pdf')))).toBe(true);
  });

  it('a removed applicant leaves the assignments', () => {
    const removed = removeApplicant(round, 'A002');
    expect(removed.applicants.map((applicant) => applicant.id)).toEqual(['A001', 'A003']);
    expect(removed.experts.find((expert) => expert.id === 'E07')!.assigned).toEqual(['A001']);
  });
});

describe('refusals from a folder and from .pub files', () => {
  it('refuses a non-PDF in an applicant folder, naming the file — every problem at once', async () => {
    const dir = tree(path.join(work, 'bad-folder'), {
      'A001 甲公司/申报材料.pdf': 'XiaoBiaoSong.pdf',
      'A001 甲公司/申报书.docx': { text: 'PK\u0003\u0004 a word file' },
      'A001 乙公司/假的.pdf': { text: 'not a pdf at all' },
      '丙公司/说明.txt': { text: 'readme' },
      '散落的文件.pdf': 'XiaoBiaoSong.pdf',
    });
    const round = await newRoundFromTemplate('association-awards-2025', { id: 'r', title: 't' });
    const error = await refusal(applicantsFromFolder(dir, round, {}));
    expect(error.file).toBe(dir);
    expect(error.problems.map((problem) => [problem.code, problem.file ?? ''])).toEqual([
      ['missing-category', ''],
      ['not-pdf', 'A001 乙公司/假的.pdf'],
      ['duplicate-id', 'A001 甲公司'],
      ['not-pdf', 'A001 甲公司/申报书.docx'],
      ['not-pdf', '丙公司/说明.txt'],
      ['loose-file', '散落的文件.pdf'],
    ]);
    expect(error.message).toContain('A001 甲公司/申报书.docx：不是 PDF 文件');
    expect(error.message).toMatch(/请指定申报者的类别/);
  });

  it('refuses a .pub whose fingerprint does not belong to its key, naming the file', async () => {
    const forged = path.join(work, 'forged.pub');
    const identity = JSON.parse(readFileSync(zhang.pubFile, 'utf8'));
    writeFileSync(forged, JSON.stringify({ ...identity, fingerprint: JSON.parse(readFileSync(li.pubFile, 'utf8')).fingerprint }));
    const round = await newRoundFromTemplate('smart-city-innovation', { id: 'r', title: 't' });
    const error = await refusal(addExperts(round, [{ name: '张三', pubFile: forged }, { name: '李四', pubFile: path.join(work, 'missing.pub') }]));
    expect(error.problems).toMatchObject([
      { code: 'fingerprint-mismatch', file: forged, field: 'publicKey', message: expect.stringMatching(/指纹与其中的公钥不符/) },
      { code: 'not-found', file: path.join(work, 'missing.pub') },
    ]);
  });
});

describe('applicants from lists', () => {
  const listDir = path.join(work, 'lists');
  let grading: RoundDefinition;

  beforeAll(async () => {
    tree(listDir, { 'pdf/甲-申报书.pdf': 'XiaoBiaoSong.pdf', 'pdf/乙-申报书.pdf': 'noembed-sjis.pdf', 'pdf/丙/材料一.pdf': 'scan-bad.pdf', 'pdf/丙/材料二.pdf': 'helloworld-bad.pdf', 'pdf/readme.txt': { text: 'x' } });
    grading = await newRoundFromTemplate('service-capability-grading', { id: 'grading-2026', title: '2026 等级评定' });
  });

  it('reads an XLSX list: ids, names, facts by label with units parsed, documents from paths and folders', async () => {
    const file = await writeXlsx(path.join(listDir, '名单.xlsx'), [
      ['序号', '编号', '单位名称', '在职专业技术人员（人）', '近一年内完工并通过验收的安防工程总合同额', 'projectCount', '备注', '文件'],
      [1, 'G001', '甲安防工程有限公司', 20, '520万元', 3, '老会员', 'pdf/甲-申报书.pdf'],
      [2, '', '乙智能科技有限公司', '12人', 3_000_000, null, '', 'pdf/乙-申报书.pdf；pdf/丙'],
    ]);
    const result = await applicantsFromList(file, grading);
    expect(result.round.applicants).toEqual([
      { id: 'G001', name: '甲安防工程有限公司', category: 'grading', facts: { technicalStaff: 20, annualCompletedContracts: 5200000, projectCount: 3 }, documents: [{ path: 'G001/甲-申报书.pdf', title: '甲-申报书', sections: [] }] },
      {
        id: 'A001', name: '乙智能科技有限公司', category: 'grading', facts: { technicalStaff: 12, annualCompletedContracts: 3000000 },
        documents: [
          { path: 'A001/乙-申报书.pdf', title: '乙-申报书', sections: [] },
          { path: 'A001/材料一.pdf', title: '材料一', sections: [] },
          { path: 'A001/材料二.pdf', title: '材料二', sections: [] },
        ],
      },
    ]);
    const roundDir = path.join(work, 'grading-round');
    await writeRoundFolder(result.round, roundDir, { documents: result.documents, create: true });
    expect(readFileSync(path.join(roundDir, 'A001/材料一.pdf')).equals(readFileSync(corpus('scan-bad.pdf')))).toBe(true);
  });

  const csvRows = ['编号,名称,类别,在职专业技术人员,备注', 'C001,呼和浩特市安防工程有限公司,等级评定,18,"含逗号, 和""引号"""', 'C002,包头智能科技有限公司,grading,"1,200",'];
  const expectCsv = (round: RoundDefinition) =>
    expect(round.applicants.map((applicant) => [applicant.id, applicant.name, applicant.category, applicant.facts])).toEqual([
      ['C001', '呼和浩特市安防工程有限公司', 'grading', { technicalStaff: 18 }],
      ['C002', '包头智能科技有限公司', 'grading', { technicalStaff: 1200 }],
    ]);

  it('reads a UTF-8 CSV with and without BOM, CRLF line ends, quoted commas and quotes', async () => {
    const withBom = path.join(listDir, 'bom.csv');
    writeFileSync(withBom, `\ufeff${csvRows.join('\r\n')}\r\n`);
    expectCsv((await applicantsFromList(withBom, grading)).round);
    const plain = path.join(listDir, 'plain.csv');
    writeFileSync(plain, csvRows.join('\n'));
    expectCsv((await applicantsFromList(plain, grading)).round);
    expect(parseCsv('a,"b\nc",d\ne,f')).toEqual([{ row: 1, cells: [{ text: 'a' }, { text: 'b\nc' }, { text: 'd' }] }, { row: 3, cells: [{ text: 'e' }, { text: 'f' }] }]);
  });

  it('detects and decodes a GB18030 CSV (Excel on Chinese Windows)', async () => {
    const bytes = gb18030(csvRows.join('\r\n'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeText(bytes).encoding).toBe('gb18030');
    const file = path.join(listDir, 'gb.csv');
    writeFileSync(file, bytes);
    expectCsv((await applicantsFromList(file, grading)).round);
  });

  it('reports every bad cell at once by row and column', async () => {
    const awards = await newRoundFromTemplate('association-awards-2025', { id: 'r', title: 't' });
    const start = await applicantsFromList(await writeXlsx(path.join(listDir, 'first.xlsx'), [['编号', '名称', '类别'], ['A001', '已有公司', 'integrity']]), awards);
    const file = await writeXlsx(path.join(listDir, 'bad.xlsx'), [
      ['编号', '名称', '类别', 'staff', '文件', ''],
      ['A002', '甲公司', 'xx', 20, 'pdf/甲-申报书.pdf'],
      ['A001', '', '诚信企业', 10, ''],
      ['A/3', '丙公司', '', 'many', 'pdf/nothing.pdf'],
      ['A002', '丁公司', '2025年度', 5, 'pdf/readme.txt', '多出的内容'],
      [],
      ['', '戊公司', 'service', 7, ''],
    ]);
    const error = await refusal(applicantsFromList(file, start.round));
    expect(error.file).toBe(file);
    const cells = error.problems.map((problem) => `${problem.row ?? ''}|${problem.column ?? ''}|${problem.columnLetter ?? ''}|${problem.code}`);
    expect(cells).toEqual([
      '1|F|F|missing-header',
      '2|类别|C|unknown-category',
      '3|编号|A|duplicate-id',
      '3|名称|B|missing-name',
      '4|编号|A|bad-id',
      '4|类别|C|missing-category',
      '4|文件|E|not-found',
      '5|编号|A|duplicate-id',
      '5|类别|C|unknown-category',
      '5|文件|E|not-pdf',
    ]);
    expect(error.message).toContain('第 2 行，"类别" 列：未知的类别 "xx"');
    expect(error.message).toContain('第 5 行，"编号" 列：编号 "A002" 与第 2 行重复');
    expect(error.message).toContain('第 3 行，"编号" 列：编号 "A001" 在本轮中已被使用');
    expect(error.message).toContain('第 5 行，"类别" 列：类别 "2025年度" 不明确');
    expect(error.message).toContain('第 4 行，"文件" 列：找不到文件 "pdf/nothing.pdf"');
    expect(error.message).toContain('第 5 行，"文件" 列："pdf/readme.txt" 不是 PDF 文件');
  });

  it('a fact the levels compare as a number must be one; a list without a name column is refused', async () => {
    const file = path.join(listDir, 'facts.csv');
    writeFileSync(file, '名称,在职专业技术人员（人）,largestProject\n甲,二十,300万\n乙,6,约三百万\n');
    const error = await refusal(applicantsFromList(file, grading));
    expect(error.problems.map((problem) => [problem.row, problem.column, problem.field, problem.code])).toEqual([
      [2, '在职专业技术人员（人）', 'facts.technicalStaff', 'not-a-number'],
      [3, 'largestProject', 'facts.largestProject', 'not-a-number'],
    ]);
    expect(error.message).toContain('第 2 行，"在职专业技术人员（人）" 列：不是数字："二十"（单位：人）');
    const noName = path.join(listDir, 'noname.csv');
    writeFileSync(noName, '编号,类别\nA1,grading\n');
    expect((await refusal(applicantsFromList(noName, grading))).problems).toMatchObject([{ row: 1, code: 'missing-column' }]);
  });

  it('maps the validator\'s problems in new applicants to their row and column', async () => {
    const file = path.join(listDir, 'control.csv');
    tree(listDir, { 'case/x/Report.pdf': 'XiaoBiaoSong.pdf', 'case/y/report.pdf': 'noembed-sjis.pdf' });
    writeFileSync(file, '名称,文件\n甲,case/x/Report.pdf;case/y/report.pdf\n');
    // two paths equal but for case are found by validateRound (they would clash on Windows), not by the list reader
    const error = await refusal(applicantsFromList(file, grading));
    expect(error.problems).toMatchObject([{ code: 'invalid', path: 'applicants[0].documents[1].path', id: 'A001', row: 2, column: '文件', columnLetter: 'B', field: 'documents' }]);
    expect(error.message).toMatch(/第 2 行，"文件" 列：document path "A001\/report.pdf" clashes with "A001\/Report.pdf"/);
  });

  it('reads an expert list with .pub files and assignments', async () => {
    const file = path.join(listDir, 'experts.csv');
    writeFileSync(file, `姓名,公钥文件,分配\n张三,${path.relative(listDir, zhang.pubFile)},grading\n,${path.relative(listDir, li.pubFile)},"G001；A001"\n王五,,等级评定\n赵六,forged.pub,未知类别\n`);
    const withApplicants = (await applicantsFromList(path.join(listDir, '名单.xlsx'), grading)).round;
    const error = await refusal(expertsFromList(file, withApplicants));
    expect(error.problems.map((problem) => `${problem.row}|${problem.column}|${problem.code}`)).toEqual(['5|公钥文件|not-found', '5|分配|unknown-target']);
    writeFileSync(file, readFileSync(file, 'utf8').split('\n').slice(0, 4).join('\n'));
    const result = await expertsFromList(file, withApplicants);
    expect(result.round.experts).toMatchObject([
      { id: 'E01', name: '张三', assigned: ['grading'], publicKey: expect.any(String) },
      { id: 'E02', name: 'li', assigned: ['G001', 'A001'], publicKey: expect.any(String) },
      { id: 'E03', name: '王五', assigned: ['grading'] },
    ]);
  });
});

describe('reviewdesk round (CLI)', () => {
  const dir = path.join(work, 'cli-round');
  const apps = path.join(work, 'cli-apps');

  async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const previous = process.env.REVIEWDESK_PASSPHRASE;
    process.env.REVIEWDESK_PASSPHRASE = PASSPHRASE;
    try {
      const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
      return { code, stdout, stderr };
    } finally {
      if (previous === undefined) delete process.env.REVIEWDESK_PASSPHRASE;
      else process.env.REVIEWDESK_PASSPHRASE = previous;
    }
  }

  it('round templates lists them; usage errors exit 2', async () => {
    const listed = await cli(['round', 'templates', '--json']);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout).templates.map((template: { id: string }) => template.id)).toContain('chairmans-quality-award');
    for (const args of [['round'], ['round', 'frobnicate'], ['round', 'new', '--template', 'x'], ['round', 'add-applicants', dir], ['round', 'add-experts', dir], ['round', 'check', dir, 'extra'], ['round', 'assign', dir, '--expert', 'E01']]) {
      expect((await cli(args)).code, args.join(' ')).toBe(2);
    }
  });

  it('new → add-applicants → add-experts → check (not ready) → assign → check → pack → inspect', async () => {
    tree(apps, { 'A001 甲公司/申报材料.pdf': 'XiaoBiaoSong.pdf', 'A002 乙公司/申报材料.pdf': 'noembed-sjis.pdf' });
    let result = await cli(['round', 'new', '--template', 'smart-city-innovation', '--id', 'jinan-2026', '--title', '2026 智慧泉城', '--out', dir]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('innovation');
    expect((await cli(['round', 'new', '--template', 'smart-city-innovation', '--id', 'x', '--title', 'x', '--out', dir])).code).toBe(1);

    result = await cli(['round', 'add-applicants', dir, '--from', apps, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, copied: 2, added: [{ id: 'A001', name: '甲公司', category: 'innovation', documents: 1 }, { id: 'A002' }] });

    result = await cli(['round', 'add-experts', dir, '--name', '张三', '--pub', zhang.pubFile, '--assign', 'innovation']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(JSON.parse(readFileSync(zhang.pubFile, 'utf8')).fingerprint);
    result = await cli(['round', 'add-experts', dir, '--name', '王五']);
    expect(result.code).toBe(0);

    result = await cli(['round', 'check', dir, '--json']);
    expect(result.code).toBe(1);
    const failure = JSON.parse(result.stdout);
    expect(failure).toMatchObject({ ok: false, error: { code: 'not-ready', file: path.join(dir, 'round.json'), problems: [{ path: 'experts[1].assigned', id: 'E02' }] } });
    expect(failure.error.warnings.map((warning: { code: string }) => warning.code)).toContain('example-values');
    expect(result.stderr).toMatch(/experts\[1\]\.assigned \(E02\)：尚未给该专家分配任何类别或申报者/);

    const listTemplate = path.join(work, 'cli-名单.xlsx');
    expect((await cli(['round', 'list-template', dir, '--out', listTemplate])).code).toBe(0);
    expect(readFileSync(listTemplate).subarray(0, 2).toString()).toBe('PK');
    expect((await cli(['round', 'list-template', dir, '--out', listTemplate])).code).toBe(1); // never overwrites

    expect((await cli(['round', 'assign', dir, '--expert', 'E02', '--to', 'A001,A002'])).code).toBe(0);
    expect((await cli(['round', 'facts', dir, '--applicant', 'A001', '--set', 'staff=20', '--set', 'contract=500万'])).code).toBe(0);
    result = await cli(['round', 'check', dir]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('ready to pack');
    const saved = JSON.parse(readFileSync(path.join(dir, 'round.json'), 'utf8'));
    expect(saved.applicants[0].facts).toEqual({ staff: 20, contract: 5000000 });

    const out = path.join(work, 'cli.rdbundle');
    result = await cli(['pack', dir, '--key', secretariat.keyFile, '--out', out]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    result = await cli(['inspect', out, '--issuer', secretariat.pubFile, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, roundId: 'jinan-2026', applicants: 2, experts: 2, files: 2, issuerPinned: true });
  });

  it('exit 1 naming the row and column of a bad list, the file of a forged .pub; the round is unchanged', async () => {
    const before = readFileSync(path.join(dir, 'round.json'), 'utf8');
    const list = path.join(work, 'cli-bad.csv');
    writeFileSync(list, gb18030('编号,名称,类别\nA003,丙公司,不存在的类别\nA001,,innovation\n'));
    let result = await cli(['round', 'add-applicants', dir, '--from', list, '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error.problems.map((problem: { text: string }) => problem.text)).toEqual([
      expect.stringMatching(/^第 2 行，"类别" 列：未知的类别 "不存在的类别"/),
      '第 3 行，"编号" 列：编号 "A001" 在本轮中已被使用',
      '第 3 行，"名称" 列：缺少名称',
    ]);
    expect(result.stderr).toContain(`${list}: 申报者名单有误`);

    const forged = path.join(work, 'forged2.pub');
    writeFileSync(forged, JSON.stringify({ ...JSON.parse(readFileSync(li.pubFile, 'utf8')), fingerprint: '0000-0000-0000-0000-0000-0000-0000-0000' }));
    result = await cli(['round', 'add-experts', dir, '--pub', forged, '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error.problems).toMatchObject([{ code: 'fingerprint-mismatch', file: forged }]);
    expect(result.stderr).toContain(`${forged}：公钥文件的指纹与其中的公钥不符`);

    const docx = path.join(work, 'cli-docx');
    tree(docx, { 'A005 戊公司/申报书.docx': { text: 'PK' } });
    result = await cli(['round', 'add-applicants', dir, '--from', docx]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('A005 戊公司/申报书.docx：不是 PDF 文件');
    expect((await cli(['round', 'assign', dir, '--expert', 'E09', '--to', 'A001'])).code).toBe(1);
    expect(readFileSync(path.join(dir, 'round.json'), 'utf8')).toBe(before);
    expect(existsSync(path.join(dir, 'A005'))).toBe(false);
  });
});
