// `reviewdesk demo --out DIR`: the whole round on the sample data, end to end, with the same code
// the secretariat and the experts use: keys (scrypt N = 2^17), the experts' keys registered in the
// roster, a signed bundle, an import into each expert's own workstation, filled sheets signed into
// score files (one expert exports a corrected revision 2), the merge, and the outputs
// (results.json, summary.xlsx, conclusion.html, conclusion.pdf where Chromium is available).
//
// DIR/
//   round/                         the sample round as packed (roster with the experts' keys)
//   secretariat.key, .pub          the secretariat's key
//   <round>.rdbundle               the signed bundle
//   experts/E01/E01.key, .pub      each expert's key
//   experts/E01/data/              the expert's workstation (the bundle imported, issuer pinned)
//   experts/E01/sheets-r1.json     the filled sheets, as `reviewdesk score --sheet` takes them
//   experts/E01/<round>-E01-r1.rdscore
//   results/                       results.json, summary.xlsx, conclusion.html, conclusion.pdf
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RoundDefinition } from '../../../shared/round/schema';
import { packBundle } from '../bundle/pack';
import { openBundle } from '../bundle/read-bundle';
import { generateSeed } from '../keys/ed25519';
import { identityOf, wrapSeed, type UnlockedKey } from '../keys/secret-key';
import { runMerge, type MergeRun } from '../merge/run-merge';
import { writeMergeOutputs, type WrittenOutputs } from '../merge/write-outputs';
import { findResourceDir } from '../resources';
import { Rejection } from '../rejection';
import { createScoreFile } from '../scores/score-file';
import { importBundle } from '../store/import-bundle';
import { fillSheets, revisedSheets } from './fill-sheets';
import { SAMPLE_SCENARIO, type DemoScenario } from './scenario';

/** The passphrase of every demo key when REVIEWDESK_PASSPHRASE is not set. Demo keys only. */
export const DEMO_PASSPHRASE = 'reviewdesk-demo 演示口令';

/** Marks a folder the demo wrote, so that a second run may replace it (and never anything else). */
const MARKER = '.reviewdesk-demo';

export interface DemoOptions {
  out: string;
  passphrase: string;
  /** The sample round folder (round.json and its PDFs); defaults to resources/sample-round. */
  sampleDir?: string;
  scenario?: DemoScenario;
  appVersion: string;
  /** Print conclusion.pdf (default: where Chromium is available). */
  pdf?: boolean;
  onStep?: (step: DemoStep) => void;
  now?: Date;
}

export interface DemoStep {
  name: string;
  detail: string;
  ms: number;
}

export interface DemoExpert {
  id: string;
  name: string;
  fingerprint: string;
  dataDir: string;
  sheets: number;
  scoreFiles: string[];
}

export interface DemoResult {
  out: string;
  roundDir: string;
  bundle: string;
  secretariat: { fingerprint: string; key: string; pub: string };
  experts: DemoExpert[];
  run: MergeRun;
  outputs: WrittenOutputs;
  steps: DemoStep[];
  ms: number;
}

/** Finds resources/sample-round from this module (dist/cli, out/main or the sources) or the working directory. */
export function findSampleRound(): string {
  const found = findResourceDir('sample-round', 'round.json');
  if (found !== null) return found;
  throw new Rejection('resources/sample-round', 'the sample round was not found next to the program or in the working directory', { code: 'not-found' });
}

/** DIR must be new, empty, or a previous demo's output (which is replaced). */
async function prepareOut(out: string): Promise<void> {
  if (existsSync(out)) {
    const entries = await readdir(out);
    if (entries.length > 0 && !entries.includes(MARKER)) {
      throw new Rejection(out, 'exists and is not empty (nor the output of an earlier demo); give a new or empty folder', { code: 'exists' });
    }
    for (const entry of entries) await rm(path.join(out, entry), { recursive: true, force: true });
  }
  await mkdir(out, { recursive: true });
  await writeFile(path.join(out, MARKER), 'Written by `reviewdesk demo`; a later demo run replaces this folder.\n');
}

/**
 * Writes NAME.key (the seed wrapped with scrypt N = 2^17, as keygen does) and NAME.pub, and keeps
 * the seed for the demo's signatures: one scrypt per key instead of a second one to unlock it.
 */
async function writeKeyPair(base: string, name: string, passphrase: string): Promise<{ key: UnlockedKey; fingerprint: string; publicKey: string }> {
  const { seed, publicKey } = generateSeed();
  const secret = wrapSeed(name, seed, passphrase);
  const identity = identityOf(secret);
  await writeFile(`${base}.key`, `${JSON.stringify(secret, null, 2)}\n`, { mode: 0o600 });
  await writeFile(`${base}.pub`, `${JSON.stringify(identity, null, 2)}\n`, { mode: 0o644 });
  const key: UnlockedKey = { name, publicKey, fingerprint: identity.fingerprint, seed, dispose: () => seed.fill(0) };
  return { key, fingerprint: identity.fingerprint, publicKey: identity.publicKey };
}

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const started = performance.now();
  const scenario = options.scenario ?? SAMPLE_SCENARIO;
  const steps: DemoStep[] = [];
  let last = started;
  const step = (name: string, detail: string) => {
    const now = performance.now();
    const done = { name, detail, ms: Math.round(now - last) };
    last = now;
    steps.push(done);
    options.onStep?.(done);
  };
  const out = path.resolve(options.out);
  const sampleDir = options.sampleDir ?? findSampleRound();
  await prepareOut(out);

  // Secretariat: its key, the experts' keys into the roster, the bundle.
  const roundDir = path.join(out, 'round');
  await cp(sampleDir, roundDir, { recursive: true });
  const round = JSON.parse(await readFile(path.join(roundDir, 'round.json'), 'utf8')) as RoundDefinition;
  const secretariat = await writeKeyPair(path.join(out, 'secretariat'), round.round.organizer ?? '协会秘书处', options.passphrase);
  const keys = new Map<string, UnlockedKey>();
  const experts: DemoExpert[] = [];
  for (const expert of round.experts) {
    const dir = path.join(out, 'experts', expert.id);
    await mkdir(dir, { recursive: true });
    const pair = await writeKeyPair(path.join(dir, expert.id), expert.name, options.passphrase);
    keys.set(expert.id, pair.key);
    expert.publicKey = pair.publicKey;
    experts.push({ id: expert.id, name: expert.name, fingerprint: pair.fingerprint, dataDir: path.join(dir, 'data'), sheets: 0, scoreFiles: [] });
  }
  step('keys', `secretariat and ${experts.length} experts (scrypt N=2^17), the experts' public keys written into the roster`);

  try {
    await writeFile(path.join(roundDir, 'round.json'), `${JSON.stringify(round, null, 2)}\n`);
    const bundleFile = path.join(out, `${round.round.id}.rdbundle`);
    const packed = await packBundle({ dir: roundDir, key: secretariat.key, out: bundleFile, ...(options.now ? { issuedAt: options.now } : {}) });
    step('pack', `${path.basename(bundleFile)}: ${packed.files} documents, ${(packed.bytes / 1024 / 1024).toFixed(1)} MiB, ${round.applicants.length} applicants in ${round.categories.length} categories`);

    // Each expert: import into their own workstation, pinned to the secretariat's fingerprint.
    for (const expert of experts) {
      await importBundle(bundleFile, { dataDir: expert.dataDir, expectedIssuer: secretariat.fingerprint });
    }
    step('import', `into ${experts.length} expert workstations (experts/E0x/data), issuer pinned to ${secretariat.fingerprint}`);

    // Each expert: fill, sign, export.
    const bundle = await openBundle(bundleFile, { expectedIssuer: secretariat.fingerprint });
    bundle.close();
    const scoreFiles: string[] = [];
    const sign = async (expert: DemoExpert, sheetFile: { sheets: unknown[] }, revision: number) => {
      const dir = path.dirname(expert.dataDir);
      await writeFile(path.join(dir, `sheets-r${revision}.json`), `${JSON.stringify(sheetFile, null, 2)}\n`);
      const name = `${round.round.id}-${expert.id}-r${revision}.rdscore`;
      const created = createScoreFile(
        bundle,
        { expertId: expert.id, key: keys.get(expert.id)!, sheetFile, revision, final: true, appVersion: options.appVersion, ...(options.now ? { createdAt: options.now } : {}) },
        name,
      );
      const file = path.join(dir, name);
      await writeFile(file, created.bytes);
      expert.scoreFiles.push(file);
      scoreFiles.push(file);
    };
    for (const expert of experts) {
      const filled = fillSheets(bundle.payload, expert.id, scenario);
      expert.sheets = filled.sheets.length;
      await sign(expert, filled, 1);
      if (scenario.revision.expertId === expert.id) await sign(expert, revisedSheets(bundle.payload, filled, scenario), 2);
    }
    step('score', `${scoreFiles.length} signed score files (${scenario.revision.expertId} also exported a corrected revision 2)`);

    const run = await runMerge({ bundleFile, files: scoreFiles, expectedIssuer: secretariat.fingerprint, appVersion: options.appVersion, ...(options.now ? { now: options.now } : {}) });
    step('merge', `${run.results.files.filter((file) => file.status === 'used').length} files used, ${run.results.files.filter((file) => file.status === 'superseded').length} superseded`);

    const date = (options.now ?? new Date()).toISOString().slice(0, 10);
    const outputs = await writeMergeOutputs(run, path.join(out, 'results'), { date, chairName: scenario.chair, ...(options.pdf === false ? { pdf: false } : {}) });
    step('report', outputs.pdf ? 'results.json, summary.xlsx, conclusion.html, conclusion.pdf' : `results.json, summary.xlsx, conclusion.html (no PDF: ${outputs.pdfError ?? 'no Chromium found'})`);

    return {
      out,
      roundDir,
      bundle: bundleFile,
      secretariat: { fingerprint: secretariat.fingerprint, key: path.join(out, 'secretariat.key'), pub: path.join(out, 'secretariat.pub') },
      experts,
      run,
      outputs,
      steps,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    secretariat.key.dispose();
    for (const key of keys.values()) key.dispose();
  }
}
