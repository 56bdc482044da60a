// Key files (FORMATS §4, §6 "Signatures and keys").
import { z } from 'zod';

export const SECRET_KEY_FORMAT = 'reviewdesk.key/1';
export const MIN_SCRYPT_N = 2 ** 17;

const base64Bytes = z.string().regex(/^[A-Za-z0-9+/_-]+={0,2}$/, 'expected base64');
export const publicKeyText = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'expected unpadded base64url of 32 bytes');

export const secretKeyFileSchema = z.looseObject({
  format: z.literal(SECRET_KEY_FORMAT),
  name: z.string(),
  publicKey: publicKeyText,
  fingerprint: z.string(),
  kdf: z.looseObject({
    name: z.literal('scrypt'),
    N: z.number().int().min(MIN_SCRYPT_N, `scrypt N below 2^17 is too weak`),
    r: z.number().int().min(1).max(64),
    p: z.number().int().min(1).max(16),
    salt: base64Bytes,
  }),
  cipher: z.looseObject({ name: z.literal('aes-256-gcm'), iv: base64Bytes, tag: base64Bytes }),
  ciphertext: base64Bytes,
});
export type SecretKeyFile = z.infer<typeof secretKeyFileSchema>;

export const publicIdentitySchema = z.looseObject({
  name: z.string(),
  publicKey: publicKeyText,
  fingerprint: z.string(),
});
export type PublicIdentity = z.infer<typeof publicIdentitySchema>;
