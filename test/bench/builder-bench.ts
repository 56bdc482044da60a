// Benchmark: the round builder taking a folder of applicants' PDFs into a round in preparation
// (read every file's header, copy it into the round folder, write round.json, check the round),
// as a ratio against `cp -r` of the same folder in the same run; and the check of the finished
// round alone, as the app runs it after every change.
import { execFileSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listFolder } from '../../electron/core/round-builder';
import { RoundDrafts } from '../../electron/core/workspace/round-drafts';

const MiB = 1024 ** 2;
const APPLICANTS = Number(process.env.BENCH_APPLICANTS ?? 200);
const FILES_EACH = 3;
const FILE_BYTES = 1 * MiB;
const work = path.join(os.tmpdir(), `reviewdesk-builder-bench-${process.pid}`);

async function seconds<T>(run: () => Promise<T> | T): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const result = await run();
  return [result, Number(process.hrtime.bigint() - start) / 1e9];
}

function generateFolder(dir: string): number {
  const chunk = Buffer.alloc(FILE_BYTES);
  let bytes = 0;
  for (let i = 1; i <= APPLICANTS; i++) {
    const folder = path.join(dir, `A${String(i).padStart(3, '0')} 申报单位${i}有限公司`);
    mkdirSync(path.join(folder, '附件'), { recursive: true });
    for (let j = 1; j <= FILES_EACH; j++) {
      const fd = openSync(path.join(folder, j === 1 ? '申报书.pdf' : `附件/${j}-证明材料.pdf`), 'w');
      writeSync(fd, Buffer.from('%PDF-1.7\n%bench\n'));
      writeSync(fd, randomFillSync(chunk));
      closeSync(fd);
      bytes += FILE_BYTES + 16;
    }
  }
  return bytes;
}

async function run(): Promise<void> {
  const source = path.join(work, 'source');
  const bytes = generateFolder(source);
  execFileSync('sync');
  const [, cpSeconds] = await seconds(() => execFileSync('cp', ['-r', source, path.join(work, 'copy')]));
  const drafts = new RoundDrafts(path.join(work, 'data', 'round-drafts'));
  const draft = await drafts.create('smart-city-innovation', { id: 'bench', title: '基准测试' });
  const [change, oursSeconds] = await seconds(async () => drafts.addApplicants(draft.draftId, { kind: 'folder', label: source, listing: await listFolder(source) }, undefined));
  if (change.added.length !== APPLICANTS || change.view.check.documents !== APPLICANTS * FILES_EACH) throw new Error('the folder was not taken whole');
  const [, checkSeconds] = await seconds(() => drafts.view(draft.draftId));
  const files = APPLICANTS * FILES_EACH;
  console.log(`round builder: ${APPLICANTS} applicants, ${files} PDFs, ${(bytes / MiB).toFixed(0)} MiB`);
  console.log(`${'add from folder (header check, copy, round.json, check)'.padEnd(58)} ${oursSeconds.toFixed(2)} s  = ${(oursSeconds / cpSeconds).toFixed(2)}× cp -r (${cpSeconds.toFixed(2)} s)`);
  console.log(`${'check of the round alone (after every change in the app)'.padEnd(58)} ${(checkSeconds * 1000).toFixed(0)} ms = ${(checkSeconds / cpSeconds).toFixed(2)}× cp -r`);
}

run()
  .finally(() => rmSync(work, { recursive: true, force: true }))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
