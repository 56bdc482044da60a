import path from 'node:path';
import { importBundle } from '../../core/store/import-bundle';
import { resolveIssuer } from '../keys';
import { formatBytes } from '../../../shared/format';
import type { CommandContext } from '../context';

export async function importCommand(context: CommandContext): Promise<number> {
  const file = context.requirePositional('X.rdbundle');
  const dataDir = path.resolve(context.requireOption('data'));
  const expectedIssuer = await resolveIssuer(context.option('issuer'));
  const result = await importBundle(file, { dataDir, ...(expectedIssuer !== undefined ? { expectedIssuer } : {}) }, file);
  const lines: string[] = [];
  if (result.outcome === 'unchanged') {
    lines.push(`round ${result.roundId} version ${result.bundleVersion} is already imported from this bundle; nothing changed`);
  } else {
    lines.push(
      `${result.outcome === 'imported' ? 'imported' : `replaced version ${result.previousVersion} with`} round ${result.roundId} version ${result.bundleVersion} (${result.documents} documents, ${formatBytes(result.bytes)}) into ${dataDir}`,
    );
  }
  if (result.issuer.trust === 'first-use') {
    lines.push(`issuer ${result.issuer.name} trusted on first use: fingerprint ${result.issuer.fingerprint}`);
    lines.push('  compare it with the fingerprint the secretariat gave you out of band');
  } else {
    lines.push(`issuer ${result.issuer.name} ${result.issuer.fingerprint} (${result.issuer.trust === 'pinned' ? 'pinned with --issuer' : 'already trusted'})`);
  }
  if (result.outcome === 'replaced') {
    lines.push(`sheets kept: ${result.keptSheets}; reopened: ${result.reopened.length}`);
    for (const sheet of result.reopened) lines.push(`  reopened ${sheet.applicantId}: ${sheet.reason}`);
    for (const applicantId of result.removedWithSheets) lines.push(`  ${applicantId} is no longer in the round; its sheet is kept`);
  }
  context.report({ ok: true, file, dataDir, ...result }, lines);
  return 0;
}
