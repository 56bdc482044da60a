// A re-import killed at random moments. A child process re-imports a larger bundle (v2: 6 MB of
// PDFs, two of them new, a changed rubric that reopens a sheet) over a workstation holding v1 and
// three sheets, and is killed with SIGKILL after a random delay. Afterwards the workstation opens,
// `PRAGMA integrity_check` is ok, no foreign key is broken, and the whole data directory (every
// table row, every file with its hash) is either exactly the previous state or exactly the state a
// complete import gives — never anything in between, and no orphan file. A killed import can then
// be run again to completion.
//
// 24 runs; the delays, counted from the moment the child starts the import, are spread evenly (with
// jitter) from 0 to 1.25 × the import's duration in a child (measured first), so kills land in
// verification, in the commit and after it. About 30 s.
import { cpSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { packBundle } from '../../electron/core/bundle/pack';
import { importBundle } from '../../electron/core/store/import-bundle';
import { openWorkstation } from '../../electron/core/store/workstation';
import { documentPaths, syntheticPdf, writeRoundDir } from '../helpers/big-round';
import { snapshot } from '../helpers/data-snapshot';
import { makeKey, sampleRound, tempDir } from '../helpers/fixtures';
import { runAndKill } from '../helpers/kill-child';
import { bundleScript } from '../helpers/run-ts';

const RUNS = 24;
const DOCUMENT_BYTES = 1_500_000;
const work = tempDir('reviewdesk-faults-import-');

type Snapshot = ReturnType<typeof snapshot>;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/** The snapshot with the times an import writes (imported_at, updated_at, …) masked. */
function normalised(snap: Snapshot): Snapshot {
  const tables: Record<string, unknown[]> = {};
  for (const [name, rows] of Object.entries(snap.tables)) {
    tables[name] = rows.map((row) => Object.fromEntries(Object.entries(row as Record<string, unknown>).map(([key, value]) => [key, typeof value === 'string' && TIME.test(value) ? '<time>' : value])));
  }
  return { ...snap, tables };
}

let v2: string;
let template: string;
let before: Snapshot;
let after: Snapshot;
let childScript: string;
let childImportMs: number;

function addSheets(dataDir: string): void {
  const db = new Database(path.join(dataDir, 'reviewdesk.sqlite'));
  const insert = db.prepare("INSERT INTO sheets (round_id, applicant_id, status, data, updated_at) VALUES ('nmgaf-2025-awards', ?, 'complete', ?, '2025-11-19T08:00:00Z')");
  for (const applicant of ['A001', 'A002', 'B001']) insert.run(applicant, JSON.stringify({ comment: `sheet of ${applicant}` }));
  db.close();
}

function copyOfTemplate(name: string): string {
  const dataDir = path.join(work, name);
  cpSync(template, dataDir, { recursive: true });
  return dataDir;
}

beforeAll(async () => {
  const secretariat = makeKey(work, 'secretariat');
  const paths = documentPaths();
  const v1Documents = Object.fromEntries(paths.map((documentPath) => [documentPath, syntheticPdf(DOCUMENT_BYTES, `v1 ${documentPath}`)]));
  const v1 = path.join(work, 'v1.rdbundle');
  const packed = await packBundle({ dir: writeRoundDir(path.join(work, 'src-v1'), sampleRound(), v1Documents), key: secretariat.key, out: v1, bundleVersion: 1 });
  // v2: the same round re-issued with A002's and B001's documents replaced and the innovation
  // rubric changed (B001's sheet reopens for two reasons, A002's for its documents).
  const round = sampleRound();
  (round.rubrics as { criteria: { max?: number }[] }[])[1]!.criteria[0]!.max = 30;
  const v2Documents = { ...v1Documents, [paths[2]!]: syntheticPdf(DOCUMENT_BYTES, 'v2 A002'), [paths[3]!]: syntheticPdf(DOCUMENT_BYTES, 'v2 B001') };
  v2 = path.join(work, 'v2.rdbundle');
  await packBundle({ dir: writeRoundDir(path.join(work, 'src-v2'), round, v2Documents), key: secretariat.key, out: v2, bundleVersion: 2, bundleId: packed.bundleId });
  expect(readFileSync(v2).length).toBeGreaterThan(4 * DOCUMENT_BYTES);

  template = path.join(work, 'template');
  await importBundle(v1, { dataDir: template });
  addSheets(template);
  before = normalised(snapshot(template));

  const reference = copyOfTemplate('reference');
  const result = await importBundle(v2, { dataDir: reference });
  expect(result).toMatchObject({ outcome: 'replaced', reopened: [{ applicantId: 'A002' }, { applicantId: 'B001' }] });
  after = normalised(snapshot(reference));
  expect(after).not.toEqual(before);
  childScript = await bundleScript(path.resolve(__dirname, '../helpers/import-kill-child.ts'));
  // How long the import takes in a child, from `ready` (the median of three, never killed).
  const durations: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const dataDir = copyOfTemplate(`calibrate-${i}`);
    const child = await runAndKill(childScript, [v2, dataDir], { delayMs: 120_000, afterReady: true });
    const done = child.lines.find((line) => line.startsWith('completed '));
    expect(done, child.stderr).toBeDefined();
    durations.push(Number(done!.split(' ')[1]));
    rmSync(dataDir, { recursive: true, force: true });
  }
  childImportMs = durations.sort((a, b) => a - b)[1]!;
});

describe('an import killed at a random moment', () => {
  it(`leaves exactly the previous state or exactly the new one (${RUNS} runs)`, async () => {
    const outcomes = { previous: 0, complete: 0 };
    let run = 0;
    const spread = 1.25 * Math.max(childImportMs, 20);
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), async (jitter) => {
        const delay = Math.round(((run % RUNS) + jitter) * (spread / RUNS));
        const dataDir = copyOfTemplate(`run-${run++}`);
        try {
          const child = await runAndKill(childScript, [v2, dataDir], { delayMs: delay, afterReady: true });
          expect(child.lines[0], child.stderr).toBe('ready');
          // Killed, or it finished first and exited cleanly.
          expect(child.signal === 'SIGKILL' || child.code === 0, `exit ${child.code} ${child.signal}: ${child.stderr}`).toBe(true);
          const workstation = await openWorkstation(dataDir);
          try {
            expect(workstation.db.pragma('integrity_check', { simple: true })).toBe('ok');
            expect(workstation.db.pragma('foreign_key_check')).toEqual([]);
          } finally {
            workstation.close();
          }
          const now = normalised(snapshot(dataDir));
          if (isDeepStrictEqual(now, after)) {
            outcomes.complete += 1;
            return;
          }
          // Not the new state: then exactly the previous one (the diff is shown against it).
          expect(now, `killed ${delay} ms into an import that takes ${childImportMs} ms`).toEqual(before);
          outcomes.previous += 1;
          // And the import can simply be run again.
          expect((await importBundle(v2, { dataDir })).outcome).toBe('replaced');
          expect(normalised(snapshot(dataDir))).toEqual(after);
        } finally {
          rmSync(dataDir, { recursive: true, force: true });
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    console.info(`import killed ${RUNS} times 0–${Math.round(spread)} ms in (a child's import takes ${childImportMs} ms): ${outcomes.previous} left the previous state, ${outcomes.complete} the complete new one`);
    // The delays really spanned the import: some kills came before the commit, some after.
    expect(outcomes.previous + outcomes.complete).toBe(RUNS);
    expect(outcomes.previous).toBeGreaterThan(0);
    expect(outcomes.complete).toBeGreaterThan(0);
  }, 300_000);
});
