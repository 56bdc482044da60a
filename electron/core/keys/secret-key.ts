// The expert's or secretariat's secret key file: a 32-byte Ed25519 seed wrapped with
// scrypt (N = 2^17) + AES-256-GCM, AAD = format + fingerprint (FORMATS §6).
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { SECRET_KEY_FORMAT, MIN_SCRYPT_N, type PublicIdentity, type SecretKeyFile } from '../../../shared/keys';
import { generateSeed, publicKeyOfSeed } from './ed25519';
import { decodePublicKey, encodePublicKey, fingerprintOf, sameFingerprint } from './fingerprint';

export interface KdfParams {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_KDF: KdfParams = { N: MIN_SCRYPT_N, r: 8, p: 1 };

/** An unlocked key. Call `dispose()` as soon as it is no longer needed: it zeroes the seed. */
export interface UnlockedKey {
  name: string;
  publicKey: Buffer;
  fingerprint: string;
  seed: Buffer;
  dispose(): void;
}

export class WrongPassphraseError extends Error {
  constructor() {
    super('wrong passphrase (or the key file was altered)');
    this.name = 'WrongPassphraseError';
  }
}

function deriveKey(passphrase: string, salt: Buffer, kdf: KdfParams): Buffer {
  const secret = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  try {
    return scryptSync(secret, salt, 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 });
  } finally {
    secret.fill(0);
  }
}

function aad(fingerprint: string): Buffer {
  return Buffer.from(SECRET_KEY_FORMAT + fingerprint, 'utf8');
}

/** Wraps a seed under a passphrase. */
export function wrapSeed(name: string, seed: Buffer, passphrase: string, kdf: KdfParams = DEFAULT_KDF): SecretKeyFile {
  const publicKey = publicKeyOfSeed(seed);
  const fingerprint = fingerprintOf(publicKey);
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = deriveKey(passphrase, salt, kdf);
  try {
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(aad(fingerprint));
    const ciphertext = Buffer.concat([cipher.update(seed), cipher.final()]);
    return {
      format: SECRET_KEY_FORMAT,
      name,
      publicKey: encodePublicKey(publicKey),
      fingerprint,
      kdf: { name: 'scrypt', N: kdf.N, r: kdf.r, p: kdf.p, salt: salt.toString('base64') },
      cipher: { name: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') },
      ciphertext: ciphertext.toString('base64'),
    };
  } finally {
    key.fill(0);
  }
}

/** A new key pair: the wrapped secret key file and the public identity to hand out. */
export function generateKey(name: string, passphrase: string, kdf: KdfParams = DEFAULT_KDF): { secret: SecretKeyFile; identity: PublicIdentity } {
  const { seed } = generateSeed();
  try {
    const secret = wrapSeed(name, seed, passphrase, kdf);
    return { secret, identity: identityOf(secret) };
  } finally {
    seed.fill(0);
  }
}

export function identityOf(secret: SecretKeyFile): PublicIdentity {
  return { name: secret.name, publicKey: secret.publicKey, fingerprint: secret.fingerprint };
}

/** Unwraps the seed. Throws WrongPassphraseError when the passphrase (or the file) is wrong. */
export function unlockKey(file: SecretKeyFile, passphrase: string): UnlockedKey {
  const publicKey = decodePublicKey(file.publicKey);
  if (publicKey === null) throw new Error('publicKey is not unpadded base64url of 32 bytes');
  const fingerprint = fingerprintOf(publicKey);
  if (!sameFingerprint(fingerprint, file.fingerprint)) throw new Error('fingerprint does not match publicKey');
  const key = deriveKey(passphrase, Buffer.from(file.kdf.salt, 'base64'), file.kdf);
  let seed: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(file.cipher.iv, 'base64'));
    decipher.setAAD(aad(file.fingerprint));
    decipher.setAuthTag(Buffer.from(file.cipher.tag, 'base64'));
    seed = Buffer.concat([decipher.update(Buffer.from(file.ciphertext, 'base64')), decipher.final()]);
  } catch {
    throw new WrongPassphraseError();
  } finally {
    key.fill(0);
  }
  if (seed.length !== 32 || !publicKeyOfSeed(seed).equals(publicKey)) {
    seed.fill(0);
    throw new Error('the wrapped seed does not belong to publicKey');
  }
  return {
    name: file.name,
    publicKey,
    fingerprint,
    seed,
    dispose: () => seed.fill(0),
  };
}
