// Key files for the CLI: reading a secret key (asking for its passphrase) and resolving `--issuer`.
import { existsSync } from 'node:fs';
import { readJsonFile } from '../core/json-file';
import { decodePublicKey, fingerprintOf, looksLikeFingerprint } from '../core/keys/fingerprint';
import { readPublicIdentity } from '../core/keys/public-identity';
import type { UnlockedKey } from '../core/keys/secret-key';
import { parseSecretKeyFile, unlockSecretKeyFile } from '../core/keys/key-file';
import { readPassphrase } from './passphrase';
import { UsageError } from './usage';

export { readPublicIdentity };

export async function unlockKeyFile(file: string): Promise<UnlockedKey> {
  const secret = parseSecretKeyFile(await readJsonFile(file), file);
  const passphrase = await readPassphrase(`${file} (${secret.name})`);
  return unlockSecretKeyFile(secret, passphrase, file);
}

/** `--issuer` takes a `.pub` file or a fingerprint; returns the fingerprint. */
export async function resolveIssuer(value: string | undefined): Promise<string | undefined> {
  if (value === undefined) return undefined;
  if (!existsSync(value) && looksLikeFingerprint(value)) return value;
  const identity = await readPublicIdentity(value);
  return fingerprintOf(decodePublicKey(identity.publicKey)!);
}

/** `--expert-key ID=FILE.pub` (repeatable): expert id → public key. */
export async function resolveExpertKeys(values: string[]): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  for (const value of values) {
    const at = value.indexOf('=');
    if (at <= 0 || at === value.length - 1) throw new UsageError(`--expert-key takes ID=FILE.pub, got "${value}"`);
    const identity = await readPublicIdentity(value.slice(at + 1));
    keys.set(value.slice(0, at), identity.publicKey);
  }
  return keys;
}
