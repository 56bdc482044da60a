// Fuzzing the bundle reader (openBundle + verifyDocuments) with mutated real bundles: byte flips,
// truncations, inserted and deleted bytes biased towards the manifest and the ZIP headers; hostile
// entry sets written by the permissive raw-zip writer; and random manifests signed with a test key.
//
// Property, for every case: the reader either refuses cleanly (a Rejection naming the file, with
// a message) or accepts; it never throws anything else, never hangs (5 s per case), leaves no
// unhandled rejection or uncaught exception and no open file descriptor; and it never accepts a
// bundle whose signed bytes changed — an accepted mutant carries the original manifest payload
// byte for byte and yields the original documents byte for byte (a signed random manifest must
// yield exactly the payload that was signed and documents matching its hashes).
//
// Counts: 5,000 byte mutations + 3,000 hostile entry sets + 3,000 signed manifests = 11,000 cases.
// A case costs 1–4 ms, mostly waiting on yauzl's small asynchronous reads (open, central directory,
// one stream per document), so 10,000 of each would take over a minute; the mix above keeps the
// file near 25 s on the 2-core CI machine. 30,000 cases (10,000 of each) were run while writing
// this, with no failure. FUZZ_SCALE and FUZZ_SEED (test/helpers/fuzz.ts) scale the counts and
// replay a failure.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packBundle } from '../../electron/core/bundle/pack';
import { openBundle, verifyDocuments } from '../../electron/core/bundle/read-bundle';
import { BUNDLE_PAYLOAD_TYPE } from '../../shared/bundle/manifest';
import { signEnvelope } from '../../electron/core/signing/dsse';
import { canonicalBytes } from '../../electron/core/signing/canonical-json';
import { makeKey, makeRoundDir, sampleRound, tempDir, type TestKey } from '../helpers/fixtures';
import { takeApart, type BundleParts } from '../helpers/bundle-surgery';
import { rawZip, type RawEntry } from '../helpers/raw-zip';
import {
  byteMutations,
  check,
  expectCleanRefusal,
  FUZZ_TEST_TIMEOUT_MS,
  fuzzParameters,
  jsonMutation,
  mutateBytes,
  mutateJson,
  openFds,
  settle,
  watchUnhandled,
  withTimeout,
} from '../helpers/fuzz';

const LABEL = 'fuzzed.rdbundle';
const CASE_TIMEOUT_MS = 5_000;
const work = tempDir('reviewdesk-fuzz-bundle-');
// Case files go to memory when the machine has /dev/shm: 30,000 writes to disk would dominate.
const scratch = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'reviewdesk-fuzz-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const caseFile = path.join(scratch, LABEL);
const unhandled = watchUnhandled();

// Small real PDFs, so each case is cheap and mutations often land in the headers and manifest.
const SMALL_SOURCES: Record<string, string> = {
  'A001/申报材料.pdf': 'XiaoBiaoSong.pdf',
  'A001/扫描件.pdf': 'helloworld-bad.pdf',
  'A002/申报材料.pdf': 'noembed-sjis.pdf',
  'B001/application.pdf': 'bad-PageLabels.pdf',
};

let issuer: TestKey;
let stranger: TestKey;
let original: Buffer;
let parts: BundleParts;
let payloadBytes: Buffer;
let documents: Map<string, Buffer>;
let regions: [number, number][];

/** The central directory and end record, and the manifest entry with its local header. */
function interestingRegions(bytes: Buffer, manifest: Buffer): [number, number][] {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const cdStart = bytes.readUInt32LE(eocd + 16);
  const manifestAt = bytes.indexOf(manifest);
  const out: [number, number][] = [[cdStart, eocd + 22]];
  if (manifestAt >= 0) out.push([Math.max(0, manifestAt - 60), manifestAt + manifest.length]);
  // The local headers of every entry.
  for (let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04])); at >= 0 && at < cdStart; at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), at + 4)) {
    out.push([at, at + 30 + bytes.readUInt16LE(at + 26)]);
  }
  return out;
}

beforeAll(async () => {
  issuer = makeKey(work, 'issuer');
  stranger = makeKey(work, 'stranger');
  const dir = makeRoundDir(path.join(work, 'round'), sampleRound(), SMALL_SOURCES);
  const file = path.join(work, 'good.rdbundle');
  await packBundle({ dir, key: issuer.key, out: file });
  original = readFileSync(file);
  parts = await takeApart(file);
  payloadBytes = Buffer.from(parts.envelope.payload, 'base64');
  documents = new Map(parts.entries.filter((entry) => entry.name.startsWith('files/')).map((entry) => [entry.name.slice('files/'.length), entry.data]));
  regions = interestingRegions(original, parts.entries.find((entry) => entry.name === 'manifest.json')!.data);
});

interface Accepted {
  payloadBytes: Buffer;
  payload: unknown;
  documents: Map<string, Buffer>;
  listed: Map<string, string>;
}

/** Opens and verifies the bytes as a bundle: the accepted content, or the refusal (checked to be clean). */
async function read(bytes: Buffer, options: { expectedIssuer?: string } = {}): Promise<Accepted | undefined> {
  writeFileSync(caseFile, bytes);
  const outcome = await withTimeout(
    settle(async () => {
      const bundle = await openBundle(caseFile, options, LABEL);
      try {
        const seen = new Map<string, Buffer>();
        await verifyDocuments(bundle, async (document) => {
          const chunks: Buffer[] = [];
          return new Writable({
            write(chunk: Buffer, _encoding, callback) {
              chunks.push(chunk);
              callback();
            },
            final(callback) {
              seen.set(document.path, Buffer.concat(chunks));
              callback();
            },
          });
        });
        const envelope = JSON.parse(bundle.manifestBytes.toString('utf8')) as { payload: string };
        return {
          payloadBytes: Buffer.from(envelope.payload, 'base64'),
          payload: bundle.payload,
          documents: seen,
          listed: new Map(bundle.payload.files.map((listed) => [listed.path, listed.sha256])),
        };
      } finally {
        bundle.close();
      }
    }),
    CASE_TIMEOUT_MS,
    'openBundle + verifyDocuments',
  );
  if (outcome.ok) return outcome.value;
  expectCleanRefusal(outcome.error, LABEL);
  return undefined;
}

/** An accepted mutant of the real bundle must carry the signed bytes unchanged. */
function expectOriginalContent(accepted: Accepted): void {
  check(accepted.payloadBytes.equals(payloadBytes), () => `accepted a changed manifest payload: ${accepted.payloadBytes.toString('utf8').slice(0, 300)}`);
  expect([...accepted.documents.keys()].sort()).toEqual([...documents.keys()].sort());
  for (const [documentPath, bytes] of accepted.documents) check(bytes.equals(documents.get(documentPath)!), `accepted changed content for ${documentPath}`);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('bundle reader under fuzzing', { timeout: FUZZ_TEST_TIMEOUT_MS }, () => {
  it('the unmutated bundle is accepted (the oracle works)', async () => {
    const accepted = await read(original);
    expect(accepted).toBeDefined();
    expectOriginalContent(accepted!);
  });

  it('byte flips, truncations, insertions and deletions: refused cleanly, or accepted with unchanged signed bytes', async () => {
    const fdsBefore = openFds();
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(byteMutations(regions), fc.boolean(), async (mutations, pin) => {
        const result = await read(mutateBytes(original, mutations), pin ? { expectedIssuer: issuer.key.fingerprint } : {});
        if (result !== undefined) {
          accepted += 1;
          expectOriginalContent(result);
        }
      }),
      fuzzParameters(5_000),
    );
    unhandled.check();
    expect(openFds()).toBeLessThanOrEqual(fdsBefore + 2);
    // Some mutants are harmless and accepted (a keyid's letter case, a timestamp, a CRC — yauzl
    // does not check CRCs; the SHA-256 of every document does): their content was checked above.
    console.info(`bundle byte mutations: ${accepted} harmless mutants accepted`);
  });

  it('hostile entry sets (names, kinds, flags, methods, declared sizes, duplicates): refused cleanly, or the original content', async () => {
    const realNames = () => parts.entries.map((entry) => entry.name);
    const hostileName = fc.oneof(
      fc.constantFrom(...realNames()),
      fc.constantFrom(...realNames()).map((name) => name.toUpperCase()),
      fc.constantFrom(...realNames()).map((name) => `${name}/`),
      fc.constantFrom(...realNames()).map((name) => name.normalize('NFD')),
      fc.constantFrom(
        '', '/', 'files/', 'files', 'x/', '../manifest.json', 'files/../manifest.json', '/files/A001/申报材料.pdf', 'C:/x', 'c:x', 'files\\A001\\x.pdf',
        'files//x.pdf', 'files/./x.pdf', 'files/A001/a\u0001.pdf', 'files/A001/a\u0085.pdf', 'MANIFEST.JSON', 'Manifest.json', 'manifest.json/',
        'files/A001/申报材料.PDF', 'files/a001/申报材料.pdf', 'files/Å.pdf', 'files/A\u030a.pdf', 'files/ﬀ.pdf', 'files/FF.pdf', 'files/\u0130.pdf', 'files/i\u0307.pdf',
        `files/${'a'.repeat(300)}.pdf`, 'files/\u202etxt.pdf', 'files/x.pdf\u0000', '.', '..', './manifest.json',
      ),
      fc.string({ maxLength: 12 }).map((name) => `files/${name}`),
    );
    const data = fc.oneof(
      fc.constantFrom(...parts.entries.map((entry) => entry.data)),
      fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
      fc.constant(Buffer.alloc(0)),
      fc.tuple(fc.constantFrom(...parts.entries.map((entry) => entry.data)), fc.nat(), fc.integer({ min: 1, max: 255 })).map(([bytes, at, xor]) => {
        const copy = Buffer.from(bytes);
        if (copy.length > 0) copy[at % copy.length] = copy[at % copy.length]! ^ xor;
        return copy;
      }),
    );
    const attributes = fc.record(
      {
        method: fc.constantFrom<0 | 8 | 12>(0, 0, 8, 12),
        flags: fc.constantFrom(0, 0, 0x1, 0x8, 0x41, 0x2000),
        utf8Flag: fc.constantFrom(true, true, false),
        unixMode: fc.constantFrom(undefined, 0o100644, 0o120777, 0o010644, 0o140755, 0o060644, 0o040755, 0),
        declaredSize: fc.oneof(fc.constant(undefined), fc.nat({ max: 100_000 }), fc.constantFrom(0, 1, 0xfffffffe, 0xffffffff)),
      },
      { requiredKeys: [] },
    );
    const entry: fc.Arbitrary<RawEntry> = fc.tuple(hostileName, data, attributes).map(([name, bytes, extra]) => ({ name, data: bytes, ...extra }) as RawEntry);
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), at: fc.nat(), entry }),
      fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('modify' as const), at: fc.nat(), attributes }),
      fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), name: hostileName }),
      fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
    );
    const fdsBefore = openFds();
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 4 }), async (ops) => {
        const entries: RawEntry[] = parts.entries.map((real) => ({ name: real.name, data: real.data }));
        for (const change of ops) {
          const n = entries.length;
          if (change.kind === 'add') entries.splice(change.at % (n + 1), 0, change.entry);
          else if (n === 0) continue;
          else if (change.kind === 'remove') entries.splice(change.at % n, 1);
          else if (change.kind === 'modify') Object.assign(entries[change.at % n]!, change.attributes);
          else if (change.kind === 'rename') entries[change.at % n]!.name = change.name;
          else [entries[change.a % n], entries[change.b % n]] = [entries[change.b % n]!, entries[change.a % n]!];
        }
        const result = await read(rawZip(entries));
        if (result !== undefined) expectOriginalContent(result);
      }),
      fuzzParameters(3_000),
    );
    unhandled.check();
    expect(openFds()).toBeLessThanOrEqual(fdsBefore + 2);
  });

  it('random manifests signed with a test key: refused cleanly, or exactly what was signed with matching documents', async () => {
    const documentEdit = fc.oneof(
      fc.constant(undefined),
      // Swap a document's bytes (listing unchanged: must be refused) …
      fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 200 }) }),
      // … or swap them and list the new hash and size (a legitimately signed new document).
      fc.record({ kind: fc.constant('relist' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 200 }) }),
    );
    const payloadArb = fc.oneof(
      { weight: 8, arbitrary: fc.array(jsonMutation(), { minLength: 1, maxLength: 4 }).map((mutations) => mutateJson(parts.payload, mutations)) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((value) => ({ ...parts.payload, [String(Object.keys(parts.payload).length)]: value, files: value })) },
    );
    const fdsBefore = openFds();
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(payloadArb, documentEdit, fc.constantFrom('none', 'issuer', 'stranger'), async (mutated, edit, pin) => {
        let payload = mutated;
        const entries = parts.entries.map((real) => ({ name: real.name, data: real.data }));
        if (edit !== undefined) {
          const docs = entries.filter((candidate) => candidate.name.startsWith('files/'));
          const target = docs[edit.at % docs.length]!;
          target.data = Buffer.from(edit.bytes);
          if (edit.kind === 'relist' && payload !== null && typeof payload === 'object' && Array.isArray((payload as { files?: unknown }).files)) {
            payload = structuredClone(payload) as { files: unknown[] };
            for (const listed of (payload as { files: unknown[] }).files) {
              if (listed !== null && typeof listed === 'object' && `files/${(listed as { path?: unknown }).path}` === target.name) {
                Object.assign(listed, { sha256: sha256(target.data), size: target.data.length });
              }
            }
          }
        }
        let signedBytes: Buffer;
        try {
          signedBytes = canonicalBytes(payload);
        } catch {
          return; // not JSON-representable (e.g. a lone undefined root): nothing to sign
        }
        const manifest = Buffer.from(JSON.stringify(signEnvelope(BUNDLE_PAYLOAD_TYPE, payload, issuer.key.seed, issuer.key.publicKey)));
        const bytes = rawZip(entries.map((candidate) => (candidate.name === 'manifest.json' ? { name: candidate.name, data: manifest } : candidate)));
        const options = pin === 'issuer' ? { expectedIssuer: issuer.key.fingerprint } : pin === 'stranger' ? { expectedIssuer: stranger.key.fingerprint } : {};
        const result = await read(bytes, options);
        if (result === undefined) return;
        accepted += 1;
        expect(pin).not.toBe('stranger');
        check(result.payloadBytes.equals(signedBytes), () => `accepted a payload that is not the one signed: ${result.payloadBytes.toString('utf8').slice(0, 300)}`);
        for (const [documentPath, content] of result.documents) expect(sha256(content)).toBe(result.listed.get(documentPath));
        expect([...result.documents.keys()].sort()).toEqual([...result.listed.keys()].sort());
      }),
      fuzzParameters(3_000),
    );
    unhandled.check();
    expect(openFds()).toBeLessThanOrEqual(fdsBefore + 2);
    expect(accepted).toBeGreaterThan(0);
  });
});
