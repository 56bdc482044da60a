// A round scored by five experts as a secretariat receives it: two revisions from E01, an
// equivocating pair from E03, an identical copy and an unregistered key from E04, a tampered
// file, and no file from E05.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packBundle } from '../../electron/core/bundle/pack';
import { openBundle } from '../../electron/core/bundle/read-bundle';
import { encodePublicKey } from '../../electron/core/keys/fingerprint';
import { createScoreFile, type ScoredBundle } from '../../electron/core/scores/score-file';
import { makeKey, makeRoundDir, sampleRound, type TestKey } from './fixtures';

export interface ScoredRound {
  bundleFile: string;
  bundle: ScoredBundle;
  files: Record<'e01r1' | 'e01r2' | 'e02' | 'e03a' | 'e03b' | 'e04' | 'e04copy' | 'tampered', string>;
  keys: Record<string, TestKey>;
}

export function sheet(applicantId: string, c1: number, c2a: number, c2b: number, veto = true) {
  return { applicantId, checks: { k1: veto }, scores: { c1, c2a, c2b }, comment: '意见', criterionComments: { c1: '理由', c2: '理由', c2a: '理由', c2b: '理由' } };
}

export async function makeScoredRound(work: string): Promise<ScoredRound> {
  const keys: Record<string, TestKey> = {};
  const secretariat = makeKey(work, 'secretariat');
  const round = sampleRound();
  round.experts = ['E01', 'E02', 'E03', 'E04', 'E05'].map((id, index) => ({ id, name: ['张三', '李四', '王五', '赵六', '钱七'][index]!, assigned: ['integrity-co'] }));
  for (const expert of round.experts as { id: string; publicKey?: string }[]) {
    keys[expert.id] = makeKey(work, expert.id);
    if (expert.id !== 'E04') expert.publicKey = encodePublicKey(keys[expert.id]!.key.publicKey);
  }
  (round.categories as { aggregation?: unknown }[])[0]!.aggregation = { method: 'mean', quorum: 2, discrepancyPercent: 20 };
  (round.categories as { award?: unknown }[])[0]!.award = { type: 'tiers', tiers: [{ label: '一等奖', count: 1 }, { label: '二等奖', minScore: 30 }] };
  const bundleFile = path.join(work, 'round.rdbundle');
  await packBundle({ dir: makeRoundDir(path.join(work, 'round'), round), key: secretariat.key, out: bundleFile });
  const opened = await openBundle(bundleFile);
  opened.close();
  const bundle: ScoredBundle = opened;
  const scoreFile = (expertId: string, sheets: unknown[], revision = 1, name = `${expertId}-r${revision}.rdscore`): string => {
    const file = createScoreFile(bundle, { expertId, key: keys[expertId]!.key, sheetFile: { sheets }, revision, final: true, appVersion: 't' }, name);
    const out = path.join(work, name);
    writeFileSync(out, file.bytes);
    return out;
  };
  const files = {
    e01r1: scoreFile('E01', [sheet('A001', 20, 8, 10), sheet('A002', 15, 5, 5)], 1),
    e01r2: scoreFile('E01', [sheet('A001', 22, 8, 12), sheet('A002', 15, 5, 5)], 2),
    e02: scoreFile('E02', [sheet('A001', 21, 9, 12), sheet('A002', 16, 6, 6)]),
    e03a: scoreFile('E03', [sheet('A001', 10, 2, 3), sheet('A002', 20, 9, 13)], 1, 'E03-a.rdscore'),
    e03b: scoreFile('E03', [sheet('A001', 24, 10, 14), sheet('A002', 20, 9, 13)], 1, 'E03-b.rdscore'),
    e04: scoreFile('E04', [sheet('A001', 20, 7, 11), { applicantId: 'A002', conflict: true, conflictReason: '亲属在该单位' }]),
    e04copy: path.join(work, 'E04-copy.rdscore'),
    tampered: path.join(work, 'tampered.rdscore'),
  };
  copyFileSync(files.e04, files.e04copy);
  writeFileSync(files.tampered, readFileSync(files.e02, 'utf8').replace(/"sig": "(.)/, (_m, c: string) => `"sig": "${c === 'A' ? 'B' : 'A'}`));
  return { bundleFile, bundle, files, keys };
}
