// The expert's identity on this workstation: an Ed25519 key wrapped under their passphrase in
// `DIR/identity.key`. The secret seed exists only in this process, unwrapped for one signature and
// zeroed right after; nothing here ever returns it.
import { existsSync } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { publicIdentitySchema, secretKeyFileSchema, type PublicIdentity, type SecretKeyFile } from '../../../shared/keys';
import { zodProblems } from '../../../shared/zod-problems';
import { generateKey, identityOf, unlockKey, wrapSeed, WrongPassphraseError, type UnlockedKey } from '../keys/secret-key';
import { Rejection } from '../rejection';

export const IDENTITY_FILE = 'identity.key';

export class IdentityError extends Error {
  constructor(readonly code: 'no-identity' | 'identity-exists' | 'wrong-passphrase' | 'weak-passphrase' | 'invalid-key', message: string) {
    super(message);
    this.name = 'IdentityError';
  }
}

export interface IdentityStatus {
  exists: boolean;
  identity?: PublicIdentity;
}

async function writeAtomically(file: string, content: string): Promise<void> {
  const partial = `${file}.partial-${process.pid}`;
  const handle = await open(partial, 'w', 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(partial, file).catch(async (error: unknown) => {
    await rm(partial, { force: true });
    throw error;
  });
}

export class IdentityStore {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, IDENTITY_FILE);
  }

  private async secret(): Promise<SecretKeyFile> {
    if (!existsSync(this.file)) throw new IdentityError('no-identity', 'no expert identity on this workstation yet');
    const json: unknown = JSON.parse(await readFile(this.file, 'utf8'));
    const parsed = secretKeyFileSchema.safeParse(json);
    if (!parsed.success) throw new IdentityError('invalid-key', `${this.file} is damaged: ${zodProblems(parsed.error, json).map((problem) => problem.message).join('; ')}`);
    return parsed.data;
  }

  async status(): Promise<IdentityStatus> {
    if (!existsSync(this.file)) return { exists: false };
    return { exists: true, identity: identityOf(await this.secret()) };
  }

  async create(name: string, passphrase: string): Promise<PublicIdentity> {
    if (existsSync(this.file)) throw new IdentityError('identity-exists', 'this workstation already has an expert identity');
    if (passphrase.length < 8) throw new IdentityError('weak-passphrase', 'the passphrase needs at least 8 characters');
    const { secret, identity } = generateKey(name.trim(), passphrase);
    await writeAtomically(this.file, `${JSON.stringify(secret, null, 2)}\n`);
    return identity;
  }

  /** Runs `use` with the unlocked key and zeroes the seed afterwards, whatever happens. */
  async withKey<T>(passphrase: string, use: (key: UnlockedKey) => Promise<T> | T): Promise<T> {
    const secret = await this.secret();
    let key: UnlockedKey;
    try {
      key = unlockKey(secret, passphrase);
    } catch (error) {
      if (error instanceof WrongPassphraseError) throw new IdentityError('wrong-passphrase', 'wrong passphrase');
      throw new IdentityError('invalid-key', (error as Error).message);
    }
    try {
      return await use(key);
    } finally {
      key.dispose();
    }
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    if (next.length < 8) throw new IdentityError('weak-passphrase', 'the new passphrase needs at least 8 characters');
    const secret = await this.secret();
    const rewrapped = await this.withKey(current, (key) => wrapSeed(secret.name, key.seed, next));
    await writeAtomically(this.file, `${JSON.stringify(rewrapped, null, 2)}\n`);
  }

  /** The encrypted key file as it is (a backup is only as strong as its passphrase). */
  async backup(): Promise<string> {
    await this.secret();
    return readFile(this.file, 'utf8');
  }

  /** Restores a backup after proving the passphrase opens it; refuses to replace another identity. */
  async restore(content: string, passphrase: string, label = 'backup'): Promise<PublicIdentity> {
    let json: unknown;
    try {
      json = JSON.parse(content);
    } catch {
      throw new Rejection(label, 'not a ReviewDesk key backup (not JSON)', { code: 'invalid-key' });
    }
    const parsed = secretKeyFileSchema.safeParse(json);
    if (!parsed.success) throw new Rejection(label, 'not a ReviewDesk key backup', { problems: zodProblems(parsed.error, json), code: 'invalid-key' });
    try {
      unlockKey(parsed.data, passphrase).dispose();
    } catch (error) {
      if (error instanceof WrongPassphraseError) throw new IdentityError('wrong-passphrase', 'wrong passphrase for this backup');
      throw new Rejection(label, (error as Error).message, { code: 'invalid-key' });
    }
    const current = await this.status();
    if (current.identity !== undefined && current.identity.publicKey !== parsed.data.publicKey) {
      throw new IdentityError('identity-exists', `this workstation already has the identity ${current.identity.fingerprint}; a different key cannot replace it here`);
    }
    await writeAtomically(this.file, `${JSON.stringify(parsed.data, null, 2)}\n`);
    return identityOf(parsed.data);
  }

  async publicIdentity(): Promise<PublicIdentity> {
    const identity = identityOf(await this.secret());
    return publicIdentitySchema.parse(identity);
  }
}

