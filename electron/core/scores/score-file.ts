// Score files (FORMATS §3, §6): an expert's sheets for one bundle, signed. Built from checked
// sheets; verified against the bundle (round, bundle, manifest hash), the roster (expert, key) and
// the rubrics (every sheet, every total). A refused sheet writes no file.
import { createHash } from 'node:crypto';
import type { BundlePayload } from '../../../shared/bundle/manifest';
import { assignedApplicants, applicantRubric } from '../../../shared/round/lookup';
import { completeSheet } from '../../../shared/sheet/complete';
import { parseScoreFilePayload } from '../../../shared/sheet/parse-payload';
import { SCORES_PAYLOAD_TYPE, type ScoreFilePayload, type SheetInput } from '../../../shared/sheet/schema';
import { validateSheetFile } from '../../../shared/sheet/sheet-file';
import { zodProblems } from '../../../shared/zod-problems';
import { decodePublicKey, encodePublicKey, fingerprintOf } from '../keys/fingerprint';
import type { UnlockedKey } from '../keys/secret-key';
import { Rejection } from '../rejection';
import { EnvelopeError, envelopeSignedBy, openEnvelope, signEnvelope } from '../signing/dsse';

/** The bundle a score file belongs to. */
export interface ScoredBundle {
  payload: BundlePayload;
  manifestSha256: string;
}

export interface ScoreFileRequest {
  expertId: string;
  key: UnlockedKey;
  /** Sheets as typed (`{"sheets":[…]}` of `reviewdesk score --sheet`), checked here. */
  sheetFile: unknown;
  revision: number;
  final: boolean;
  appVersion: string;
  createdAt?: Date;
}

/** Checks the expert against the roster: present, and the key is the roster's key when it names one. */
export function rosterCheck(bundle: ScoredBundle, expertId: string, publicKey: Buffer, label: string): { unregisteredKey: boolean } {
  const expert = bundle.payload.experts.find((candidate) => candidate.id === expertId);
  if (expert === undefined) {
    throw new Rejection(label, `expert "${expertId}" is not in the roster of round "${bundle.payload.round.id}" (roster: ${bundle.payload.experts.map((e) => e.id).join(', ')})`, { code: 'unknown-expert' });
  }
  if (expert.publicKey !== undefined && expert.publicKey !== encodePublicKey(publicKey)) {
    const rosterKey = decodePublicKey(expert.publicKey);
    throw new Rejection(
      label,
      `the key ${fingerprintOf(publicKey)} is not the roster's key for expert "${expertId}" (${rosterKey ? fingerprintOf(rosterKey) : expert.publicKey}); scoring as that expert is refused`,
      { code: 'wrong-key' },
    );
  }
  return { unregisteredKey: expert.publicKey === undefined };
}

/** Validates the sheets and returns the signed score file's bytes (the DSSE envelope, JSON). */
export function createScoreFile(bundle: ScoredBundle, request: ScoreFileRequest, label: string): { bytes: Buffer; payload: ScoreFilePayload; sha256: string } {
  rosterCheck(bundle, request.expertId, request.key.publicKey, label);
  if (!Number.isSafeInteger(request.revision) || request.revision < 1) throw new Rejection(label, `revision must be a positive integer, got ${request.revision}`, { code: 'bad-revision' });
  const checked = validateSheetFile(bundle.payload, request.sheetFile, { expertId: request.expertId, final: request.final });
  if (!checked.ok) throw new Rejection(label, 'the sheets are refused', { problems: checked.problems, code: 'invalid-sheets' });
  const expert = bundle.payload.experts.find((candidate) => candidate.id === request.expertId)!;
  const order = new Map(bundle.payload.applicants.map((applicant, index) => [applicant.id, index]));
  const sheets = [...checked.value.sheets]
    .sort((a, b) => (order.get(a.applicantId) ?? 0) - (order.get(b.applicantId) ?? 0))
    .map((sheet: SheetInput) => completeSheet(applicantRubric(bundle.payload, sheet.applicantId)!, sheet));
  const payload: ScoreFilePayload = {
    roundId: bundle.payload.round.id,
    bundleId: bundle.payload.bundleId,
    bundleVersion: bundle.payload.bundleVersion,
    manifestSha256: bundle.manifestSha256,
    expertId: expert.id,
    expertName: expert.name,
    publicKey: encodePublicKey(request.key.publicKey),
    revision: request.revision,
    final: request.final,
    createdAt: (request.createdAt ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    appVersion: request.appVersion,
    sheets,
  };
  const envelope = signEnvelope(SCORES_PAYLOAD_TYPE, payload, request.key.seed, request.key.publicKey);
  const bytes = Buffer.from(`${JSON.stringify(envelope, null, 2)}\n`, 'utf8');
  return { bytes, payload, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export interface VerifiedScoreFile {
  payload: ScoreFilePayload;
  fingerprint: string;
  sha256: string;
  /** The roster names no key for this expert and none was pinned: flag `unregistered-key`. */
  unregisteredKey: boolean;
}

export interface VerifyOptions {
  /** `--expert-key ID=FILE.pub`: expert id → unpadded base64url public key. */
  expertKeys?: ReadonlyMap<string, string>;
}

/** Everything `verify` and `merge` check; throws a Rejection naming the file and what is wrong. */
export function verifyScoreFile(bytes: Buffer, label: string, bundle: ScoredBundle, options: VerifyOptions = {}): VerifiedScoreFile {
  let envelope;
  try {
    envelope = openEnvelope(bytes, SCORES_PAYLOAD_TYPE);
  } catch (error) {
    if (error instanceof EnvelopeError) throw new Rejection(label, error.message, { code: error.failure });
    throw error;
  }
  const parsed = parseScoreFilePayload(envelope.payload);
  if (!parsed.success) throw new Rejection(label, 'not a valid score file payload', { problems: zodProblems(parsed.error, envelope.payload), code: 'invalid-score-file' });
  const payload = parsed.data;
  const publicKey = decodePublicKey(payload.publicKey);
  if (publicKey === null) {
    // 43 base64url characters whose last one carries bits beyond the 32 bytes: not a key encoding.
    throw new Rejection(label, `publicKey ${JSON.stringify(payload.publicKey)} is not the unpadded base64url form of a 32-byte Ed25519 key`, { code: 'invalid-score-file' });
  }
  if (!envelopeSignedBy(envelope, publicKey)) {
    throw new Rejection(label, 'invalid signature: the file was changed after signing, or not signed by the key it names', { code: 'bad-signature' });
  }
  const round = bundle.payload;
  if (payload.roundId !== round.round.id) throw new Rejection(label, `scores round "${payload.roundId}", not round "${round.round.id}" of this bundle`, { code: 'wrong-round' });
  if (payload.bundleId.toLowerCase() !== round.bundleId.toLowerCase() || payload.bundleVersion !== round.bundleVersion) {
    throw new Rejection(label, `scores bundle ${payload.bundleId} version ${payload.bundleVersion}, not ${round.bundleId} version ${round.bundleVersion}`, { code: 'wrong-bundle' });
  }
  if (payload.manifestSha256 !== bundle.manifestSha256) {
    throw new Rejection(label, `manifestSha256 ${payload.manifestSha256} is not the hash of this bundle's manifest (${bundle.manifestSha256})`, { code: 'wrong-manifest' });
  }
  const { unregisteredKey } = rosterCheck(bundle, payload.expertId, publicKey, label);
  const pinned = options.expertKeys?.get(payload.expertId);
  if (pinned !== undefined && pinned !== payload.publicKey) {
    throw new Rejection(label, `signed with key ${fingerprintOf(publicKey)}, not the key given for expert "${payload.expertId}" with --expert-key`, { code: 'wrong-key' });
  }
  const checked = validateSheetFile(round, { sheets: payload.sheets }, { expertId: payload.expertId, final: payload.final, form: 'payload' });
  if (!checked.ok) throw new Rejection(label, 'the sheets are refused', { problems: checked.problems, code: 'invalid-sheets' });
  return {
    payload,
    fingerprint: fingerprintOf(publicKey),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    unregisteredKey: unregisteredKey && pinned === undefined,
  };
}

/** The applicants a final file must cover. */
export function assignedIds(bundle: ScoredBundle, expertId: string): string[] {
  return assignedApplicants(bundle.payload, expertId).map((applicant) => applicant.id);
}
