import { packBundle } from '../../core/bundle/pack';
import { UsageError } from '../usage';
import { unlockKeyFile } from '../keys';
import { formatBytes } from '../../../shared/format';
import type { CommandContext } from '../context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function pack(context: CommandContext): Promise<number> {
  const dir = context.requirePositional('DIR');
  const out = context.requireOption('out');
  const bundleId = context.option('bundle-id');
  const versionText = context.option('bundle-version');
  if (bundleId !== undefined && !UUID.test(bundleId)) throw new UsageError(`--bundle-id must be a UUID, got "${bundleId}"`);
  if (versionText !== undefined && !/^[1-9][0-9]*$/.test(versionText)) throw new UsageError(`--bundle-version must be a positive integer, got "${versionText}"`);
  const key = await unlockKeyFile(context.requireOption('key'));
  try {
    const result = await packBundle({
      dir,
      key,
      out,
      ...(bundleId !== undefined ? { bundleId } : {}),
      ...(versionText !== undefined ? { bundleVersion: Number(versionText) } : {}),
    });
    context.report({ ok: true, ...result, issuer: key.fingerprint }, [
      `wrote ${out}: round ${result.roundId}, bundle ${result.bundleId} version ${result.bundleVersion}`,
      `${result.files} documents, ${formatBytes(result.bytes)}, signed by ${key.name} ${key.fingerprint}`,
    ]);
    return 0;
  } finally {
    key.dispose();
  }
}
