import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { openBundle } from '../../core/bundle/read-bundle';
import { readJsonFile } from '../../core/json-file';
import { createScoreFile } from '../../core/scores/score-file';
import { Rejection } from '../../core/rejection';
import { UsageError } from '../usage';
import { resolveIssuer, unlockKeyFile } from '../keys';
import type { CommandContext } from '../context';

export async function score(context: CommandContext): Promise<number> {
  const bundleFile = context.requirePositional('X.rdbundle');
  const expertId = context.requireOption('expert');
  const sheetFile = context.requireOption('sheet');
  const out = context.requireOption('out');
  const revisionText = context.option('revision') ?? '1';
  if (!/^[1-9][0-9]*$/.test(revisionText)) throw new UsageError(`--revision must be a positive integer, got "${revisionText}"`);
  const expectedIssuer = await resolveIssuer(context.option('issuer'));
  const bundle = await openBundle(bundleFile, expectedIssuer !== undefined ? { expectedIssuer } : {});
  bundle.close();
  const sheets = await readJsonFile(sheetFile);
  const key = await unlockKeyFile(context.requireOption('key'));
  try {
    const file = createScoreFile(
      bundle,
      { expertId, key, sheetFile: sheets, revision: Number(revisionText), final: context.flag('draft') !== true, appVersion: process.env.REVIEWDESK_VERSION ?? '0.1.0' },
      sheetFile,
    );
    const partial = `${out}.partial-${process.pid}`;
    try {
      await writeFile(partial, file.bytes, { mode: 0o600 });
      await rename(partial, out);
    } catch (error) {
      await rm(partial, { force: true });
      throw new Rejection(out, `cannot write the score file (${(error as Error).message})`, { code: 'write-failed' });
    }
    const written = await readFile(out);
    context.report(
      { ok: true, out, sha256: file.sha256, roundId: file.payload.roundId, expertId, revision: file.payload.revision, final: file.payload.final, sheets: file.payload.sheets.length, fingerprint: key.fingerprint, bytes: written.length },
      [
        `wrote ${out}: expert ${expertId} ${file.payload.expertName}, revision ${file.payload.revision}${file.payload.final ? ', final' : ', draft'}, ${file.payload.sheets.length} sheets`,
        `signed by ${key.fingerprint}; SHA-256 ${file.sha256}`,
      ],
    );
    return 0;
  } finally {
    key.dispose();
  }
}
