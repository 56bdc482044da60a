// A secret key file as the secretariat or an expert hands it over: checked to be a ReviewDesk
// key, then unlocked with its passphrase. The CLI reads it from a path, the app from a chosen
// file's text; both refuse the same way, naming the file.
import { secretKeyFileSchema, type SecretKeyFile } from '../../../shared/keys';
import { zodProblems } from '../../../shared/zod-problems';
import { parseJsonText } from '../json-file';
import { Rejection } from '../rejection';
import { unlockKey, WrongPassphraseError, type UnlockedKey } from './secret-key';

/** The key file's JSON checked to be a ReviewDesk secret key; `file` names it in the refusal. */
export function parseSecretKeyFile(json: unknown, file: string): SecretKeyFile {
  const parsed = secretKeyFileSchema.safeParse(json);
  if (!parsed.success) {
    const fields = json !== null && typeof json === 'object' ? (json as Record<string, unknown>) : {};
    const publicOnly = typeof fields.publicKey === 'string' && typeof fields.fingerprint === 'string' && fields.ciphertext === undefined;
    const detail = publicOnly ? 'this is a public identity (.pub), not a secret key file (.key): choose the .key file made with it' : 'not a ReviewDesk secret key file';
    throw new Rejection(file, detail, { problems: zodProblems(parsed.error, json), code: 'invalid-key' });
  }
  return parsed.data;
}

/** The same from the file's text (a key file chosen in the app). */
export function parseSecretKeyText(text: string, file: string): SecretKeyFile {
  return parseSecretKeyFile(parseJsonText(text, file), file);
}

/** Unlocks the key; a wrong passphrase is a refusal naming the file (code `wrong-passphrase`). */
export function unlockSecretKeyFile(secret: SecretKeyFile, passphrase: string, file: string): UnlockedKey {
  try {
    return unlockKey(secret, passphrase);
  } catch (error) {
    if (error instanceof WrongPassphraseError) throw new Rejection(file, 'wrong passphrase for this key', { code: 'wrong-passphrase' });
    throw new Rejection(file, (error as Error).message, { code: 'invalid-key' });
  }
}
