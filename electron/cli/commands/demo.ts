// `reviewdesk demo --out DIR`: the whole round on the sample data (electron/core/demo), with each
// step and its time, then the ranked table per category as `merge` prints it.
import path from 'node:path';
import { DEMO_PASSPHRASE, runDemo } from '../../core/demo/run-demo';
import type { CommandContext } from '../context';
import { rankingLines } from './merge';

export async function demo(context: CommandContext): Promise<number> {
  const out = context.requireOption('out');
  const fromEnv = process.env.REVIEWDESK_PASSPHRASE;
  const passphrase = fromEnv !== undefined && fromEnv !== '' ? fromEnv : DEMO_PASSPHRASE;
  const progress = (text: string) => {
    if (!context.json) process.stderr.write(`${text}\n`);
  };
  progress(`reviewdesk demo: the sample round, end to end, into ${out}`);
  progress(fromEnv !== undefined && fromEnv !== '' ? 'keys: passphrase from REVIEWDESK_PASSPHRASE' : `keys: demo passphrase "${DEMO_PASSPHRASE}" (demo keys only; set REVIEWDESK_PASSPHRASE to choose another)`);
  const result = await runDemo({
    out,
    passphrase,
    appVersion: process.env.REVIEWDESK_VERSION ?? '0.1.0',
    onStep: (step) => progress(`  ${step.name.padEnd(7)} ${(step.ms / 1000).toFixed(1).padStart(5)} s  ${step.detail}`),
  });
  const { results } = result.run;
  const rel = (file: string) => {
    const relative = path.relative(process.cwd(), file);
    return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  };
  const lines: string[] = [`round ${results.roundId} (${results.roundTitle}), bundle ${rel(result.bundle)}`, `secretariat fingerprint ${result.secretariat.fingerprint}`];
  for (const expert of result.experts) {
    lines.push(`  ${expert.id} ${expert.name.padEnd(4, '　')} ${expert.fingerprint}  ${expert.sheets} sheets  ${expert.scoreFiles.map((file) => path.basename(file)).join(', ')}`);
  }
  for (const file of results.files) {
    if (file.status !== 'used') lines.push(`  ${file.status} ${path.basename(file.file)}${file.reason ? ` — ${file.reason}` : ''}`);
  }
  for (const category of results.categories) {
    for (const applicant of category.ranking) {
      if (applicant.conflicts.length > 0) lines.push(`  conflict of interest declared on ${applicant.applicantId} by ${applicant.conflicts.join(', ')}`);
    }
  }
  lines.push(...rankingLines(results));
  const { outputs } = result;
  lines.push('', `wrote ${rel(outputs.results)}, ${rel(outputs.summary)}, ${rel(outputs.html)}${outputs.pdf ? `, ${rel(outputs.pdf)}` : ` (no conclusion.pdf: ${outputs.pdfError ?? 'no Chromium found'})`}`);
  lines.push(`done in ${(result.ms / 1000).toFixed(1)} s (${process.uptime().toFixed(1)} s with the program's start-up)`);
  context.report(
    {
      ok: true,
      out: result.out,
      bundle: result.bundle,
      secretariat: result.secretariat,
      experts: result.experts,
      outputs,
      steps: result.steps,
      ms: result.ms,
      results,
    },
    lines,
  );
  return 0;
}
