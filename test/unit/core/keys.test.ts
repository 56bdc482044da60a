import { describe, expect, it } from 'vitest';
import { secretKeyFileSchema } from '../../../shared/keys';
import { publicKeyOfSeed, signWithSeed, verifyWithPublicKey } from '../../../electron/core/keys/ed25519';
import { decodePublicKey, encodePublicKey, fingerprintOf, sameFingerprint } from '../../../electron/core/keys/fingerprint';
import { generateKey, unlockKey, wrapSeed, WrongPassphraseError } from '../../../electron/core/keys/secret-key';

// RFC 8032 §7.1, test 1.
const SEED = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
const PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const SIGNATURE = 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b';

describe('Ed25519', () => {
  it('matches the RFC 8032 test vector', () => {
    expect(publicKeyOfSeed(SEED).toString('hex')).toBe(PUBLIC);
    const signature = signWithSeed(SEED, Buffer.alloc(0));
    expect(signature.toString('hex')).toBe(SIGNATURE);
    expect(verifyWithPublicKey(Buffer.from(PUBLIC, 'hex'), Buffer.alloc(0), signature)).toBe(true);
    expect(verifyWithPublicKey(Buffer.from(PUBLIC, 'hex'), Buffer.from('x'), signature)).toBe(false);
  });
});

describe('fingerprints and public keys', () => {
  it('is the first 16 bytes of SHA-256 in 8 upper-case groups of 4', () => {
    const fingerprint = fingerprintOf(Buffer.from(PUBLIC, 'hex'));
    expect(fingerprint).toMatch(/^([0-9A-F]{4}-){7}[0-9A-F]{4}$/);
    expect(sameFingerprint(fingerprint, fingerprint.toLowerCase().replaceAll('-', ''))).toBe(true);
    expect(sameFingerprint(fingerprint, fingerprint.replace(/^./, (c) => (c === '0' ? '1' : '0')))).toBe(false);
  });

  it('encodes public keys as unpadded base64url and refuses anything else', () => {
    const raw = Buffer.from(PUBLIC, 'hex');
    const text = encodePublicKey(raw);
    expect(text).toHaveLength(43);
    expect(decodePublicKey(text)?.equals(raw)).toBe(true);
    expect(decodePublicKey(`${text}=`)).toBeNull();
    expect(decodePublicKey(raw.toString('base64'))).toBeNull();
    expect(decodePublicKey(text.slice(1))).toBeNull();
  });
});

describe('secret key files', () => {
  const { secret, identity } = generateKey('张三', 'pass word');

  it('wraps the seed with scrypt N >= 2^17 and AES-256-GCM, never in clear', () => {
    expect(secretKeyFileSchema.safeParse(secret).success).toBe(true);
    expect(secret.kdf.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(identity.fingerprint).toBe(secret.fingerprint);
    const unlocked = unlockKey(secret, 'pass word');
    expect(JSON.stringify(secret)).not.toContain(unlocked.seed.toString('base64'));
    expect(encodePublicKey(unlocked.publicKey)).toBe(identity.publicKey);
    unlocked.dispose();
    expect(unlocked.seed.every((byte) => byte === 0)).toBe(true);
  });

  it('refuses a wrong passphrase and a tampered file', () => {
    expect(() => unlockKey(secret, 'pass word!')).toThrow(WrongPassphraseError);
    const flipped = Buffer.from(secret.ciphertext, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => unlockKey({ ...secret, ciphertext: flipped.toString('base64') }, 'pass word')).toThrow(WrongPassphraseError);
    const other = generateKey('李四', 'x').identity;
    expect(() => unlockKey({ ...secret, publicKey: other.publicKey, fingerprint: other.fingerprint }, 'pass word')).toThrow();
  });

  it('normalises the passphrase to NFC', () => {
    const composed = wrapSeed('王五', SEED, 'caf\u00e9');
    expect(unlockKey(composed, 'cafe\u0301').publicKey.toString('hex')).toBe(PUBLIC);
  });

  it('refuses weak scrypt parameters in a key file', () => {
    const weak = { ...secret, kdf: { ...secret.kdf, N: 2 ** 14 } };
    expect(secretKeyFileSchema.safeParse(weak).success).toBe(false);
  });
});
