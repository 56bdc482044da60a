// Experts with their public identity files (.pub): the key goes into the roster only when the
// file's fingerprint belongs to its key (readPublicIdentity), so an expert's score file can be
// checked against the roster later.
import { SECRET_KEY_FORMAT, type PublicIdentity } from '../../../shared/keys';
import type { RoundDefinition } from '../../../shared/round/schema';
import { parsePublicIdentity, readPublicIdentity } from '../keys/public-identity';
import { Rejection } from '../rejection';
import { addExpertEntries, type NewExpert } from './edit';
import { ProblemList } from './problems';

export interface ExpertInput {
  id?: string;
  /** The roster name; defaults to the name in the .pub file. */
  name?: string;
  /** The expert's public identity file (`{name, publicKey, fingerprint}`). */
  pubFile?: string;
  /** The .pub file's text when it was chosen in the app (then `pubFile` only names it). */
  pubText?: string;
  /** Category or applicant ids (categories may also be named by title). */
  assigned?: string[];
}

export interface AddedExperts {
  round: RoundDefinition;
  added: { id: string; name: string; fingerprint?: string }[];
}

/** Reads every .pub file named, then adds the experts. Every problem at once, each naming its file. */
export async function addExperts(round: RoundDefinition, experts: readonly ExpertInput[]): Promise<AddedExperts> {
  const problems = new ProblemList();
  const entries: NewExpert[] = [];
  const fingerprints: (string | undefined)[] = [];
  for (const [i, input] of experts.entries()) {
    let name = input.name?.trim() ?? '';
    let publicKey: string | undefined;
    let fingerprint: string | undefined;
    if (input.pubFile !== undefined) {
      try {
        const identity = await expertPublicIdentity(input.pubFile, input.pubText);
        publicKey = identity.publicKey;
        fingerprint = identity.fingerprint;
        if (name === '') name = identity.name.trim();
      } catch (error) {
        if (!(error instanceof Rejection)) throw error;
        const code = error.code === 'invalid-key' && /fingerprint/.test(error.detail) ? 'fingerprint-mismatch' : error.code;
        problems.add({ code, file: input.pubFile, ...(input.id !== undefined ? { id: input.id } : {}), field: 'publicKey', message: pubMessage(error) });
        continue;
      }
    }
    if (name === '') problems.add({ code: 'missing-name', path: `experts[${round.experts.length + i}].name`, field: 'name', message: '缺少专家姓名（也没有可读取姓名的公钥文件）' });
    entries.push({ ...(input.id !== undefined ? { id: input.id } : {}), name, ...(publicKey !== undefined ? { publicKey } : {}), ...(input.assigned !== undefined ? { assigned: input.assigned } : {}) });
    fingerprints.push(fingerprint);
  }
  problems.throwIfAny('', '专家有误');
  const next = addExpertEntries(round, entries);
  const added = next.experts.slice(round.experts.length).map((expert, i) => ({ id: expert.id, name: expert.name, ...(fingerprints[i] !== undefined ? { fingerprint: fingerprints[i] } : {}) }));
  return { round: next, added };
}

/**
 * An expert's public identity from a .pub file (or its text, when chosen in the app). A secret
 * key file (.key) also names its public key, but is refused: it must not leave the expert's computer.
 */
export async function expertPublicIdentity(file: string, text?: string): Promise<PublicIdentity> {
  const identity = text !== undefined ? parsePublicIdentity(text, file) : await readPublicIdentity(file);
  if ((identity as { format?: unknown }).format === SECRET_KEY_FORMAT) {
    throw new Rejection(file, 'this is a secret key file (.key), not a public identity (.pub)', { code: 'secret-key-given' });
  }
  return identity;
}

/** A .pub refusal in the secretariat's words. */
export function pubMessage(error: Rejection): string {
  if (error.code === 'not-found') return '公钥文件不存在';
  if (error.code === 'secret-key-given') return '这是秘密密钥文件（.key），不是公钥文件（.pub）：请专家在评审工作台中“导出公钥”后交来；秘密密钥不应离开专家的电脑';
  if (error.code === 'not-json') return '不是公钥文件（不是 JSON）';
  if (/fingerprint/.test(error.detail)) return `公钥文件的指纹与其中的公钥不符，文件可能被改动过（${error.detail}）`;
  return `不是有效的 ReviewDesk 公钥文件（${error.detail}）`;
}
