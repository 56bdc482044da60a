import path from 'node:path';
import { AGGREGATION_METHODS, type AggregationMethod } from '../../../shared/merge';
import { runMerge, type MergeResults } from '../../core/merge/run-merge';
import { writeMergeOutputs } from '../../core/merge/write-outputs';
import { resolveExpertKeys, resolveIssuer } from '../keys';
import { UsageError } from '../usage';
import type { CommandContext } from '../context';

/** The ranked table of each category, as `merge` and `demo` print it. */
export function rankingLines(results: MergeResults): string[] {
  const lines: string[] = [];
  for (const category of results.categories) {
    lines.push('', `${category.title} (${category.method}, full marks ${category.fullMarks})`);
    for (const applicant of category.ranking) {
      const flags = applicant.flags.map((flag) => (flag.experts ? `${flag.flag}(${flag.experts.join(',')})` : flag.flag)).join(' ');
      lines.push(`  ${String(applicant.rank ?? '-').padStart(3)}  ${applicant.applicantId.padEnd(8)} ${(applicant.score === null ? '—' : applicant.score.toFixed(2)).padStart(7)}  ${(applicant.award ?? '').padEnd(6)} ${applicant.name} ${flags}`);
    }
  }
  return lines;
}

export async function merge(context: CommandContext): Promise<number> {
  const bundleFile = context.requireOption('bundle');
  const outDir = context.requireOption('out');
  const files = context.positionals;
  if (files.length === 0) throw new UsageError('give the score files to merge (FILES…)');
  const methodText = context.option('method');
  if (methodText !== undefined && !(AGGREGATION_METHODS as readonly string[]).includes(methodText)) {
    throw new UsageError(`--method must be one of ${AGGREGATION_METHODS.join(', ')}, got "${methodText}"`);
  }
  const expectedIssuer = await resolveIssuer(context.option('issuer'));
  const expertKeys = await resolveExpertKeys(context.options('expert-key'));
  const run = await runMerge({
    bundleFile,
    files,
    ...(expectedIssuer !== undefined ? { expectedIssuer } : {}),
    expertKeys,
    ...(methodText !== undefined ? { method: methodText as AggregationMethod } : {}),
    appVersion: process.env.REVIEWDESK_VERSION ?? '0.1.0',
  });
  const written = await writeMergeOutputs(run, outDir);
  const { results } = run;
  const lines: string[] = [`merged round ${results.roundId} (${results.roundTitle}), bundle version ${results.bundleVersion}`];
  for (const file of results.files) {
    lines.push(`  ${file.status.padEnd(10)} ${path.basename(file.file)}${file.expertId ? ` ${file.expertId} r${file.revision}` : ''}${file.reason ? ` — ${file.reason}` : ''}`);
  }
  for (const expert of results.experts) {
    if (expert.status === 'missing') lines.push(`  no score file from ${expert.id} ${expert.name}`);
    else if (expert.missingSheets.length > 0) lines.push(`  ${expert.id} has no sheet for ${expert.missingSheets.join(', ')}`);
    if (expert.unregisteredKey) lines.push(`  ${expert.id} ${expert.name} signed with a key not in the roster: ${expert.fingerprint} (check it on the sign-off sheet)`);
  }
  lines.push(...rankingLines(results));
  lines.push('', `wrote ${written.results}, ${written.summary}, ${written.html}${written.pdf ? `, ${written.pdf}` : ' (no conclusion.pdf: ' + (written.pdfError ?? 'no Chromium found') + ')'}`);
  context.report({ ok: true, ...results, outputs: written }, lines);
  return 0;
}
