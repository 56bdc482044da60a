// Packs `DIR/round.json` and the documents it names into a signed bundle (FORMATS §2).
// Streaming: each document is hashed while it is written, never held in memory; stored, not recompressed.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline, Transform } from 'node:stream';
import { finished } from 'node:stream/promises';
import yazl from 'yazl';
import { documentEntryName, MANIFEST_ENTRY } from '../../../shared/bundle/entry-name';
import { BUNDLE_PAYLOAD_TYPE, validateBundlePayload, type BundlePayload } from '../../../shared/bundle/manifest';
import type { Problem } from '../../../shared/problem';
import { validateRound } from '../../../shared/round/validate';
import type { RoundDefinition } from '../../../shared/round/schema';
import { encodePublicKey } from '../keys/fingerprint';
import type { UnlockedKey } from '../keys/secret-key';
import { signEnvelope } from '../signing/dsse';
import { Rejection } from '../rejection';
import { readJsonFile } from '../json-file';

export interface PackOptions {
  dir: string;
  key: UnlockedKey;
  out: string;
  bundleId?: string;
  bundleVersion?: number;
  /** For tests and reproducible builds; defaults to now. */
  issuedAt?: Date;
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
}

export interface PackResult {
  out: string;
  bundleId: string;
  bundleVersion: number;
  roundId: string;
  files: number;
  bytes: number;
  manifestSha256: string;
}

interface SourceDocument {
  path: string;
  absolute: string;
  size: number;
}

const PDF_MAGIC = Buffer.from('%PDF-');

/** Loads and validates round.json; every problem at once. */
export async function loadRoundFile(dir: string): Promise<{ label: string; round: RoundDefinition }> {
  const label = path.join(dir, 'round.json');
  const json = await readJsonFile(label);
  const validated = validateRound(json);
  if (!validated.ok) throw new Rejection(label, 'invalid round definition', { problems: validated.problems, code: 'invalid-round' });
  return { label, round: validated.value };
}

async function pdfProblem(file: string): Promise<string | null> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead).includes(PDF_MAGIC) ? null : 'is not a PDF (no %PDF- header)';
  } finally {
    await handle.close();
  }
}

/** Finds every document named in round.json; all missing or unusable ones are reported together. */
async function locateDocuments(dir: string, label: string, round: RoundDefinition): Promise<SourceDocument[]> {
  const problems: Problem[] = [];
  const documents: SourceDocument[] = [];
  for (const [i, applicant] of round.applicants.entries()) {
    for (const [j, document] of applicant.documents.entries()) {
      const where = { path: `applicants[${i}].documents[${j}].path`, id: applicant.id };
      const absolute = path.join(dir, ...document.path.split('/'));
      try {
        const info = await stat(absolute);
        if (!info.isFile()) {
          problems.push({ ...where, message: `"${document.path}" is not a regular file` });
          continue;
        }
        const notPdf = await pdfProblem(absolute);
        if (notPdf !== null) {
          problems.push({ ...where, message: `"${document.path}" ${notPdf}` });
          continue;
        }
        documents.push({ path: document.path, absolute, size: info.size });
      } catch {
        problems.push({ ...where, message: `document "${document.path}" not found in ${dir}` });
      }
    }
  }
  if (problems.length > 0) throw new Rejection(label, 'documents named in the round are missing or unusable', { problems, code: 'missing-document' });
  return documents;
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export async function packBundle(options: PackOptions): Promise<PackResult> {
  const { label, round } = await loadRoundFile(options.dir);
  const documents = await locateDocuments(options.dir, label, round);
  const bundleId = options.bundleId ?? randomUUID();
  const bundleVersion = options.bundleVersion ?? 1;
  const issuedAt = options.issuedAt ?? new Date();
  const bytesTotal = documents.reduce((sum, document) => sum + document.size, 0);

  const partial = `${options.out}.partial-${process.pid}`;
  const zip = new yazl.ZipFile();
  const output = createWriteStream(partial, { mode: 0o600 });
  zip.outputStream.pipe(output);
  const written = finished(output);
  written.catch(() => undefined); // awaited below; a write failure must not go unhandled meanwhile
  try {
    const files: BundlePayload['files'] = [];
    let bytesDone = 0;
    for (const document of documents) {
      const hash = createHash('sha256');
      let size = 0;
      const source = createReadStream(document.absolute, { highWaterMark: 1024 * 1024 });
      const hashing = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk);
          size += chunk.length;
          bytesDone += chunk.length;
          options.onProgress?.(bytesDone, bytesTotal);
          callback(null, chunk);
        },
      });
      const done = Promise.race([finished(hashing), written.then(() => undefined)]);
      zip.addReadStreamLazy(documentEntryName(document.path), { compress: false, size: document.size, mtime: issuedAt, mode: 0o100644 }, (callback) =>
        callback(null, pipeline(source, hashing, () => undefined)),
      );
      await done;
      if (size !== document.size) throw new Rejection(document.absolute, 'the file changed while it was being packed');
      files.push({ path: document.path, sha256: hash.digest('hex'), size });
    }
    const payload: Record<string, unknown> = {
      ...round,
      bundleId,
      bundleVersion,
      issuedAt: isoSeconds(issuedAt),
      issuer: { name: options.key.name, publicKey: encodePublicKey(options.key.publicKey) },
      files,
    };
    const check = validateBundlePayload(payload);
    if (!check.ok) throw new Rejection(label, 'the bundle manifest would be invalid', { problems: check.problems, code: 'invalid-manifest' });
    const envelope = signEnvelope(BUNDLE_PAYLOAD_TYPE, payload, options.key.seed, options.key.publicKey);
    const manifestBytes = Buffer.from(`${JSON.stringify(envelope, null, 2)}\n`, 'utf8');
    zip.addBuffer(manifestBytes, MANIFEST_ENTRY, { compress: true, mtime: issuedAt, mode: 0o100644 });
    zip.end();
    await written;
    const handle = await open(partial, 'r+');
    await handle.sync();
    await handle.close();
    await rename(partial, options.out);
    return {
      out: options.out,
      bundleId,
      bundleVersion,
      roundId: round.round.id,
      files: files.length,
      bytes: bytesTotal,
      manifestSha256: createHash('sha256').update(manifestBytes).digest('hex'),
    };
  } catch (error) {
    zip.outputStream.unpipe(output);
    output.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

