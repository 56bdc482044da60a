// DSSE envelopes over RFC 8785 canonical JSON payloads, signed with Ed25519 (FORMATS §6).
import { dsseEnvelopeSchema } from '../../../shared/dsse';
import { fingerprintOf, sameFingerprint } from '../keys/fingerprint';
import { signWithSeed, verifyWithPublicKey } from '../keys/ed25519';
import { canonicalBytes } from './canonical-json';

/** PAE(type, body) = "DSSEv1" SP len(type) SP type SP len(body) SP body, lengths in bytes. */
export function pae(payloadType: string, payload: Uint8Array): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.length} `, 'utf8'),
    type,
    Buffer.from(` ${payload.length} `, 'utf8'),
    payload,
  ]);
}

export interface SignedEnvelope {
  payloadType: string;
  payload: string;
  signatures: { keyid: string; sig: string }[];
}

/** Signs the canonical form of `payload`; `keyid` is the signer's fingerprint. */
export function signEnvelope(payloadType: string, payload: unknown, seed: Uint8Array, rawPublicKey: Uint8Array): SignedEnvelope {
  const body = canonicalBytes(payload);
  const sig = signWithSeed(seed, pae(payloadType, body));
  return {
    payloadType,
    payload: body.toString('base64'),
    signatures: [{ keyid: fingerprintOf(rawPublicKey), sig: sig.toString('base64') }],
  };
}

export type EnvelopeFailure =
  | 'not-json'
  | 'not-envelope'
  | 'wrong-payload-type'
  | 'payload-not-json'
  | 'payload-not-canonical';

export class EnvelopeError extends Error {
  constructor(readonly failure: EnvelopeFailure, message: string) {
    super(message);
    this.name = 'EnvelopeError';
  }
}

export interface OpenedEnvelope {
  payloadType: string;
  /** The exact signed bytes. */
  payloadBytes: Buffer;
  payload: unknown;
  signatures: { keyid: string; sig: string }[];
}

/** Parses an envelope and its payload; refuses a payload that is not byte-identical to its JCS form. */
export function openEnvelope(bytes: Uint8Array, expectedPayloadType: string): OpenedEnvelope {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    throw new EnvelopeError('not-json', `not valid JSON (${(error as Error).message})`);
  }
  const parsed = dsseEnvelopeSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'envelope';
    throw new EnvelopeError('not-envelope', `not a DSSE envelope (${where}: ${issue?.message ?? 'invalid'})`);
  }
  const envelope = parsed.data;
  if (envelope.payloadType !== expectedPayloadType) {
    throw new EnvelopeError(
      'wrong-payload-type',
      `unknown payload type "${envelope.payloadType}" (expected "${expectedPayloadType}")`,
    );
  }
  const payloadBytes = Buffer.from(envelope.payload, 'base64');
  let payload: unknown;
  try {
    payload = JSON.parse(payloadBytes.toString('utf8'));
  } catch (error) {
    throw new EnvelopeError('payload-not-json', `payload is not valid JSON (${(error as Error).message})`);
  }
  let canonical: Buffer;
  try {
    canonical = canonicalBytes(payload);
  } catch (error) {
    throw new EnvelopeError('payload-not-canonical', `payload is not canonical JSON (${(error as Error).message})`);
  }
  if (!canonical.equals(payloadBytes)) {
    throw new EnvelopeError('payload-not-canonical', 'payload is not in RFC 8785 canonical form');
  }
  return { payloadType: envelope.payloadType, payloadBytes, payload, signatures: envelope.signatures };
}

/** True when a signature whose keyid is the key's fingerprint verifies with that key. */
export function envelopeSignedBy(envelope: OpenedEnvelope, rawPublicKey: Uint8Array): boolean {
  const keyid = fingerprintOf(rawPublicKey);
  const message = pae(envelope.payloadType, envelope.payloadBytes);
  return envelope.signatures.some(
    (signature) =>
      sameFingerprint(signature.keyid, keyid) &&
      verifyWithPublicKey(rawPublicKey, message, Buffer.from(signature.sig, 'base64')),
  );
}
