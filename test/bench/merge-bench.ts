// Benchmark: a merge of 60 experts × 1,000 applicants × 20 criteria. Verification + aggregation +
// ranking (target < 5 s) and summary.xlsx (target < 10 s); signature verification compared with a
// bare crypto.verify loop over the same files in the same run.
import { createPublicKey, verify } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packBundle } from '../../electron/core/bundle/pack';
import { openBundle } from '../../electron/core/bundle/read-bundle';
import { decodePublicKey } from '../../electron/core/keys/fingerprint';
import { generateKey, unlockKey } from '../../electron/core/keys/secret-key';
import { runMerge } from '../../electron/core/merge/run-merge';
import { summaryWorkbook } from '../../electron/core/report/summary-xlsx';
import { createScoreFile } from '../../electron/core/scores/score-file';
import { pae } from '../../electron/core/signing/dsse';
import { CORPUS } from '../helpers/project-root';

const EXPERTS = 60;
const APPLICANTS = 1000;
const CRITERIA = 20;
const work = path.join(os.tmpdir(), `reviewdesk-merge-bench-${process.pid}`);
const KDF = { N: 2 ** 17, r: 8, p: 1 };

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** A deterministic pseudo-random generator (mulberry32), so every run merges the same scores. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function run(): Promise<void> {
  mkdirSync(path.join(work, 'round', 'docs'), { recursive: true });
  try {
    const pdf = readFileSync(path.join(CORPUS, 'helloworld-bad.pdf'));
    const applicants = Array.from({ length: APPLICANTS }, (_, i) => {
      const id = `A${String(i + 1).padStart(4, '0')}`;
      writeFileSync(path.join(work, 'round', 'docs', `${id}.pdf`), pdf);
      return { id, name: `申报单位${i + 1}`, category: i % 2 === 0 ? 'c-a' : 'c-b', documents: [{ path: `docs/${id}.pdf`, title: '申报材料' }] };
    });
    const criteria = Array.from({ length: CRITERIA }, (_, i) => ({ id: `k${i + 1}`, label: `指标${i + 1}`, max: 5, step: 0.5 }));
    const experts = Array.from({ length: EXPERTS }, (_, i) => ({ id: `E${String(i + 1).padStart(2, '0')}`, name: `专家${i + 1}`, key: generateKey(`专家${i + 1}`, 'bench', KDF) }));
    writeFileSync(
      path.join(work, 'round', 'round.json'),
      JSON.stringify({
        format: 'reviewdesk.round/1',
        round: { id: 'bench-merge', title: '合并基准' },
        rubrics: [{ id: 'r', title: '评分表', criteria }],
        categories: [
          { id: 'c-a', title: '甲类', rubric: 'r', aggregation: { method: 'trimmed-mean', quorum: 3, discrepancyPercent: 30 }, award: { type: 'tiers', tiers: [{ label: '一等奖', count: 20 }, { label: '二等奖', count: 60 }, { label: '三等奖', minScore: 60 }] } },
          { id: 'c-b', title: '乙类', rubric: 'r', aggregation: { method: 'zscore', quorum: 3 }, award: { type: 'bands', bands: [{ label: '优秀', minScore: 85 }, { label: '良好', minScore: 70 }] } },
        ],
        applicants,
        experts: experts.map((expert) => ({ id: expert.id, name: expert.name, publicKey: expert.key.identity.publicKey, assigned: ['c-a', 'c-b'] })),
      }),
    );
    const secretariat = unlockKey(generateKey('秘书处', 'bench', KDF).secret, 'bench');
    const bundleFile = path.join(work, 'round.rdbundle');
    await packBundle({ dir: path.join(work, 'round'), key: secretariat, out: bundleFile });
    const bundle = await openBundle(bundleFile);
    bundle.close();

    const files: string[] = [];
    const next = random(2025);
    for (const [index, expert] of experts.entries()) {
      const key = unlockKey(expert.key.secret, 'bench');
      const harshness = (next() - 0.5) * 1.5;
      const sheets = applicants.map((applicant, a) => {
        const quality = ((a * 7919) % 1000) / 1000;
        const scores = Object.fromEntries(criteria.map((criterion) => [criterion.id, Math.max(0, Math.min(5, Math.round((quality * 4 + 1 + harshness + (next() - 0.5)) * 2) / 2))]));
        return { applicantId: applicant.id, checks: {}, scores };
      });
      const file = createScoreFile(bundle, { expertId: expert.id, key, sheetFile: { sheets }, revision: 1, final: true, appVersion: 'bench' }, `E${index}`);
      key.dispose();
      const out = path.join(work, `${expert.id}.rdscore`);
      writeFileSync(out, file.bytes);
      files.push(out);
    }
    const bytes = files.reduce((sum, file) => sum + readFileSync(file).length, 0);

    // Baseline: a bare Ed25519 verify over the same files' PAE bytes.
    let start = process.hrtime.bigint();
    for (const file of files) {
      const envelope = JSON.parse(readFileSync(file, 'utf8')) as { payloadType: string; payload: string; signatures: { sig: string }[] };
      const body = Buffer.from(envelope.payload, 'base64');
      const publicKey = (JSON.parse(body.toString('utf8')) as { publicKey: string }).publicKey;
      const key = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), decodePublicKey(publicKey)!]), format: 'der', type: 'spki' });
      if (!verify(null, pae(envelope.payloadType, body), key, Buffer.from(envelope.signatures[0]!.sig, 'base64'))) throw new Error('baseline verify failed');
    }
    const bareVerify = seconds(start);

    start = process.hrtime.bigint();
    const merged = await runMerge({ bundleFile, files, appVersion: 'bench' });
    const mergeSeconds = seconds(start);
    start = process.hrtime.bigint();
    const workbook = await summaryWorkbook(merged);
    const xlsxSeconds = seconds(start);

    const used = merged.results.files.filter((file) => file.status === 'used').length;
    const line = (label: string, value: string) => console.log(`${label.padEnd(52)} ${value}`);
    console.log(`\nReviewDesk merge benchmark: ${EXPERTS} experts × ${APPLICANTS} applicants × ${CRITERIA} criteria, ${(bytes / 1024 / 1024).toFixed(1)} MiB of score files, ${os.cpus().length} cores`);
    line('baseline: bare crypto.verify loop (parse + PAE + verify)', `${bareVerify.toFixed(3)} s`);
    line('verify every file + every sheet, aggregate, rank, award', `${mergeSeconds.toFixed(2)} s  (${(mergeSeconds / bareVerify).toFixed(1)}x the bare verify loop; target < 5 s: ${(mergeSeconds / 5).toFixed(2)}x of target)`);
    line('summary.xlsx written', `${xlsxSeconds.toFixed(2)} s  (${(workbook.length / 1024 / 1024).toFixed(1)} MiB; target < 10 s: ${(xlsxSeconds / 10).toFixed(2)}x of target)`);
    line('files used', `${used} of ${files.length}; ${merged.results.categories.map((category) => `${category.title} ${category.ranking.length} ranked, Kendall W ${category.agreement.kendallW}`).join('; ')}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await run();
