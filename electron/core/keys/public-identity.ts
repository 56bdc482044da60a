// Reading a public identity file (`.pub`, FORMATS §4): `{name, publicKey, fingerprint}`, refused
// unless the fingerprint belongs to the key. Used by the CLI (`--issuer`, `--expert-key`) and the
// round builder (an expert's key in the roster).
import { publicIdentitySchema, type PublicIdentity } from '../../../shared/keys';
import { zodProblems } from '../../../shared/zod-problems';
import { parseJsonText, readJsonFile } from '../json-file';
import { Rejection } from '../rejection';
import { decodePublicKey, fingerprintOf, sameFingerprint } from './fingerprint';

export async function readPublicIdentity(file: string): Promise<PublicIdentity> {
  return publicIdentityOf(await readJsonFile(file), file);
}

/** A public identity from a .pub file's text (a file chosen in the app); `file` names it in refusals. */
export function parsePublicIdentity(text: string, file: string): PublicIdentity {
  return publicIdentityOf(parseJsonText(text, file), file);
}

function publicIdentityOf(json: unknown, file: string): PublicIdentity {
  const parsed = publicIdentitySchema.safeParse(json);
  if (!parsed.success) throw new Rejection(file, 'not a ReviewDesk public identity (.pub) file', { problems: zodProblems(parsed.error, json), code: 'invalid-key' });
  const raw = decodePublicKey(parsed.data.publicKey);
  if (raw === null) throw new Rejection(file, 'publicKey is not an unpadded base64url Ed25519 key', { code: 'invalid-key' });
  if (!sameFingerprint(fingerprintOf(raw), parsed.data.fingerprint)) {
    throw new Rejection(file, `fingerprint ${parsed.data.fingerprint} does not belong to its publicKey (${fingerprintOf(raw)})`, { code: 'invalid-key' });
  }
  return parsed.data;
}
