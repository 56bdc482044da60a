// Key fingerprints and public-key encodings (FORMATS §4, §6 "Signatures and keys").
import { createHash } from 'node:crypto';

/** Upper-case hex of the first 16 bytes of SHA-256(raw public key), 8 groups of 4 joined by `-`. */
export function fingerprintOf(rawPublicKey: Uint8Array): string {
  const hex = createHash('sha256').update(rawPublicKey).digest('hex').slice(0, 32).toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

/** Fingerprints compare ignoring case and separators. */
export function normaliseFingerprint(text: string): string {
  return text.replace(/[\s:-]/g, '').toUpperCase();
}

export function sameFingerprint(a: string, b: string): boolean {
  return normaliseFingerprint(a) === normaliseFingerprint(b);
}

export function looksLikeFingerprint(text: string): boolean {
  return /^[0-9A-F]{32}$/.test(normaliseFingerprint(text));
}

/** Unpadded base64url of the 32 raw bytes. */
export function encodePublicKey(raw: Uint8Array): string {
  return Buffer.from(raw).toString('base64url');
}

/** The 32 raw bytes of an unpadded base64url public key, or null when it is not one. */
export function decodePublicKey(text: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(text)) return null;
  const raw = Buffer.from(text, 'base64url');
  return raw.length === 32 && raw.toString('base64url') === text ? raw : null;
}
