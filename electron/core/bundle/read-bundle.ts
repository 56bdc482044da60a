// Opens a bundle, verifies its manifest (signature, canonical form, schema, issuer) and the
// entry set against the listed files; then streams each document through its hash check.
import { createHash } from 'node:crypto';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ZipFile } from 'yauzl';
import { BUNDLE_PAYLOAD_TYPE, validateBundlePayload, type BundlePayload } from '../../../shared/bundle/manifest';
import { documentEntryName, MANIFEST_ENTRY } from '../../../shared/bundle/entry-name';
import { EnvelopeError, envelopeSignedBy, openEnvelope } from '../signing/dsse';
import { decodePublicKey, fingerprintOf, sameFingerprint } from '../keys/fingerprint';
import { Rejection } from '../rejection';
import { WriteFailure } from '../write-failure';
import { openZip, readEntries, type ZipEntryInfo } from './zip-entries';

const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

export interface ListedDocument {
  path: string;
  sha256: string;
  size: number;
  entry: ZipEntryInfo;
}

export interface OpenedBundle {
  /** The name used in messages (the path as given). */
  label: string;
  payload: BundlePayload;
  manifestBytes: Buffer;
  manifestSha256: string;
  issuerFingerprint: string;
  /** Listed documents in ZIP order (sequential reads). */
  documents: ListedDocument[];
  zip: ZipFile;
  close(): void;
}

export interface OpenBundleOptions {
  /** Fingerprint the issuer must have (from `--issuer` or the trust store). */
  expectedIssuer?: string;
}

/** Reads an entry fully, refusing more than `limit` bytes. */
async function readEntryBytes(zip: ZipFile, info: ZipEntryInfo, limit: number, label: string): Promise<Buffer> {
  if (info.size > limit) throw new Rejection(label, `entry is too large (${info.size} bytes, at most ${limit})`, { entry: info.name, code: 'too-large' });
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    const stream = await zip.openReadStreamPromise(info.entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > limit) throw new Rejection(label, `entry inflates past ${limit} bytes`, { entry: info.name, code: 'too-large' });
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof Rejection) throw error;
    throw new Rejection(label, `cannot read entry (${(error as Error).message})`, { entry: info.name, code: 'damaged-zip' });
  }
  return Buffer.concat(chunks);
}

function issuerKeyOf(payload: unknown): Buffer | null {
  if (payload === null || typeof payload !== 'object') return null;
  const issuer = (payload as { issuer?: unknown }).issuer;
  if (issuer === null || typeof issuer !== 'object') return null;
  const key = (issuer as { publicKey?: unknown }).publicKey;
  return typeof key === 'string' ? decodePublicKey(key) : null;
}

export interface VerifiedManifest {
  payload: BundlePayload;
  manifestSha256: string;
  issuerFingerprint: string;
}

/**
 * The checks of a bundle's manifest.json bytes: JSON, DSSE shape, payload type, canonical form,
 * signature by the issuer key it names, the expected issuer, and the payload's schema and rules.
 */
export function verifyManifest(manifestBytes: Buffer, label: string, options: OpenBundleOptions = {}): VerifiedManifest {
  let envelope;
  try {
    envelope = openEnvelope(manifestBytes, BUNDLE_PAYLOAD_TYPE);
  } catch (error) {
    if (error instanceof EnvelopeError) throw new Rejection(label, error.message, { entry: MANIFEST_ENTRY, code: error.failure });
    throw error;
  }
  const issuerKey = issuerKeyOf(envelope.payload);
  if (issuerKey === null) {
    throw new Rejection(label, 'issuer.publicKey is missing or not an unpadded base64url Ed25519 key', { entry: MANIFEST_ENTRY, code: 'invalid-manifest' });
  }
  if (!envelopeSignedBy(envelope, issuerKey)) {
    throw new Rejection(label, 'invalid signature: the manifest was changed after signing, or was not signed by the issuer key it names', { entry: MANIFEST_ENTRY, code: 'bad-signature' });
  }
  const issuerFingerprint = fingerprintOf(issuerKey);
  if (options.expectedIssuer !== undefined && !sameFingerprint(options.expectedIssuer, issuerFingerprint)) {
    throw new Rejection(label, `signed by issuer ${issuerFingerprint}, not by the expected issuer ${options.expectedIssuer}`, { entry: MANIFEST_ENTRY, code: 'wrong-issuer' });
  }
  const validated = validateBundlePayload(envelope.payload);
  if (!validated.ok) {
    throw new Rejection(label, 'the manifest is signed but its content is invalid', { entry: MANIFEST_ENTRY, problems: validated.problems, code: 'invalid-manifest' });
  }
  return { payload: validated.value, issuerFingerprint, manifestSha256: createHash('sha256').update(manifestBytes).digest('hex') };
}

/** Verifies the manifest and the entry set. The documents' hashes are checked by `verifyDocuments`. */
export async function openBundle(file: string, options: OpenBundleOptions = {}, label = file): Promise<OpenedBundle> {
  const zip = await openZip(file, label);
  try {
    const entries = await readEntries(zip, label);
    const manifestEntry = entries.find((info) => info.name === MANIFEST_ENTRY);
    if (manifestEntry === undefined) {
      throw new Rejection(label, 'no manifest.json: this is not a ReviewDesk bundle', { entry: MANIFEST_ENTRY, code: 'no-manifest' });
    }
    const manifestBytes = await readEntryBytes(zip, manifestEntry, MAX_MANIFEST_BYTES, label);
    const { payload, issuerFingerprint, manifestSha256 } = verifyManifest(manifestBytes, label, options);
    const documents = matchEntries(label, entries, payload);
    return {
      label,
      payload,
      manifestBytes,
      manifestSha256,
      issuerFingerprint,
      documents,
      zip,
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

/** Every entry is the manifest, a listed file or an empty directory; every listed file is present, not larger than listed. */
function matchEntries(label: string, entries: ZipEntryInfo[], payload: BundlePayload): ListedDocument[] {
  const listed = new Map(payload.files.map((listedFile) => [documentEntryName(listedFile.path), listedFile]));
  const documents: ListedDocument[] = [];
  for (const info of entries) {
    if (info.name === MANIFEST_ENTRY || info.isDirectory) continue;
    const listedFile = listed.get(info.name);
    if (listedFile === undefined) throw new Rejection(label, 'entry is not listed in the manifest', { entry: info.name, code: 'unlisted-entry' });
    if (info.size > listedFile.size) {
      throw new Rejection(label, `entry is larger than listed (${info.size} bytes, listed ${listedFile.size})`, { entry: info.name, code: 'size-mismatch' });
    }
    if (info.size !== listedFile.size) {
      throw new Rejection(label, `size mismatch (${info.size} bytes, listed ${listedFile.size})`, { entry: info.name, code: 'size-mismatch' });
    }
    documents.push({ path: listedFile.path, sha256: listedFile.sha256, size: listedFile.size, entry: info });
    listed.delete(info.name);
  }
  for (const [name] of listed) {
    throw new Rejection(label, 'listed in the manifest but missing from the bundle', { entry: name, code: 'missing-entry' });
  }
  return documents;
}

/** Passes at most `limit` bytes, hashing them; fails as soon as more arrive. */
function hashingLimit(limit: number, onTooLarge: () => Error): { transform: Transform; digest: () => { sha256: string; bytes: number } } {
  const hash = createHash('sha256');
  let bytes = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > limit) return callback(onTooLarge());
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  return { transform, digest: () => ({ sha256: hash.digest('hex'), bytes }) };
}

export interface VerifyProgress {
  document: ListedDocument;
  index: number;
  bytesDone: number;
  bytesTotal: number;
}

/**
 * Streams every listed document through its size limit and SHA-256, into `sinkFor(document)`
 * when given (e.g. a file in the store's incoming folder). Stops on the first mismatch.
 */
export async function verifyDocuments(
  bundle: OpenedBundle,
  sinkFor?: (document: ListedDocument) => Promise<Writable>,
  onProgress?: (progress: VerifyProgress) => void,
): Promise<void> {
  const bytesTotal = bundle.documents.reduce((sum, document) => sum + document.size, 0);
  let bytesDone = 0;
  for (const [index, document] of bundle.documents.entries()) {
    const tooLarge = () =>
      new Rejection(bundle.label, `entry inflates past its listed size of ${document.size} bytes`, { entry: document.entry.name, code: 'size-mismatch' });
    const { transform, digest } = hashingLimit(document.size, tooLarge);
    const writeFailure = (cause: unknown) => new WriteFailure(`${bundle.label}: ${document.entry.name}: could not be written to the document store`, cause);
    // Which side failed first: a sink that cannot write (a full disk) is not a damaged bundle.
    // (pipeline then destroys the other streams with the same error, so only the first counts.)
    let first: { side: 'read' | 'write'; error: unknown } | undefined;
    try {
      const source = await bundle.zip.openReadStreamPromise(document.entry.entry);
      source.on('error', (error) => (first ??= { side: 'read', error }));
      let sink: Writable;
      try {
        sink = sinkFor ? await sinkFor(document) : discard();
      } catch (error) {
        source.destroy();
        throw writeFailure(error);
      }
      sink.on('error', (error) => (first ??= { side: 'write', error }));
      await pipeline(source, transform, sink);
    } catch (error) {
      if (error instanceof Rejection || error instanceof WriteFailure) throw error;
      if (first?.side === 'write') throw writeFailure(first.error);
      if (/too many bytes/.test((error as Error).message)) throw tooLarge();
      throw new Rejection(bundle.label, `cannot read entry (${(error as Error).message})`, { entry: document.entry.name, code: 'damaged-zip' });
    }
    const { sha256, bytes } = digest();
    if (bytes !== document.size) {
      throw new Rejection(bundle.label, `size mismatch (${bytes} bytes, listed ${document.size})`, { entry: document.entry.name, code: 'size-mismatch' });
    }
    if (sha256 !== document.sha256) {
      throw new Rejection(bundle.label, `SHA-256 mismatch (listed ${document.sha256}, content ${sha256}): the document was changed after signing`, { entry: document.entry.name, code: 'hash-mismatch' });
    }
    bytesDone += bytes;
    onProgress?.({ document, index, bytesDone, bytesTotal });
  }
}

function discard(): Writable {
  return new Writable({ write: (_chunk, _encoding, callback) => callback() });
}
