import { writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { generateKey } from '../../core/keys/secret-key';
import { Rejection } from '../../core/rejection';
import { readPassphrase } from '../passphrase';
import type { CommandContext } from '../context';

/** `FILE`, `FILE.key` or `FILE.pub` all name the pair FILE.key + FILE.pub. */
export function keyPairPaths(out: string): { key: string; pub: string } {
  const base = out.replace(/\.(key|pub)$/, '');
  return { key: `${base}.key`, pub: `${base}.pub` };
}

export async function keygen(context: CommandContext): Promise<number> {
  const name = context.requireOption('name');
  const { key, pub } = keyPairPaths(context.requireOption('out'));
  for (const file of [key, pub]) {
    if (existsSync(file)) throw new Rejection(file, 'already exists; keygen never overwrites a key', { code: 'exists' });
  }
  const passphrase = await readPassphrase(`the new key of ${name}`, { confirm: true });
  const { secret, identity } = generateKey(name, passphrase);
  await writeFile(key, `${JSON.stringify(secret, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
  await writeFile(pub, `${JSON.stringify(identity, null, 2)}\n`, { flag: 'wx', mode: 0o644 });
  context.report({ ok: true, name, fingerprint: identity.fingerprint, publicKey: identity.publicKey, key, pub }, [
    `wrote ${key} (secret, encrypted) and ${pub} (public)`,
    `fingerprint ${identity.fingerprint}`,
  ]);
  return 0;
}
