// Benchmark: pack and import a generated round of >= 1 GiB; import throughput as ratios against
// `sha256sum` and against `sha256sum` + `cp` over the same files in the same run; peak RSS of the
// importing process at two bundle sizes (it must not grow with the bundle).
import { execFileSync, spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packBundle } from '../../electron/core/bundle/pack';
import { generateKey, unlockKey } from '../../electron/core/keys/secret-key';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const totalBytes = Number(process.env.BENCH_BYTES ?? 1.0625 * GiB);
const fileBytes = 34 * MiB;
const childScript = process.argv[2]!;
const work = path.join(os.tmpdir(), `reviewdesk-bench-${process.pid}`);

function seconds<T>(run: () => T): [T, number] {
  const start = process.hrtime.bigint();
  const result = run();
  return [result, Number(process.hrtime.bigint() - start) / 1e9];
}

async function secondsAsync<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const result = await run();
  return [result, Number(process.hrtime.bigint() - start) / 1e9];
}

/** A round of `count` applicants, one incompressible PDF-headed file each. */
function generateRound(dir: string, bytes: number): string[] {
  const count = Math.max(1, Math.ceil(bytes / fileBytes));
  const chunk = Buffer.alloc(4 * MiB);
  const files: string[] = [];
  const applicants = [];
  for (let i = 0; i < count; i++) {
    const id = `A${String(i + 1).padStart(4, '0')}`;
    const relative = `${id}/申报材料.pdf`;
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    const fd = openSync(file, 'w');
    writeSync(fd, Buffer.from('%PDF-1.7\n%bench\n'));
    for (let written = 0; written < fileBytes; written += chunk.length) writeSync(fd, randomFillSync(chunk));
    closeSync(fd);
    files.push(file);
    applicants.push({ id, name: `申报单位${i + 1}`, category: 'cat', documents: [{ path: relative, title: '申报材料' }] });
  }
  writeFileSync(
    path.join(dir, 'round.json'),
    JSON.stringify({
      format: 'reviewdesk.round/1',
      round: { id: 'bench', title: '基准测试' },
      rubrics: [{ id: 'r', title: '评分表', criteria: [{ id: 'c1', label: '总分', max: 100, step: 0.5 }] }],
      categories: [{ id: 'cat', title: '类别', rubric: 'r' }],
      applicants,
      experts: [{ id: 'E01', name: '专家', assigned: ['cat'] }],
    }),
  );
  return files;
}

function importInChild(bundle: string, dataDir: string): { seconds: number; maxRssMiB: number } {
  const result = spawnSync(process.execPath, [childScript, bundle, dataDir], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`import failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { seconds: number; maxRssMiB: number };
}

async function run(): Promise<void> {
  mkdirSync(work, { recursive: true });
  try {
    const { secret } = generateKey('基准秘书处', 'bench');
    const key = unlockKey(secret, 'bench');
    const sizes = [{ label: 'small', bytes: 128 * MiB }, { label: 'large', bytes: totalBytes }];
    const rss: Record<string, number> = {};
    for (const size of sizes) {
      const source = path.join(work, `round-${size.label}`);
      const files = generateRound(source, size.bytes);
      const bytes = files.length * (fileBytes + 16);
      const bundle = path.join(work, `${size.label}.rdbundle`);
      const [, packSeconds] = await secondsAsync(() => packBundle({ dir: source, key, out: bundle }));
      if (size.label === 'small') {
        rss.small = importInChild(bundle, path.join(work, 'data-small')).maxRssMiB;
        rmSync(source, { recursive: true, force: true });
        rmSync(bundle, { force: true });
        continue;
      }
      // Baselines over the same files, in the same run, with the same (warm) cache state.
      const [, shaSeconds] = seconds(() => execFileSync('sha256sum', files, { stdio: ['ignore', 'ignore', 'inherit'] }));
      const copyDir = path.join(work, 'copy');
      mkdirSync(copyDir);
      const [, cpSeconds] = seconds(() => execFileSync('cp', [...files.slice(0, 1), copyDir]) && files.slice(1).forEach((file, index) => execFileSync('cp', [file, path.join(copyDir, `${index}.pdf`)])));
      rmSync(copyDir, { recursive: true, force: true });
      const imported = importInChild(bundle, path.join(work, 'data-large'));
      rss.large = imported.maxRssMiB;
      const mb = bytes / MiB;
      const importRate = mb / imported.seconds;
      const shaRate = mb / shaSeconds;
      const shaCpRate = mb / (shaSeconds + cpSeconds);
      const line = (label: string, value: string) => console.log(`${label.padEnd(44)} ${value}`);
      console.log(`\nReviewDesk import benchmark: ${files.length} documents, ${(bytes / GiB).toFixed(2)} GiB, ${os.cpus().length} cores`);
      line('pack (hash + write, stored)', `${packSeconds.toFixed(2)} s  ${(mb / packSeconds).toFixed(0)} MiB/s`);
      line('baseline: sha256sum', `${shaSeconds.toFixed(2)} s  ${shaRate.toFixed(0)} MiB/s`);
      line('baseline: sha256sum + cp', `${(shaSeconds + cpSeconds).toFixed(2)} s  ${shaCpRate.toFixed(0)} MiB/s`);
      line('import (verify + store + fsync + commit)', `${imported.seconds.toFixed(2)} s  ${importRate.toFixed(0)} MiB/s`);
      line('import / sha256sum throughput', `${(importRate / shaRate).toFixed(2)}x   (target >= 0.70x)`);
      line('import / (sha256sum + cp) throughput', `${(importRate / shaCpRate).toFixed(2)}x`);
    }
    console.log(`${'peak RSS of import, 128 MiB bundle'.padEnd(44)} ${rss.small!.toFixed(0)} MiB`);
    console.log(`${`peak RSS of import, ${(totalBytes / GiB).toFixed(2)} GiB bundle`.padEnd(44)} ${rss.large!.toFixed(0)} MiB   (target < 300 MB; ratio large/small ${(rss.large! / rss.small!).toFixed(2)}x)`);
    key.dispose();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await run();
