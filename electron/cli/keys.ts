// Key files for the CLI: reading a secret key (asking for its passphrase) and resolving `--issuer`.
import { existsSync } from 'node:fs';
import { secretKeyFileSchema } from '../../shared/keys';
import { zodProblems } from '../../shared/round/schema';
import { readJsonFile } from '../core/json-file';
import { decodePublicKey, fingerprintOf, looksLikeFingerprint } from '../core/keys/fingerprint';
import { readPublicIdentity } from '../core/keys/public-identity';
import { unlockKey, WrongPassphraseError, type UnlockedKey } from '../core/keys/secret-key';
import { Rejection } from '../core/rejection';
import { readPassphrase } from './passphrase';
import { UsageError } from './usage';

export { readPublicIdentity };

export async function unlockKeyFile(file: string): Promise<UnlockedKey> {
  const json = await readJsonFile(file);
  const parsed = secretKeyFileSchema.safeParse(json);
  if (!parsed.success) throw new Rejection(file, 'not a ReviewDesk secret key file', { problems: zodProblems(parsed.error, json), code: 'invalid-key' });
  const passphrase = await readPassphrase(`${file} (${parsed.data.name})`);
  try {
    return unlockKey(parsed.data, passphrase);
  } catch (error) {
    if (error instanceof WrongPassphraseError) throw new Rejection(file, 'wrong passphrase for this key', { code: 'wrong-passphrase' });
    throw new Rejection(file, (error as Error).message, { code: 'invalid-key' });
  }
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
