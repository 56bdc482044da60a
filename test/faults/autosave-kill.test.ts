// Autosave killed at random moments. A child process saves sheets in a loop as fast as it can
// (saveSheet, as the review screen does on every change; every third draft carries a 40,000-
// character comment spanning several database pages) and is killed with SIGKILL after a random
// delay. Afterwards the workstation opens, `PRAGMA integrity_check` is ok, every sheet is readable
// (loadSheet: a draft the app can show, its status derived), and each sheet holds the last save
// the child reported for it — or the one save in flight when it died — never an older one.
//
// 20 runs with delays from 20 to 600 ms after the child is ready (hundreds of saves each). ~20 s.
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { packBundle } from '../../electron/core/bundle/pack';
import { importBundle } from '../../electron/core/store/import-bundle';
import { storedPayload } from '../../electron/core/store/round-repository';
import { openWorkstation } from '../../electron/core/store/workstation';
import { loadSheet } from '../../electron/core/workspace/sheets';
import { applicantRubric } from '../../shared/round/lookup';
import { sheetDraftSchema } from '../../shared/sheet/draft';
import { writeRoundDir } from '../helpers/big-round';
import { makeKey, sampleRound, tempDir } from '../helpers/fixtures';
import { runAndKill } from '../helpers/kill-child';
import { bundleScript } from '../helpers/run-ts';
import { saveNumberOf } from '../helpers/sheet-save-drafts';

const RUNS = 20;
const ROUND = 'nmgaf-2025-awards';
const APPLICANTS = ['A001', 'A002', 'B001'];
const work = tempDir('reviewdesk-faults-autosave-');
let template: string;
let childScript: string;

beforeAll(async () => {
  const secretariat = makeKey(work, 'secretariat');
  const bundle = path.join(work, 'round.rdbundle');
  await packBundle({ dir: writeRoundDir(path.join(work, 'src'), sampleRound(), {}), key: secretariat.key, out: bundle });
  template = path.join(work, 'template');
  await importBundle(bundle, { dataDir: template });
  childScript = await bundleScript(path.resolve(__dirname, '../helpers/sheet-save-child.ts'));
});

describe('autosave killed at a random moment', () => {
  it(`keeps the database intact and every sheet at its last save (${RUNS} runs)`, async () => {
    let run = 0;
    let totalSaves = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 20, max: 600 }), async (delayMs) => {
        const dataDir = path.join(work, `run-${run++}`);
        cpSync(template, dataDir, { recursive: true });
        try {
          const child = await runAndKill(childScript, [dataDir, ROUND, APPLICANTS.join(',')], { delayMs, afterReady: true });
          expect(child.signal, child.stderr).toBe('SIGKILL');
          expect(child.lines[0]).toBe('ready');
          // The last save reported for each applicant, and the last reported overall.
          const reported = new Map<string, number>();
          let lastReported = 0;
          for (const line of child.lines.slice(1)) {
            const match = /^saved (\S+) (\d+)$/.exec(line);
            expect(match, `unexpected output ${JSON.stringify(line)}`).not.toBeNull();
            reported.set(match![1]!, Number(match![2]));
            lastReported = Math.max(lastReported, Number(match![2]));
          }
          totalSaves += lastReported;

          const workstation = await openWorkstation(dataDir);
          try {
            const { db } = workstation;
            expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
            const payload = storedPayload(db, ROUND)!;
            for (const applicantId of APPLICANTS) {
              const sheet = loadSheet(db, ROUND, applicantId, applicantRubric(payload, applicantId)!);
              const last = reported.get(applicantId);
              if (last === undefined) {
                // Never reported: absent, or saved by the one save in flight (number lastReported + 1).
                if (sheet !== null) expect(saveNumberOf(sheet.draft)).toBe(lastReported + 1);
                continue;
              }
              expect(sheet, `the sheet of ${applicantId}`).not.toBeNull();
              expect(sheetDraftSchema.safeParse(sheet!.draft).success).toBe(true);
              const stored = saveNumberOf(sheet!.draft);
              // The reported save, or the save in flight when the child died (never an older one).
              expect([last, lastReported + 1], `${applicantId}: stored save ${stored}, reported ${last}, last reported ${lastReported}`).toContain(stored);
              expect(sheet!.status).toBe('draft');
            }
          } finally {
            workstation.close();
          }
        } finally {
          rmSync(dataDir, { recursive: true, force: true });
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    console.info(`autosave killed ${RUNS} times after ${totalSaves} saves in all`);
    expect(totalSaves).toBeGreaterThan(RUNS);
  }, 300_000);
});
