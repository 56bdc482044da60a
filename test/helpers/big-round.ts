// A round whose documents weigh a few MB (synthetic PDFs: a header, one stream of random bytes,
// an end marker), for tests that need an import to take long enough to be killed part-way.
import { randomBytes } from 'node:crypto';
import { sampleRound, writeRoundFolder, type RoundJson } from './fixtures';

/** A PDF-looking file of about `size` bytes; `seed` text makes its content unique. */
export function syntheticPdf(size: number, seed: string): Buffer {
  const body = randomBytes(size);
  return Buffer.concat([
    Buffer.from(`%PDF-1.4\n%${seed}\n1 0 obj\n<< /Length ${size} >>\nstream\n`, 'latin1'),
    body,
    Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  ]);
}

/**
 * Writes round.json and its documents into `dir`. `documents` maps each document path of the
 * sample round to its bytes (documents not given are small synthetic PDFs).
 */
export function writeRoundDir(dir: string, round: RoundJson, documents: Record<string, Buffer>): string {
  return writeRoundFolder(dir, round, (documentPath) => documents[documentPath] ?? syntheticPdf(2_000, documentPath));
}

/** The sample round's four document paths. */
export function documentPaths(round: RoundJson = sampleRound()): string[] {
  return round.applicants.flatMap((applicant) => applicant.documents.map((document) => document.path));
}
