// Test fixtures: temp folders, keys, and a realistic round folder whose documents are real PDFs
// from the shared corpus (made by other tools: Chinese fonts, a non-embedded font, a scan).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { generateKey, unlockKey, type UnlockedKey } from '../../electron/core/keys/secret-key';

export { CORPUS } from './project-root';
import { CORPUS } from './project-root';
export const PASSPHRASE = '正确 horse battery staple';

/** A temp folder removed after the test file. */
export function tempDir(prefix = 'reviewdesk-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TestKey {
  key: UnlockedKey;
  keyFile: string;
  pubFile: string;
}

/** Writes `files` (relative path → corpus PDF name, or `{ text }` for a non-PDF) below `dir`. */
export function writeTree(dir: string, files: Record<string, string | { text: string }>): string {
  for (const [relative, source] of Object.entries(files)) {
    const target = path.join(dir, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    if (typeof source === 'string') copyFileSync(path.join(CORPUS, source), target);
    else writeFileSync(target, source.text);
  }
  return dir;
}

/** Writes NAME.key / NAME.pub into `dir` and returns the unlocked key. */
export function makeKey(dir: string, name: string): TestKey {
  const { secret, identity } = generateKey(name, PASSPHRASE);
  const keyFile = path.join(dir, `${name}.key`);
  const pubFile = path.join(dir, `${name}.pub`);
  writeFileSync(keyFile, JSON.stringify(secret));
  writeFileSync(pubFile, JSON.stringify(identity));
  return { key: unlockKey(secret, PASSPHRASE), keyFile, pubFile };
}

export type RoundJson = Record<string, unknown> & {
  applicants: ({ id: string; documents: ({ path: string } & Record<string, unknown>)[] } & Record<string, unknown>)[];
};

export function sampleRound(): RoundJson {
  return {
    format: 'reviewdesk.round/1',
    round: { id: 'nmgaf-2025-awards', title: '2025年度安防行业评优', organizer: '内蒙古公共安全技术行业协会', stage: '材料评审', scoringCloses: '2025-11-20', confidential: true },
    rubrics: [
      {
        id: 'integrity',
        title: '诚信企业评分表',
        criteria: [
          { id: 'c1', label: '诚信经营', max: 25, step: 0.5, guidance: '查看信用报告' },
          { id: 'c2', label: '企业能力', children: [ { id: 'c2a', label: '技术人员', max: 10, step: 1 }, { id: 'c2b', label: '项目业绩', max: 15, step: 1 } ] },
        ],
        checks: [{ id: 'k1', label: '营业执照：成立5年及以上', veto: true }],
        commentRequired: true,
        criterionCommentBelowPercent: 60,
      },
      { id: 'innovation', title: '创新应用评分表', criteria: [ { id: 'i1', label: '项目基本情况', max: 20, step: 1 }, { id: 'i2', label: '项目方案及实施情况', max: 40, step: 1 }, { id: 'i3', label: '项目建设成效', max: 40, step: 1 } ] },
    ],
    categories: [
      { id: 'integrity-co', title: '安防高质量发展诚信企业', rubric: 'integrity', aggregation: { method: 'trimmed-mean', trimMinExperts: 5, quorum: 2, discrepancyPercent: 20 },
        award: { type: 'tiers', tiers: [ { label: '一等奖', count: 2 }, { label: '二等奖', count: 6 }, { label: '三等奖', minScore: 60 } ] }, tieBreak: ['criterion:c1', 'median'] },
      { id: 'smart-city', title: '智慧城市创新应用', rubric: 'innovation', award: { type: 'bands', bands: [ { label: '优秀', minScore: 85 }, { label: '良好', minScore: 70 } ] } },
    ],
    applicants: [
      { id: 'A001', name: '某某科技有限公司', category: 'integrity-co', facts: { staff: 20, contractTotal: 5200000 },
        documents: [ { path: 'A001/申报材料.pdf', title: '申报材料', sections: [ { title: '营业执照', page: 1 } ] }, { path: 'A001/扫描件.pdf', title: '合同关键页' } ] },
      { id: 'A002', name: '北方安防工程有限公司', category: 'integrity-co', documents: [ { path: 'A002/申报材料.pdf', title: '申报材料' } ] },
      { id: 'B001', name: '智慧泉城项目组', category: 'smart-city', documents: [ { path: 'B001/application.pdf', title: '申报书' } ] },
    ],
    experts: [
      { id: 'E01', name: '张三', assigned: ['integrity-co'] },
      { id: 'E02', name: '李四', assigned: ['integrity-co', 'B001'] },
    ],
  };
}

const SOURCES: Record<string, string> = {
  'A001/申报材料.pdf': 'XiaoBiaoSong.pdf',
  'A001/扫描件.pdf': 'scan-bad.pdf',
  'A002/申报材料.pdf': 'noembed-sjis.pdf',
  'B001/application.pdf': 'pdfjs_wikipedia.pdf',
};

/** Writes round.json and each document it names, with the bytes `contentOf` gives for its path. */
export function writeRoundFolder(dir: string, round: RoundJson, contentOf: (documentPath: string) => Buffer): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'round.json'), JSON.stringify(round, null, 2));
  for (const applicant of round.applicants) {
    for (const document of applicant.documents) {
      const target = path.join(dir, document.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, contentOf(document.path));
    }
  }
  return dir;
}

/** A round folder: round.json plus the documents it names, copied from the corpus. */
export function makeRoundDir(dir: string, round: RoundJson = sampleRound(), sources: Record<string, string> = SOURCES): string {
  return writeRoundFolder(dir, round, (documentPath) => readFileSync(path.join(CORPUS, sources[documentPath] ?? 'helloworld-bad.pdf')));
}
