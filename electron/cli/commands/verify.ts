import { readFile } from 'node:fs/promises';
import { openBundle } from '../../core/bundle/read-bundle';
import { verifyScoreFile } from '../../core/scores/score-file';
import { Rejection } from '../../core/rejection';
import { resolveExpertKeys, resolveIssuer } from '../keys';
import type { CommandContext } from '../context';

export async function verify(context: CommandContext): Promise<number> {
  const file = context.requirePositional('Y.rdscore');
  const bundleFile = context.requireOption('bundle');
  const expectedIssuer = await resolveIssuer(context.option('issuer'));
  const expertKeys = await resolveExpertKeys(context.options('expert-key'));
  const bundle = await openBundle(bundleFile, expectedIssuer !== undefined ? { expectedIssuer } : {});
  bundle.close();
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new Rejection(file, error.code === 'ENOENT' ? 'file not found' : `cannot read file (${error.message})`, { code: 'not-found' });
  });
  const verified = verifyScoreFile(bytes, file, bundle, { expertKeys });
  const { payload } = verified;
  const conflicts = payload.sheets.filter((sheet) => sheet.conflict).length;
  context.report(
    {
      ok: true,
      file,
      sha256: verified.sha256,
      roundId: payload.roundId,
      bundleId: payload.bundleId,
      bundleVersion: payload.bundleVersion,
      expertId: payload.expertId,
      expertName: payload.expertName,
      fingerprint: verified.fingerprint,
      revision: payload.revision,
      final: payload.final,
      sheets: payload.sheets.length,
      conflicts,
      createdAt: payload.createdAt,
      flags: verified.unregisteredKey ? ['unregistered-key'] : [],
    },
    [
      `${file}: signature valid; expert ${payload.expertId} ${payload.expertName}, revision ${payload.revision}${payload.final ? ' (final)' : ' (draft)'}, ${payload.sheets.length} sheets (${conflicts} conflicts), every total checked`,
      `  key ${verified.fingerprint}${verified.unregisteredKey ? ' — not in the roster (unregistered-key): compare it with the expert on the sign-off sheet' : ''}`,
      `  SHA-256 ${verified.sha256}`,
    ],
  );
  return 0;
}
