import { describe, expect, it } from 'vitest';
import { BUNDLE_PAYLOAD_TYPE, validateBundlePayload } from '../../../shared/bundle/manifest';
import { formatProblem } from '../../../shared/problem';
import { sampleRound } from './round-fixture';

const hash = 'a'.repeat(64);

function samplePayload() {
  const round = sampleRound();
  return {
    ...round,
    bundleId: '3f2b8c1e-9d4a-4f6b-8a2e-1c5d7e9f0a1b',
    bundleVersion: 1,
    issuedAt: '2025-11-01T08:30:00Z',
    issuer: { name: '评优秘书处', publicKey: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' },
    files: round.applicants.flatMap((applicant) =>
      applicant.documents.map((document) => ({ path: document.path, sha256: hash, size: 1024 })),
    ),
  };
}

function linesOf(input: unknown): string[] {
  const result = validateBundlePayload(input);
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('validateBundlePayload', () => {
  it('has the fixed payload type', () => {
    expect(BUNDLE_PAYLOAD_TYPE).toBe('application/vnd.reviewdesk.bundle+json;v=1');
  });

  it('accepts a payload: the round plus the bundle fields, unknown fields kept', () => {
    const input = { ...samplePayload(), packedBy: 'reviewdesk 0.1.0' };
    const result = validateBundlePayload(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.bundleVersion).toBe(1);
    expect((result.value as Record<string, unknown>).packedBy).toBe('reviewdesk 0.1.0');
  });

  it('accepts any UUID version in either case, fractional seconds, size 0', () => {
    const input = samplePayload();
    input.bundleId = 'FFFFFFFF-0000-1111-2222-ABCDEFabcdef';
    input.issuedAt = '2024-02-29T23:59:60.123Z';
    input.files[0]!.size = 0;
    expect(linesOf(input)).toEqual([]);
  });

  it('checks the bundle fields', () => {
    const input = {
      ...samplePayload(),
      bundleId: 'not-a-uuid',
      bundleVersion: 0,
      issuedAt: '2025-11-01T08:30:00+08:00',
      issuer: { name: '秘书处' },
    };
    input.files[0]!.sha256 = 'A'.repeat(64);
    input.files[1]!.size = -1;
    expect(linesOf(input)).toEqual([
      'bundleId: expected a UUID, got "not-a-uuid"',
      'bundleVersion: must be at least 1, got 0',
      'issuedAt: expected an RFC 3339 UTC time such as 2025-11-01T08:30:00Z, got "2025-11-01T08:30:00+08:00"',
      'issuer.publicKey: missing required field "publicKey"',
      `files[0].sha256: expected 64 lower-case hex digits (SHA-256), got "${'A'.repeat(64)}"`,
      'files[1].size: must be at least 0, got -1',
    ]);
  });

  it('refuses impossible dates', () => {
    const input = { ...samplePayload(), issuedAt: '2025-02-29T08:30:00Z' };
    expect(linesOf(input)).toEqual(['issuedAt: "2025-02-29T08:30:00Z" is not a real date and time']);
    expect(linesOf({ ...samplePayload(), issuedAt: '2025-13-01T08:30:00Z' })).toHaveLength(1);
    expect(linesOf({ ...samplePayload(), issuedAt: '2025-12-01T24:00:00Z' })).toHaveLength(1);
  });

  it('needs every bundle field', () => {
    const { bundleId: _b, files: _f, ...rest } = samplePayload();
    expect(linesOf(rest)).toEqual(['bundleId: missing required field "bundleId"', 'files: missing required field "files"']);
  });

  it('applies the round rules too', () => {
    const input = samplePayload();
    input.categories[0]!.rubric = 'x';
    expect(linesOf(input)).toEqual(['categories[0].rubric (integrity): unknown rubric "x"']);
  });

  it('files[] lists exactly the documents, each once', () => {
    const input = samplePayload();
    input.files.splice(1, 1); // A002's document is no longer listed
    input.files.push({ path: 'A001/extra.pdf', sha256: hash, size: 1 });
    input.files.push({ path: 'A001/申报材料.pdf', sha256: hash, size: 1 });
    expect(linesOf(input)).toEqual([
      'applicants[1].documents[0].path (A002): document "A002/申报材料.pdf" is not listed in files',
      'files[2].path: "A001/extra.pdf" is not a document of the round',
      'files[3].path: "A001/申报材料.pdf" is listed twice (first at files[0])',
    ]);
  });
});
